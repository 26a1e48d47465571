#!/usr/bin/env node
// Benchmark: opentok-native (ours) beside the official opentok@2.23.2 in the same run, printing
// ratios. Not a test. Run `make bench-node` (release addon + release emulator), or:
//   (cd node && node scripts/build.js --release) && cargo build --release -p opentok-emulator
//   EMULATOR_BIN=target/release/opentok-emulator node benches/node_bench.js
// Measures: JWT and T1 tokens/s; createSession calls/s against the emulator with 1 and 64 in
// flight; require() time and RSS of a fresh process.
'use strict';

const { execFileSync } = require('child_process');
const path = require('path');

const REPO = path.resolve(__dirname, '..');
const { startEmulator, API_KEY, API_SECRET } = require(path.join(REPO, 'node', 'tests', 'helpers', 'emulator'));
const { officialRequire, OFFICIAL_DIR } = require(path.join(REPO, 'node', 'tests', 'helpers', 'official'));

const OURS_PATH = path.join(REPO, 'node');
const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const SECONDS = Number(process.env.BENCH_SECONDS || 2);

function rate(fn) {
  // warm up, then count calls for SECONDS
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const t0 = process.hrtime.bigint();
  const end = t0 + BigInt(Math.round(SECONDS * 1e9));
  let now = t0;
  while (now < end) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - t0) / 1e9);
}

async function asyncRate(create, inFlight, total) {
  for (let i = 0; i < Math.min(20, total); i++) await create(); // warm up the pool
  let started = 0;
  let done = 0;
  const t0 = process.hrtime.bigint();
  await new Promise((resolve, reject) => {
    const next = () => {
      if (started >= total) return;
      started += 1;
      create().then(() => {
        done += 1;
        if (done === total) resolve();
        else next();
      }, reject);
    };
    for (let i = 0; i < inFlight; i++) next();
  });
  return total / (Number(process.hrtime.bigint() - t0) / 1e9);
}

function requireStats(modulePath, runs = 7) {
  const script = `const t0 = process.hrtime.bigint(); const before = process.memoryUsage().rss;
    require(${JSON.stringify(modulePath)});
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, delta: process.memoryUsage().rss - before }));`;
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  const med = (k) => samples.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(runs / 2)];
  return { ms: med('ms'), rssMb: med('rss') / 1048576, deltaMb: med('delta') / 1048576 };
}

function fmt(n, digits = 0) {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main() {
  const req = officialRequire();
  const Official = req('opentok');
  const officialMain = require.resolve('opentok', { paths: [OFFICIAL_DIR] });
  const OpenTok = require(OURS_PATH);
  const rows = [];
  const row = (what, ours, theirs, unit, higherIsBetter = true) => {
    rows.push({ what, ours, theirs, unit, ratio: higherIsBetter ? ours / theirs : theirs / ours });
  };

  const ours = new OpenTok(API_KEY, API_SECRET);
  const official = new Official(API_KEY, API_SECRET);
  row('JWT tokens/s', rate(() => ours.generateToken(SID)), rate(() => official.generateToken(SID)), '/s');
  row('T1 tokens/s', rate(() => ours.generateToken(SID, {}, true)), rate(() => official.generateToken(SID, {}, true)), '/s');

  const emu = await startEmulator();
  try {
    const o = new OpenTok(API_KEY, API_SECRET, emu.url);
    const f = new Official(API_KEY, API_SECRET, emu.url);
    const ourCreate = () => o.createSession({ mediaMode: 'routed' });
    const theirCreate = () => new Promise((resolve, reject) => f.createSession({ mediaMode: 'routed' }, (e, s) => (e ? reject(e) : resolve(s))));
    const total1 = Number(process.env.BENCH_SESSIONS_1 || 500);
    const total64 = Number(process.env.BENCH_SESSIONS_64 || 3000);
    row('createSession/s, 1 in flight', await asyncRate(ourCreate, 1, total1), await asyncRate(theirCreate, 1, total1), '/s');
    row('createSession/s, 64 in flight', await asyncRate(ourCreate, 64, total64), await asyncRate(theirCreate, 64, total64), '/s');
  } finally {
    await emu.stop();
  }

  const rOurs = requireStats(OURS_PATH);
  const rTheirs = requireStats(officialMain);
  row('require() time', rOurs.ms, rTheirs.ms, 'ms', false);
  row('RSS after require', rOurs.rssMb, rTheirs.rssMb, 'MB', false);
  row('RSS added by require', rOurs.deltaMb, rTheirs.deltaMb, 'MB', false);

  console.log(`opentok-native ${OpenTok.VERSION} (core ${OpenTok.CORE_VERSION}) vs opentok ${req('opentok/package.json').version}, node ${process.version}, ${require('os').cpus().length} CPUs, ${SECONDS}s per token rate`);
  console.log('| measure | opentok-native | opentok 2.23.2 | ours vs official |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) {
    const d = r.unit === '/s' ? 0 : 1;
    console.log(`| ${r.what} | ${fmt(r.ours, d)} ${r.unit} | ${fmt(r.theirs, d)} ${r.unit} | ${fmt(r.ratio, 1)}× ${r.higherIsBetter === false ? '' : ''}|`);
  }
  console.log('(ratios > 1 mean ours is better: faster, or smaller for time and memory)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
