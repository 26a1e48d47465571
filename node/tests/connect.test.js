'use strict';
// The emulator's simulated connect accepts the tokens we mint and refuses the ones it should.

const test = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startEmulator, simulateConnect } = require('./helpers/emulator');

let emu;
let ot;
let session;
test.before(async () => {
  emu = await startEmulator();
  ot = new OpenTok(API_KEY, API_SECRET, emu.url);
  session = await ot.createSession({ mediaMode: 'routed' });
});
test.after(() => emu && emu.stop());

for (const t1 of [false, true]) {
  for (const role of ['publisher', 'subscriber', 'moderator', 'publisheronly']) {
    test(`${t1 ? 'T1' : 'JWT'} ${role} token connects`, async () => {
      const token = ot.generateToken(session.sessionId, { role, data: `user=${role}`, initialLayoutClassList: ['focus'] }, t1);
      const r = await simulateConnect(emu.url, session.sessionId, token);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.role, role);
      assert.equal(r.body.data, `user=${role}`);
      assert.equal(typeof r.body.connectionId, 'string');
    });
  }
}

test('a token for another session is refused', async () => {
  const other = await ot.createSession();
  const token = ot.generateToken(other.sessionId);
  const r = await simulateConnect(emu.url, session.sessionId, token);
  assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
});

test('a token signed with another secret is refused', async () => {
  const forger = new OpenTok(API_KEY, 'f'.repeat(40));
  const r = await simulateConnect(emu.url, session.sessionId, forger.generateToken(session.sessionId));
  assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
});

test('an expired token is refused', async () => {
  const past = Math.floor(Date.now() / 1000) - 3 * 86400;
  const old = new OpenTok(API_KEY, API_SECRET, { testing: { now: past, nonce: 1 } });
  const token = old.generateToken(session.sessionId, { expireTime: past + 3600 });
  assert.equal(OpenTok.explainToken(token, API_SECRET).rejection, 'expired');
  const r = await simulateConnect(emu.url, session.sessionId, token);
  assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
});
