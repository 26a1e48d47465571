'use strict';
// Issue #15: hostile inputs never crash the process. They run in a child process
// (tests/fixtures/hostile_child.js), so a segfault or abort fails this test with its signal.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { spawn } = require('child_process');
const { startEmulator } = require('./helpers/emulator');

const SCRIPT = path.join(__dirname, 'fixtures', 'hostile_child.js');
// Cases that must be refused with an error, never silently accepted.
const REFUSED = ['cyclic layout', 'cyclic signal data', 'deep signal 100k', 'deep broadcast outputs',
  'proxy token options', 'bigint expire', 'huge expire', 'nan expire', 'nul in session id', 'huge data',
  'timeout nan', 'sparse class list', 'lone surrogate data'];

test('hostile inputs end in errors, and exiting with calls in flight is clean', async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const r = await new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, emu.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
  assert.equal(r.signal, null, `child killed by ${r.signal}:\n${r.out.slice(-3000)}\n${r.err.slice(-3000)}`);
  assert.equal(r.code, 0, `child exited with ${r.code}:\n${r.out.slice(-3000)}\n${r.err.slice(-3000)}`);
  assert.match(r.out, /^all cases survived$/m);
  const outcomes = Object.fromEntries(r.out.split('\n').filter((l) => l.includes(': ')).map((l) => l.split(': ')));
  for (const name of REFUSED) assert.notEqual(outcomes[name], 'answered', `${name} was accepted`);
  assert.doesNotMatch(r.err, /panicked/);
});

test('bad arguments are ArgumentErrors naming the field, not stack overflows or napi conversion errors', async (t) => {
  const emu = await startEmulator();
  t.after(() => emu.stop());
  const OpenTok = require('..');
  const ot = new OpenTok('123456', '1234567890abcdef1234567890abcdef1234567890', { apiUrl: emu.url, maxRetries: 0 });
  const sid = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
  let deep = 'x';
  for (let i = 0; i < 100000; i++) deep = { d: deep };
  await assert.rejects(ot.signal(sid, null, { type: 't', data: deep }),
    (e) => e.name === 'ArgumentError' && /must not nest deeper than 64 levels/.test(e.message) && e.field.startsWith('data.d.d'));
  assert.throws(() => ot.generateToken(sid, { initialLayoutClassList: new Array(5) }),
    (e) => e.name === 'ArgumentError' && e.field === 'initial_layout_class_list');
  assert.throws(() => ot.generateToken(sid, { data: 'a\ud800' }),
    (e) => e.name === 'ArgumentError' && e.field === 'data' && /lone surrogates/.test(e.message));
  let ok = 'x';
  for (let i = 0; i < 60; i++) ok = [ok];
  // 60 levels are within the limit: whatever the core says about it, it is not the depth rule
  await ot.signal(sid, null, { type: 't', data: ok }).catch((e) => assert.doesNotMatch(e.message, /deeper/));
});
