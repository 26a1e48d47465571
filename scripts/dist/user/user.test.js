'use strict';
// A user's node:test file (make test-dist runs it in a fresh npm project holding only the two
// tarballs): startEmulator() finds the binary in the installed opentok-emulator package.
const test = require('node:test');
const assert = require('node:assert/strict');
const { startEmulator, withEmulator } = require('opentok-native/testing');

let emu;
test.before(async () => { emu = await startEmulator(); });
test.after(() => emu.stop());

test('session, token and a simulated client', async () => {
  assert.equal(process.env.EMULATOR_BIN, undefined);
  const session = await emu.client.createSession({ mediaMode: 'routed' });
  const token = emu.client.generateToken(session.sessionId, { role: 'moderator', data: 'name=Ada' });
  const conn = await emu.connect(session.sessionId, token);
  assert.equal(conn.role, 'moderator');
});

test('withEmulator gives a fresh one', async () => {
  const pid = await withEmulator(async (other) => {
    assert.notEqual(other.url, emu.url);
    await other.client.createSession();
    return other.pid;
  });
  assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
});
