'use strict';
// The seed API: OpenTokSDK(apiKey, apiSecret).createSession(location, properties).

const test = require('node:test');
const assert = require('node:assert/strict');
const { OpenTokSDK, SessionId, ArgumentError, verifyToken } = require('..');
const { API_KEY, API_SECRET, startEmulator, simulateConnect } = require('./helpers/emulator');

let emu;
test.before(async () => { emu = await startEmulator(); });
test.after(() => emu && emu.stop());

test('createSession(location, {"p2p.preference": "disabled"}) -> {session_id, getSessionId()}', async () => {
  const sdk = OpenTokSDK(API_KEY, API_SECRET, emu.url);
  const s = await sdk.createSession('12.34.56.78', { 'p2p.preference': 'disabled' });
  assert.equal(typeof s.session_id, 'string');
  assert.equal(s.getSessionId(), s.session_id);
  const parsed = new SessionId(s.session_id);
  assert.equal(parsed.location, '12.34.56.78');
  assert.equal(s.session.mediaMode, 'routed');
});

test('new OpenTokSDK(...) with p2p.preference enabled is relayed; callback style', async () => {
  const sdk = new OpenTokSDK(Number(API_KEY), API_SECRET, emu.url);
  const s = await new Promise((resolve, reject) => sdk.createSession('', { 'p2p.preference': 'enabled' }, (e, r) => (e ? reject(e) : resolve(r))));
  assert.equal(s.session.mediaMode, 'relayed');
  const token = sdk.generate_token(s.getSessionId(), { role: 'moderator' });
  assert.equal(verifyToken(token, API_SECRET).role, 'moderator');
  const r = await simulateConnect(emu.url, s.session_id, token);
  assert.equal(r.status, 201);
});

test('create_session alias and a bad p2p.preference -> ArgumentError', async () => {
  const sdk = OpenTokSDK(API_KEY, API_SECRET, emu.url);
  const s = await sdk.create_session();
  assert.ok(s.session_id);
  await assert.rejects(sdk.createSession(null, { 'p2p.preference': 'sometimes' }), (e) => e instanceof ArgumentError && e.field === 'mediaMode');
  await assert.rejects(sdk.createSession('nowhere'), (e) => e instanceof ArgumentError && e.field === 'location');
});
