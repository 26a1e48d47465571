'use strict';
// Cross-checks with the official `opentok@2.23.2` package, installed into .scratch/ by this test:
// our tokens verify with its verifiers, its tokens verify with ours, and it is a real client of
// the emulator whose sessions we mint tokens for.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startEmulator, simulateConnect } = require('./helpers/emulator');
const { officialRequire } = require('./helpers/official');

let req;
let Official;
let jwt;
let t1Helpers;
let emu;
test.before(async () => {
  req = officialRequire();
  Official = req('opentok');
  jwt = req('jsonwebtoken');
  t1Helpers = req('opentok-token/helpers');
  emu = await startEmulator();
});
test.after(() => emu && emu.stop());

const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const OPTION_SETS = [
  {},
  { role: 'subscriber' },
  { role: 'moderator', data: 'name=Johnny & co', initialLayoutClassList: ['focus', 'small'] },
  { role: 'publisheronly', expireTime: Math.floor(Date.now() / 1000) + 3600 },
];

test('the official package is the pinned version', () => {
  assert.equal(req('opentok/package.json').version, '2.23.2');
});

for (const opts of OPTION_SETS) {
  test(`our JWT ${JSON.stringify(opts)} verifies with jsonwebtoken as the official tests do`, () => {
    const ours = new OpenTok(API_KEY, API_SECRET).generateToken(SID, opts);
    const claims = jwt.verify(ours, API_SECRET, { issuer: API_KEY });
    assert.equal(claims.session_id, SID);
    assert.equal(claims.role, opts.role || 'publisher');
    assert.equal(claims.scope, 'session.connect');
    if (opts.data) assert.equal(claims.connection_data, opts.data);
    if (opts.initialLayoutClassList) assert.equal(claims.initial_layout_class_list, opts.initialLayoutClassList.join(' '));
    if (opts.expireTime) assert.equal(claims.exp, opts.expireTime);
    assert.throws(() => jwt.verify(ours, 'f'.repeat(40)));
  });

  test(`our T1 ${JSON.stringify(opts)} verifies with opentok-token's helpers`, () => {
    const ours = new OpenTok(API_KEY, API_SECRET).generateToken(SID, opts, true);
    assert.equal(t1Helpers.verifyTokenSignature(ours, API_SECRET), true);
    assert.equal(t1Helpers.verifyTokenSignature(ours, 'f'.repeat(40)), false);
    const fields = t1Helpers.decodeToken(ours);
    assert.equal(fields.partner_id, API_KEY);
    assert.equal(fields.session_id, SID);
    assert.equal(fields.role, opts.role || 'publisher');
    if (opts.data) assert.equal(fields.connection_data, opts.data);
  });

  for (const t1 of [false, true]) {
    test(`official ${t1 ? 'T1' : 'JWT'} ${JSON.stringify(opts)} verifies with ours`, () => {
      const theirs = new Official(API_KEY, API_SECRET).generateToken(SID, opts, t1);
      const d = OpenTok.verifyToken(theirs, API_SECRET);
      assert.equal(d.format, t1 ? 'T1' : 'JWT');
      assert.equal(d.sessionId, SID);
      assert.equal(d.role, opts.role || 'publisher');
      if (opts.data) assert.equal(d.connectionData, opts.data);
      if (opts.initialLayoutClassList) assert.equal(d.initialLayoutClassList, opts.initialLayoutClassList.join(' '));
      if (opts.expireTime) assert.equal(d.expiresAt, opts.expireTime);
      assert.throws(() => OpenTok.verifyToken(theirs, 'f'.repeat(40)), (e) => e.reason === 'bad_signature');
    });
  }
}

test('Vonage mode: our RS256 tokens verify with jsonwebtoken, theirs with ours', () => {
  const appId = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const sid = OpenTok.SessionId.mint(appId).sessionId;
  const ours = new OpenTok(appId, privateKey).generateToken(sid, { role: 'moderator' });
  const claims = jwt.verify(ours, publicKey, { algorithms: ['RS256'] });
  assert.equal(claims.session_id, sid);
  assert.equal(claims.role, 'moderator');
  assert.equal(claims.application_id, appId);
  const theirs = new Official(appId, privateKey).generateToken(sid, { role: 'subscriber' });
  const d = OpenTok.verifyToken(theirs, publicKey);
  assert.equal(d.role, 'subscriber');
  assert.equal(d.sessionId, sid);
});

test('the official SDK creates sessions on the emulator; our tokens for them connect', async () => {
  const official = new Official(API_KEY, API_SECRET, emu.url);
  const session = await new Promise((resolve, reject) => official.createSession({ mediaMode: 'routed', location: '12.34.56.78' }, (e, s) => (e ? reject(e) : resolve(s))));
  const parsed = new OpenTok.SessionId(session.sessionId);
  assert.equal(parsed.apiKey, API_KEY);
  assert.equal(parsed.location, '12.34.56.78');
  const ours = new OpenTok(API_KEY, API_SECRET, emu.url);
  const r = await simulateConnect(emu.url, session.sessionId, ours.generateToken(session.sessionId, { role: 'moderator' }));
  assert.equal(r.status, 201, JSON.stringify(r.body));
  // and the official SDK's token for our session connects too
  const mine = await ours.createSession();
  const r2 = await simulateConnect(emu.url, mine.sessionId, official.generateToken(mine.sessionId, { role: 'subscriber' }));
  assert.equal(r2.status, 201, JSON.stringify(r2.body));
  assert.equal(r2.body.role, 'subscriber');
});

test('same call, same shape: Session objects of both SDKs expose sessionId and generateToken', async () => {
  const official = new Official(API_KEY, API_SECRET, emu.url);
  const ours = new OpenTok(API_KEY, API_SECRET, emu.url);
  const [a, b] = await Promise.all([
    new Promise((resolve, reject) => official.createSession({ mediaMode: 'routed' }, (e, s) => (e ? reject(e) : resolve(s)))),
    new Promise((resolve, reject) => ours.createSession({ mediaMode: 'routed' }, (e, s) => (e ? reject(e) : resolve(s)))),
  ]);
  for (const s of [a, b]) {
    assert.equal(typeof s.sessionId, 'string');
    assert.equal(s.mediaMode, 'routed');
    assert.equal(typeof s.generateToken, 'function');
    assert.equal(OpenTok.verifyToken(s.generateToken({ role: 'moderator' }), API_SECRET).role, 'moderator');
  }
  // official error names match ours for a refused secret
  const badOfficial = new Official(API_KEY, 'f'.repeat(40), emu.url);
  const officialErr = await new Promise((resolve) => badOfficial.createSession({}, (e) => resolve(e)));
  assert.match(String(officialErr), /Failed to createSession/);
  const ourErr = await new OpenTok(API_KEY, 'f'.repeat(40), emu.url).createSession().catch((e) => e);
  assert.ok(ourErr instanceof OpenTok.AuthError);
  assert.equal(ourErr.name, 'AuthError');
});
