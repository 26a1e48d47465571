'use strict';
// new OpenTok(apiKey, apiSecret, env): argument shapes, Vonage application credentials against
// the emulator, and secrets kept out of reprs, JSON and errors.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startEmulator, simulateConnect } = require('./helpers/emulator');

const APP_ID = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';
const { privateKey: PRIVATE_PEM, publicKey: PUBLIC_PEM } = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let emu;
let keyDir;
test.before(async () => {
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opentok-native-node-'));
  const pub = path.join(keyDir, 'app.pub.pem');
  fs.writeFileSync(pub, PUBLIC_PEM);
  emu = await startEmulator(['--project', `${API_KEY}:${API_SECRET}`, '--application', `${APP_ID}:${pub}`]);
});
test.after(async () => {
  if (emu) await emu.stop();
  if (keyDir) fs.rmSync(keyDir, { recursive: true, force: true });
});

test('numeric api keys are accepted and stored as strings', () => {
  const ot = new OpenTok(123456, API_SECRET);
  assert.equal(ot.apiKey, '123456');
  assert.equal(ot.apiUrl, 'https://api.opentok.com');
});

test('works without new, like the official SDK', () => {
  const ot = OpenTok(API_KEY, API_SECRET);
  assert.ok(ot instanceof OpenTok);
});

test('env as a URL string or as {apiUrl, timeout, proxy, uaAddendum}', () => {
  assert.equal(new OpenTok(API_KEY, API_SECRET, 'http://127.0.0.1:4010').apiUrl, 'http://127.0.0.1:4010');
  const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: 'http://127.0.0.1:4011', timeout: 5000, proxy: 'http://127.0.0.1:3128', uaAddendum: 'x/1' });
  assert.equal(ot.apiUrl, 'http://127.0.0.1:4011');
});

test('knobs at their bounds and well-formed astral characters are accepted', () => {
  assert.equal(new OpenTok(123456, API_SECRET, { timeout: 86400000, maxRetries: 10 }).apiKey, '123456');
  assert.equal(new OpenTok(API_KEY, API_SECRET, { timeout: '5000', maxRetries: '0' }).apiKey, API_KEY);
  // A paired surrogate (an astral character) is well-formed: the secret is kept as given.
  const ot = new OpenTok(API_KEY, `${API_SECRET}\u{1F600}`, 'http://127.0.0.1:1');
  assert.equal(ot.apiKey, API_KEY);
});

test('bad constructor arguments -> ArgumentError naming the field', () => {
  const cases = [
    [[undefined, API_SECRET], 'api_key'],
    [[{}, API_SECRET], 'api_key'],
    [[API_KEY, undefined], 'api_secret'],
    [[API_KEY, 42], 'api_secret'],
    [[API_KEY, API_SECRET, 42], 'options'],
    [[API_KEY, API_SECRET, { timeout: -1 }], 'timeout'],
    [[API_KEY, API_SECRET, { timeout: 'soon' }], 'timeout'],
    [[API_KEY, API_SECRET, { maxRetries: 1.5 }], 'max_retries'],
    [[API_KEY, API_SECRET, { proxy: 42 }], 'proxy'],
    [['', API_SECRET], 'api_key'],
    [[API_KEY, ''], 'api_secret'],
    [[API_KEY, API_SECRET, 'not a url'], undefined],
    [[API_KEY, API_SECRET, { proxy: 'ftp://proxy' }], undefined],
    [['not-a-uuid', PRIVATE_PEM], 'application_id'],
    // Issue #15: knobs are checked once, by the core (timeout at most a day, retries at most 10),
    // and nothing is silently changed on its way to Rust.
    [[API_KEY, API_SECRET, { timeout: 2 ** 64 }], 'timeout'],
    [[API_KEY, API_SECRET, { timeout: 86400001 }], 'timeout'],
    [[API_KEY, API_SECRET, { timeout: true }], 'timeout'],
    [[API_KEY, API_SECRET, { maxRetries: 2 ** 64 }], 'max_retries'],
    [[API_KEY, API_SECRET, { maxRetries: 2 ** 32 + 1 }], 'max_retries'],
    [[API_KEY, API_SECRET, { maxRetries: 11 }], 'max_retries'],
    [[API_KEY, API_SECRET, { maxRetries: -1 }], 'max_retries'],
    [[API_KEY, API_SECRET, { maxRetries: true }], 'max_retries'],
    [[API_KEY, API_SECRET, { uaAddendum: 'x\r\nX-Injected: 1' }], 'ua_addendum'],
    [[NaN, API_SECRET], 'api_key'],
    [[Infinity, API_SECRET], 'api_key'],
    [[1.5, API_SECRET], 'api_key'],
    [[-1, API_SECRET], 'api_key'],
    [['12\uD800', API_SECRET], 'api_key'],
    [[API_KEY, `${API_SECRET}\uD800`], 'api_secret'],
    [[API_KEY, `\uDC00${API_SECRET}`], 'api_secret'],
    [[APP_ID, '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'], 'private_key'],
  ];
  for (const [args, field] of cases) {
    assert.throws(() => new OpenTok(...args), (e) => {
      assert.ok(e instanceof OpenTok.ArgumentError, `${JSON.stringify(args).slice(0, 60)}: got ${e.name}: ${e.message}`);
      if (field) assert.equal(e.field, field, e.message);
      assert.ok(!e.message.includes(API_SECRET), 'no secret in the message');
      assert.ok(!e.message.includes('BEGIN PRIVATE KEY'), 'no key in the message');
      return true;
    });
  }
});

