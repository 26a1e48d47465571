'use strict';
// createSession against a real emulator: every option and rule, in callback and Promise style.

const test = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startEmulator } = require('./helpers/emulator');
const { STYLES } = require('./helpers/styles');

let emu;
let ot;
test.before(async () => {
  emu = await startEmulator();
  ot = new OpenTok(API_KEY, API_SECRET, emu.url);
});
test.after(() => emu && emu.stop());

async function sessionFromEmulator(sessionId) {
  const r = await fetch(`${emu.url}/emulator/v1/sessions/${encodeURIComponent(sessionId)}`);
  assert.equal(r.status, 200, `emulator knows session ${sessionId}`);
  return r.json();
}

for (const [style, create] of STYLES) {
  test(`${style}: default session is relayed and manual`, async () => {
    const s = await create(ot, {});
    assert.ok(s instanceof OpenTok.Session);
    assert.match(s.sessionId, /^[12]_/);
    assert.equal(s.mediaMode, 'relayed');
    assert.equal(s.archiveMode, 'manual');
    // as the official SDK's Session: the options given, modes filled in (no e2ee unless given)
    assert.equal(s.e2ee, undefined);
    const parsed = new OpenTok.SessionId(s.sessionId);
    assert.equal(parsed.apiKey, API_KEY);
    const stored = await sessionFromEmulator(s.sessionId);
    assert.equal(JSON.stringify(stored).includes('relayed') || JSON.stringify(stored).includes('enabled'), true);
  });

  test(`${style}: routed, location, always archiving with name and resolution`, async () => {
    const s = await create(ot, {
      mediaMode: 'routed', location: '12.34.56.78', archiveMode: 'always', archiveName: 'weekly', archiveResolution: '1280x720',
    });
    assert.equal(s.mediaMode, 'routed');
    assert.equal(s.archiveMode, 'always');
    assert.equal(s.location, '12.34.56.78');
    assert.equal(s.archiveName, 'weekly');
    assert.equal(s.archiveResolution, '1280x720');
    assert.equal(new OpenTok.SessionId(s.sessionId).location, '12.34.56.78');
    const stored = JSON.stringify(await sessionFromEmulator(s.sessionId));
    assert.match(stored, /always/);
    assert.match(stored, /weekly/);
    assert.match(stored, /1280x720/);
  });

  test(`${style}: e2ee on a routed session (boolean and "true" string)`, async () => {
    const a = await create(ot, { mediaMode: 'routed', e2ee: true });
    assert.equal(a.e2ee, true);
    const b = await create(ot, { mediaMode: 'routed', e2ee: 'true' });
    assert.equal(b.e2ee, 'true'); // echoed as given, like the official SDK
    assert.match(JSON.stringify(await sessionFromEmulator(b.sessionId)), /"e2ee":true/);
    assert.match(JSON.stringify(await sessionFromEmulator(a.sessionId)), /"e2ee":true/);
  });

  test(`${style}: every archive resolution`, async () => {
    for (const res of ['640x480', '480x640', '1280x720', '720x1280', '1920x1080', '1080x1920']) {
      const s = await create(ot, { mediaMode: 'routed', archiveMode: 'always', archiveResolution: res });
      assert.equal(s.archiveResolution, res);
    }
  });

  test(`${style}: unknown modes fall back to relayed and manual, as in the official SDK`, async () => {
    const s = await create(ot, { mediaMode: 'p2p', archiveMode: 'sometimes' });
    assert.equal(s.mediaMode, 'relayed');
    assert.equal(s.archiveMode, 'manual');
  });

  test(`${style}: IPv6 location and the p2p.preference spelling`, async () => {
    const s = await create(ot, { location: '2001:db8::1' });
    assert.equal(s.location, '2001:db8::1');
    const r = await create(ot, { 'p2p.preference': 'disabled' });
    assert.equal(r.mediaMode, 'routed');
  });

  const RULES = [
    [{ archiveMode: 'always' }, 'archiveMode', /always needs mediaMode routed/],
    [{ archiveMode: 'always', mediaMode: 'relayed' }, 'archiveMode', /routed/],
    [{ location: 'not-an-ip' }, 'location', /must be an IPv4 or IPv6 address/],
    [{ location: '300.1.1.1' }, 'location', /IPv4 or IPv6/],
    [{ archiveName: 'x' }, 'archiveName', /only allowed with archiveMode always/],
    [{ mediaMode: 'routed', archiveMode: 'always', archiveName: 'n'.repeat(81) }, 'archiveName', /1 to 80 characters, has 81/],
    [{ mediaMode: 'routed', archiveMode: 'always', archiveName: '   ' }, 'archiveName', /1 to 80/],
    [{ archiveResolution: '1280x720' }, 'archiveResolution', /only allowed with archiveMode always/],
    [{ mediaMode: 'routed', archiveMode: 'always', archiveResolution: '1024x768' }, 'archiveResolution', /must be one of/],
    [{ e2ee: true }, 'e2ee', /needs mediaMode routed/],
    [{ e2ee: true, mediaMode: 'routed', archiveMode: 'always' }, 'e2ee', /cannot be combined with archiveMode always/],
    [{ e2ee: 'yes' }, 'e2ee', /must be true or false/],
  ];
  for (const [opts, field, pattern] of RULES) {
    test(`${style}: rule ${JSON.stringify(opts).slice(0, 70)} -> ArgumentError(${field})`, async () => {
      await assert.rejects(create(ot, opts), (e) => {
        assert.ok(e instanceof OpenTok.ArgumentError, `got ${e && e.name}: ${e && e.message}`);
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'ArgumentError');
        assert.equal(e.kind, 'invalid_argument');
        assert.equal(e.code, 'invalid_argument');
        assert.equal(e.field, field);
        assert.equal(e.status, undefined);
        assert.match(e.message, pattern);
        assert.match(e.message, new RegExp(`invalid ${field}`));
        return true;
      });
    });
  }

  test(`${style}: wrong secret -> AuthError with status, code and the server's message`, async () => {
    const bad = new OpenTok(API_KEY, 'ffffffffffffffffffffffffffffffffffffffff', emu.url);
    await assert.rejects(create(bad, {}), (e) => {
      assert.ok(e instanceof OpenTok.AuthError, `got ${e.name}`);
      assert.equal(e.name, 'AuthError');
      assert.equal(e.kind, 'authentication');
      assert.ok(e.status === 403 || e.status === 401);
      assert.equal(typeof e.code, 'string');
      assert.ok(e.apiMessage && e.apiMessage.length > 0);
      assert.ok(e.message.includes(e.apiMessage), 'message carries the server message');
      assert.equal(e.method, 'POST');
      assert.equal(e.path, '/session/create');
      assert.ok(!e.message.includes('ffffffffffffffffffff'), 'no secret in the message');
      return true;
    });
  });

  test(`${style}: unknown api key -> AuthError`, async () => {
    const bad = new OpenTok('999999', API_SECRET, emu.url);
    await assert.rejects(create(bad, {}), OpenTok.AuthError);
  });

  test(`${style}: a local clock an hour behind -> ClockSkewError, an AuthError`, async () => {
    const skewed = new OpenTok(API_KEY, API_SECRET, { apiUrl: emu.url, testing: { now: Math.floor(Date.now() / 1000) - 3600 } });
    await assert.rejects(create(skewed, {}), (e) => {
      assert.ok(e instanceof OpenTok.ClockSkewError, `got ${e.name}: ${e.message}`);
      assert.ok(e instanceof OpenTok.AuthError);
      assert.equal(e.name, 'ClockSkewError');
      assert.equal(e.kind, 'clock_skew');
      assert.ok(e.status === 401 || e.status === 403);
      assert.match(e.message, /clock/);
      return true;
    });
  });

  test(`${style}: API URL with a path the server does not serve -> NotFoundError`, async () => {
    const nf = new OpenTok(API_KEY, API_SECRET, `${emu.url}/no/such/prefix`);
    await assert.rejects(create(nf, {}), (e) => {
      assert.ok(e instanceof OpenTok.NotFoundError, `got ${e.name}: ${e.message}`);
      assert.equal(e.name, 'NotFoundError');
      assert.equal(e.status, 404);
      assert.equal(e.kind, 'not_found');
      return true;
    });
  });
}

