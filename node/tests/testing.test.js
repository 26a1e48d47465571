'use strict';
// The package's test helper (`opentok-native/testing`): a real emulator with a client on it, clear
// errors when the emulator cannot come up, and no process left behind when a test throws.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { emulatorBin } = require('./helpers/emulator');
const { startEmulator, withEmulator, findEmulator } = require('opentok-native/testing');

function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if (e.code === 'ESRCH') return false;
    throw e;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop().trim()[0] !== 'Z';
  } catch (_) {
    return false;
  }
}

test('startEmulator gives a url, credentials and a client on it', async () => {
  const emu = await startEmulator({ binary: emulatorBin() });
  try {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emu.apiKey, '123456');
    assert.equal(emu.apiSecret.length, 42);
    const session = await emu.client.createSession({ mediaMode: 'routed' });
    const conn = await emu.connect(session.sessionId, emu.client.generateToken(session.sessionId, { role: 'moderator' }));
    assert.equal(conn.role, 'moderator');
    assert.ok(!JSON.stringify(emu).includes(emu.apiSecret));
  } finally {
    await emu.stop();
  }
  assert.equal(alive(emu.pid), false);
  await emu.stop(); // idempotent
});

test('a project of its own', async () => {
  await withEmulator(async (emu) => {
    assert.equal(emu.apiKey, '4242');
    await emu.client.createSession();
  }, { binary: emulatorBin(), apiKey: 4242, apiSecret: 's'.repeat(40) });
});

test('a test that throws inside withEmulator leaves no emulator process', async () => {
  let pid;
  await assert.rejects(
    withEmulator(async (emu) => {
      pid = emu.pid;
      assert.equal(alive(pid), true);
      await emu.client.createSession();
      throw new Error('boom inside the fixture');
    }, { binary: emulatorBin() }),
    /boom inside the fixture/,
  );
  assert.equal(alive(pid), false, `emulator pid ${pid} left running`);
});

test('a test file that fails under node:test leaves no emulator process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otn-testing-'));
  const pids = path.join(dir, 'pids');
  const file = path.join(dir, 'inner.test.js');
  fs.writeFileSync(file, `
    const test = require('node:test');
    const fs = require('fs');
    const { startEmulator } = require(${JSON.stringify(require.resolve('opentok-native/testing'))});
    test('raises with an emulator running', async (t) => {
      const emu = await startEmulator();
      t.after(() => emu.stop());
      fs.appendFileSync(${JSON.stringify(pids)}, emu.pid + '\\n');
      throw new Error('boom inside the fixture');
    });
    test('exits the process abruptly', async () => {
      const emu = await startEmulator();
      fs.appendFileSync(${JSON.stringify(pids)}, emu.pid + '\\n');
      process.exit(3);
    });
  `);
  const env = { ...process.env, EMULATOR_BIN: emulatorBin() };
  delete env.NODE_TEST_CONTEXT; // a node:test run of its own, not a subtest of this one
  const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', file], {
    env,
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.notEqual(r.status, 0, r.stdout + r.stderr);
  const recorded = fs.readFileSync(pids, 'utf8').trim().split('\n').map(Number);
  assert.equal(recorded.length, 2, r.stdout + r.stderr);
  for (const pid of recorded) assert.equal(alive(pid), false, `emulator pid ${pid} left running`);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a missing binary is a clear error', async () => {
  await assert.rejects(startEmulator({ binary: '/nonexistent/opentok-emulator' }), (e) => {
    assert.equal(e.code, 'OPENTOK_EMULATOR_NOT_FOUND');
    assert.match(e.message, /\/nonexistent\/opentok-emulator.*does not exist or is not executable/);
    return true;
  });
  const env = { ...process.env, PATH: '/nonexistent' };
  delete env.EMULATOR_BIN;
  const r = spawnSync(process.execPath, ['-e', `
    const { findEmulator } = require(${JSON.stringify(require.resolve('opentok-native/testing'))});
    try { findEmulator(); } catch (e) { console.log(e.code + ' ' + e.message); }
  `], { env, cwd: os.tmpdir(), encoding: 'utf8' });
  assert.match(r.stdout, /OPENTOK_EMULATOR_NOT_FOUND .*npm install --save-dev opentok-emulator/);
  assert.equal(typeof findEmulator, 'function');
});

test('an emulator that does not come up is an error, and is killed', async () => {
  await assert.rejects(startEmulator({ binary: emulatorBin(), args: ['--header-read-timeout', '0'] }), (e) => {
    assert.equal(e.code, 'OPENTOK_EMULATOR_START');
    assert.match(e.message, /did not start: it exited before printing its address: .*header-read-timeout/s);
    return true;
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'otn-mute-'));
  const mute = path.join(dir, 'mute-emulator');
  fs.writeFileSync(mute, `#!/bin/sh\necho $$ > ${mute}.pid\nexec sleep 30\n`, { mode: 0o755 });
  await assert.rejects(startEmulator({ binary: mute, timeoutMs: 1000 }), /did not start: it was silent 1000 ms/);
  assert.equal(alive(Number(fs.readFileSync(`${mute}.pid`, 'utf8'))), false);
  fs.rmSync(dir, { recursive: true, force: true });
});