test('the secret never shows in inspect, JSON, string forms or own properties', () => {
  const ot = new OpenTok(API_KEY, API_SECRET);
  assert.ok(!util.inspect(ot, { showHidden: true, depth: 5 }).includes(API_SECRET));
  assert.ok(!JSON.stringify(ot).includes(API_SECRET));
  assert.ok(!String(ot).includes(API_SECRET));
  for (const k of Reflect.ownKeys(ot)) assert.ok(!String(ot[k]).includes(API_SECRET));
  const app = new OpenTok(APP_ID, PRIVATE_PEM);
  assert.ok(!util.inspect(app, { showHidden: true, depth: 5 }).includes('PRIVATE KEY'));
});

test('error classes carry the official names and are exported', () => {
  for (const name of ['ArgumentError', 'AuthError', 'RequestError', 'NotFoundError', 'ArchiveError', 'SipError', 'SignalError', 'ForceDisconnectError', 'CallbackError', 'CaptionsError']) {
    const Cls = OpenTok[name];
    assert.equal(typeof Cls, 'function', name);
    const e = new Cls('m');
    assert.ok(e instanceof Error);
    assert.equal(e.name, name);
    assert.equal(e.message, 'm');
    assert.ok(e.stack.includes(name));
  }
});

test('Vonage application: createSession with an RS256 bearer, RS256 tokens the emulator accepts', async () => {
  const ot = new OpenTok(APP_ID, PRIVATE_PEM, emu.url);
  assert.equal(ot.apiKey, APP_ID);
  const s = await ot.createSession({ mediaMode: 'routed' });
  assert.equal(new OpenTok.SessionId(s.sessionId).apiKey, APP_ID);
  const token = s.generateToken({ role: 'moderator', data: 'vonage' });
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url'));
  assert.equal(header.alg, 'RS256');
  const d = OpenTok.verifyToken(token, PUBLIC_PEM);
  assert.equal(d.role, 'moderator');
  assert.equal(d.sessionId, s.sessionId);
  assert.equal(d.claims.application_id, APP_ID);
  assert.throws(() => OpenTok.verifyToken(token, API_SECRET), OpenTok.InvalidTokenError);
  const r = await simulateConnect(emu.url, s.sessionId, token);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(r.body.role, 'moderator');
});

