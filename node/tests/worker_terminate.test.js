'use strict';
// Issue #15: terminating worker_threads while their REST calls are in flight must not crash the
// process. The hostile scenario runs in a child process (tests/fixtures/terminate_workers.js), so
// a segfault fails this test instead of killing the test runner.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawn } = require('child_process');
const { startEmulator } = require('./helpers/emulator');

const SCRIPT = path.join(__dirname, 'fixtures', 'terminate_workers.js');

function runChild(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

test('terminating 8 workers with 300 createSession calls each in flight does not crash the process', async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  // Three rounds of 8 workers, then calls from the main thread (the addon outlives its workers).
  const r = await runChild([emu.url, '8', '300', '3']);
  assert.equal(r.signal, null, `child killed by ${r.signal}: ${r.out.slice(-2000)}`);
  assert.equal(r.code, 0, `child exited with ${r.code}: ${r.out.slice(-2000)}`);
  assert.match(r.out, /^ok$/m);
});

test('the main thread keeps its calls in flight while its workers are terminated mid-call', async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const r = await runChild([emu.url, '8', '200', '2', 'busy-main']);
  assert.equal(r.signal, null, `child killed by ${r.signal}: ${r.out.slice(-2000)}`);
  assert.equal(r.code, 0, `child exited with ${r.code}: ${r.out.slice(-2000)}`);
  assert.match(r.out, /^ok$/m);
});