test('createSession(callback) without options', async () => {
  const s = await new Promise((resolve, reject) => ot.createSession((err, sess) => (err ? reject(err) : resolve(sess))));
  assert.equal(s.mediaMode, 'relayed');
});

test('createSession() without arguments returns a Promise', async () => {
  const s = await ot.createSession();
  assert.match(s.sessionId, /^[12]_/);
});

test('createSession with a non-function callback throws ArgumentError', () => {
  assert.throws(() => ot.createSession({}, 'nope'), OpenTok.ArgumentError);
});

test('non-object options are an ArgumentError', async () => {
  await assert.rejects(ot.createSession('routed'), OpenTok.ArgumentError);
});

test('an exception thrown by the callback is not swallowed into a rejection', async () => {
  const { execFile } = require('child_process');
  const script = `const OpenTok = require(${JSON.stringify(require.resolve('..'))});
    const ot = new OpenTok('${API_KEY}', '${API_SECRET}', '${emu.url}');
    process.on('unhandledRejection', () => { console.error('swallowed into a rejection'); process.exit(3); });
    ot.createSession({}, () => { throw new Error('thrown from callback'); });`;
  const r = await new Promise((resolve) => execFile(process.execPath, ['-e', script], (err, stdout, stderr) => resolve({ code: err ? err.code : 0, stderr })));
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /thrown from callback/);
  assert.doesNotMatch(r.stderr, /swallowed/);
});