test('Vonage application: REST operations go to /v2/project/{application id} with an RS256 bearer', async () => {
  const ot = new OpenTok(APP_ID, PRIVATE_PEM, emu.url);
  const s = await ot.createSession({ mediaMode: 'routed' });
  const r = await simulateConnect(emu.url, s.sessionId, s.generateToken());
  assert.equal(r.status, 201, JSON.stringify(r.body));
  const a = await ot.startArchive(s.sessionId, { name: 'vonage' });
  assert.equal(a.status, 'started');
  assert.deepEqual((await ot.listArchives({ sessionId: s.sessionId })).map((x) => x.id), [a.id]);
  await ot.signal(s.sessionId, r.body.connectionId, { data: 'hi' });
  assert.equal((await a.stop()).status, 'stopped');
  // a project's session is not the application's: the service says so
  const project = await new OpenTok(API_KEY, API_SECRET, emu.url).createSession({ mediaMode: 'routed' });
  const e = await ot.startArchive(project.sessionId).then(() => null, (x) => x);
  assert.ok(e instanceof OpenTok.ArchiveError, `got ${e && e.name}`);
  assert.equal(typeof e.status, 'number');
  assert.ok(e.status >= 400 && e.status < 500, `status ${e.status}`);
});

test('Vonage application: callback style, and a key the emulator does not know -> AuthError', async () => {
  const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const ot = new OpenTok(APP_ID, other.privateKey, emu.url);
  const err = await new Promise((resolve) => ot.createSession({}, (e) => resolve(e)));
  assert.ok(err instanceof OpenTok.AuthError, `got ${err && err.name}`);
  assert.ok(err.status === 401 || err.status === 403);
});

test('Vonage application default URL is the Vonage host', () => {
  assert.equal(new OpenTok(APP_ID, PRIVATE_PEM).apiUrl, 'https://video.api.vonage.com');
});

test('the core decides the credential kind: a PEM private key (or a key file path) as apiSecret means application credentials', async () => {
  const ot = new OpenTok(APP_ID, PRIVATE_PEM, emu.url);
  const header = JSON.parse(Buffer.from(ot.generateToken((await ot.createSession()).sessionId).split('.')[0], 'base64url'));
  assert.equal(header.alg, 'RS256');
  const keyFile = path.join(keyDir, 'app.key');
  fs.writeFileSync(keyFile, PRIVATE_PEM);
  const fromFile = new OpenTok(APP_ID, keyFile);
  assert.equal(fromFile.apiUrl, 'https://video.api.vonage.com');
  assert.throws(() => new OpenTok(APP_ID, path.join(keyDir, 'missing.key')), (e) => e instanceof OpenTok.ArgumentError && e.field === 'private_key');
  // a secret stays a project's
  assert.equal(new OpenTok(API_KEY, API_SECRET).apiUrl, 'https://api.opentok.com');
});

test('the core decides what a verify key is: PEM text is the public key, other text the secret; {secret} / {publicKey} choose', async () => {
  const appToken = new OpenTok(APP_ID, PRIVATE_PEM).generateToken((await new OpenTok(APP_ID, PRIVATE_PEM, emu.url).createSession()).sessionId);
  const projectToken = new OpenTok(API_KEY, API_SECRET).generateToken((await new OpenTok(API_KEY, API_SECRET, emu.url).createSession()).sessionId);
  assert.equal(OpenTok.verifyToken(appToken, PUBLIC_PEM).algorithm, 'RS256');
  assert.equal(OpenTok.verifyToken(appToken, { publicKey: PUBLIC_PEM }).algorithm, 'RS256');
  assert.equal(OpenTok.verifyToken(projectToken, API_SECRET).algorithm, 'HS256');
  assert.equal(OpenTok.verifyToken(projectToken, Buffer.from(API_SECRET)).algorithm, 'HS256');
  assert.equal(OpenTok.explainToken(appToken, PUBLIC_PEM).valid, true);
  assert.equal(OpenTok.explainToken(projectToken, { secret: API_SECRET }).valid, true);
  // an explicit {secret} is a secret even when it looks like PEM
  assert.throws(() => OpenTok.verifyToken(appToken, { secret: PUBLIC_PEM }), OpenTok.InvalidTokenError);
  assert.throws(() => OpenTok.verifyToken(projectToken, { secret: API_SECRET, publicKey: PUBLIC_PEM }), (e) => e instanceof OpenTok.ArgumentError && e.field === 'key');
  assert.throws(() => OpenTok.explainToken(projectToken, {}), (e) => e instanceof OpenTok.ArgumentError && e.field === 'key');
});
