'use strict';
// Test helper: a real `opentok-emulator` process for a test or a suite, and a client pointed at it.
// Plain promises, so it fits node:test, Jest and Vitest alike:
//
//   const { startEmulator } = require('opentok-native/testing');
//   let emu;
//   before(async () => { emu = await startEmulator(); });      // beforeAll in Jest / Vitest
//   after(() => emu.stop());                                   // afterAll
//   test('session', async () => {
//     const session = await emu.client.createSession({ mediaMode: 'routed' });
//     const conn = await emu.connect(session.sessionId, emu.client.generateToken(session.sessionId));
//   });
//
// The binary: options.binary, else $EMULATOR_BIN, else the `opentok-emulator` npm package
// (`npm install --save-dev opentok-emulator`), else the `opentok-emulator` command on PATH (e.g.
// from `pip install opentok-emulator`). Anything else is an error saying so.

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const readline = require('readline');

/** The development project the emulator serves without `--project`. */
const DEFAULT_API_KEY = '123456';
const DEFAULT_API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const COMMAND = process.platform === 'win32' ? 'opentok-emulator.exe' : 'opentok-emulator';

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch (_) {
    return false;
  }
}

function notFound(message) {
  const err = new Error(message);
  err.code = 'OPENTOK_EMULATOR_NOT_FOUND';
  return err;
}

/**
 * The emulator binary to run: `binary`, else $EMULATOR_BIN, else the `opentok-emulator` package's
 * binary, else `opentok-emulator` on PATH. Throws (code OPENTOK_EMULATOR_NOT_FOUND) naming what was tried.
 */
function findEmulator(binary) {
  const given = binary || process.env.EMULATOR_BIN;
  if (given) {
    if (executable(given)) return given;
    throw notFound(
      `opentok-emulator binary ${JSON.stringify(given)} does not exist or is not executable ` +
        `(from ${binary ? 'the binary option' : '$EMULATOR_BIN'})`,
    );
  }
  const tried = ['$EMULATOR_BIN (unset)'];
  try {
    const pkg = require.resolve('opentok-emulator', { paths: [process.cwd(), __dirname] });
    tried.push(pkg);
    return require(pkg).binaryPath();
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    tried.push('the opentok-emulator package (not installed)');
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, COMMAND))) return path.join(dir, COMMAND);
  }
  tried.push('PATH');
  throw notFound(
    `opentok-emulator not found (tried ${tried.join(', ')}): \`npm install --save-dev opentok-emulator\`, ` +
      'or set EMULATOR_BIN to the binary',
  );
}

/**
 * Starts the emulator on a free loopback port, in memory, and resolves once it listens to
 * `{ url, apiKey, apiSecret, client, stop, pid, process, connect }`. `client` is an `OpenTok`
 * pointed at it; `stop()` ends the process (SIGTERM, SIGKILL after 5 s) and is idempotent.
 * Options: `binary`, `args` (extra flags), `apiKey`/`apiSecret` (serve that project),
 * `clientOptions` (for the OpenTok constructor), `timeoutMs` (default 20000).
 * A process that does not come up is killed and the promise rejects with its output.
 */
function startEmulator(options = {}) {
  let bin;
  try {
    bin = findEmulator(options.binary);
  } catch (e) {
    return Promise.reject(e);
  }
  const custom = options.apiKey != null || options.apiSecret != null;
  const apiKey = String(options.apiKey ?? DEFAULT_API_KEY);
  const apiSecret = options.apiSecret ?? DEFAULT_API_SECRET;
  const argv = ['--port', '0', '--in-memory'];
  if (custom) argv.push('--project', `${apiKey}:${apiSecret}`);
  argv.push(...(options.args || []));
  const child = spawn(bin, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 4000) stderr += d;
  });
  const exited = new Promise((res) => child.once('exit', () => { running.delete(child); res(); }));
  // 'close' comes once the process has exited and its stdout/stderr are drained.
  const closed = new Promise((res) => child.once('close', res));
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      force.unref();
      return exited.then(() => clearTimeout(force));
    }
    return exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (why) => {
      child.kill('SIGKILL');
      closed.then(() => {
        const err = new Error(`opentok-emulator (${bin}) did not start: ${why}${stderr ? `: ${stderr.trim()}` : ''}`);
        err.code = 'OPENTOK_EMULATOR_START';
        reject(err);
      });
    };
    const timeoutMs = options.timeoutMs ?? 20000;
    const timer = setTimeout(() => fail(`it was silent ${timeoutMs} ms`), timeoutMs);
    child.once('error', (e) => { clearTimeout(timer); fail(e.message); });
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('close', () => { clearTimeout(timer); fail('it exited before printing its address'); });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.removeAllListeners('close');
      const m = /^listening on (http:\/\/\S+)/.exec(line);
      if (!m) { fail(`it printed ${JSON.stringify(line)}`); return; }
      lines.on('line', () => {});
      const url = m[1].replace(/\/$/, '');
      const OpenTok = require('..');
      const client = new OpenTok(apiKey, apiSecret, { ...(options.clientOptions || {}), apiUrl: url });
      resolve({
        url,
        apiKey,
        apiSecret,
        client,
        stop,
        pid: child.pid,
        process: child,
        connect: (sessionId, token) => connect(url, sessionId, token),
        toJSON: () => ({ url, apiKey, pid: child.pid }),
      });
    });
  });
}

/** Connects a simulated client with `token`; resolves to the connection, rejects with the refusal. */
async function connect(url, sessionId, token) {
  const r = await fetch(`${url}/emulator/v1/sessions/${encodeURIComponent(sessionId)}/connections`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const body = await r.json();
  if (r.status !== 201) throw new Error(`the emulator refused the token (${r.status}): ${JSON.stringify(body)}`);
  return body;
}

/** Runs `fn(emulator)` against a fresh emulator and stops it afterwards, also when `fn` throws. */
async function withEmulator(fn, options) {
  const emu = await startEmulator(options);
  try {
    return await fn(emu);
  } finally {
    await emu.stop();
  }
}

module.exports = { startEmulator, withEmulator, findEmulator, DEFAULT_API_KEY, DEFAULT_API_SECRET };