test('session.generateToken mints a token the emulator accepts', async () => {
  const { simulateConnect } = require('./helpers/emulator');
  const s = await ot.createSession({ mediaMode: 'routed' });
  const token = s.generateToken({ role: 'moderator', data: 'name=Ada' });
  const r = await simulateConnect(emu.url, s.sessionId, token);
  assert.equal(r.status, 201);
  assert.equal(r.body.role, 'moderator');
  assert.equal(r.body.data, 'name=Ada');
  const t1 = s.generateToken({ role: 'subscriber' }, true);
  assert.match(t1, /^T1==/);
  const r1 = await simulateConnect(emu.url, s.sessionId, t1);
  assert.equal(r1.status, 201);
  assert.equal(r1.body.role, 'subscriber');
});

test('200 concurrent createSession calls all complete with distinct ids', async () => {
  const all = await Promise.all(Array.from({ length: 200 }, (_, i) => ot.createSession(i % 2 ? { mediaMode: 'routed' } : {})));
  assert.equal(all.length, 200);
  assert.equal(new Set(all.map((s) => s.sessionId)).size, 200);
  assert.equal(all.filter((s) => s.mediaMode === 'routed').length, 100);
});

test('200 concurrent createSession calls with callbacks', async () => {
  const ids = await Promise.all(Array.from({ length: 200 }, () => new Promise((resolve, reject) => {
    ot.createSession({}, (err, s) => (err ? reject(err) : resolve(s.sessionId)));
  })));
  assert.equal(new Set(ids).size, 200);
});

test('the addon works in worker threads (one core client per thread) and after they exit', async () => {
  const { Worker } = require('worker_threads');
  const code = `const OpenTok = require(${JSON.stringify(require.resolve('..'))});
    const { parentPort, workerData } = require('worker_threads');
    new OpenTok(workerData.key, workerData.secret, workerData.url).createSession({ mediaMode: 'routed' })
      .then((s) => parentPort.postMessage(s.sessionId), (e) => parentPort.postMessage('ERR ' + e.message));`;
  const ids = await Promise.all([0, 1, 2].map(() => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { key: API_KEY, secret: API_SECRET, url: emu.url } });
    w.once('message', (m) => { w.terminate(); resolve(m); });
    w.once('error', reject);
  })));
  for (const id of ids) assert.match(id, /^[12]_/);
  const s = await ot.createSession();
  assert.match(s.sessionId, /^[12]_/);
});
