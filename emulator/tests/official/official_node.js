// The official Node SDK (opentok@2.23.2) as a real client of the emulator.
// Usage: node official_node.js EMULATOR_URL  (NODE_PATH points at the scratch node_modules).
'use strict';
const OpenTok = require('opentok');
const assert = require('node:assert/strict');

const KEY = '123456';
const SECRET = '1234567890abcdef1234567890abcdef1234567890';
const URL = process.argv[2];
let passed = 0;
const check = (cond, what) => { assert.ok(cond, `node: ${what}`); passed++; };

const ot = new OpenTok(KEY, SECRET, { apiUrl: URL });
const createSession = (opts) => new Promise((resolve, reject) =>
  ot.createSession(opts, (err, s) => (err ? reject(err) : resolve(s))));

async function connect(sessionId, token) {
  const r = await fetch(`${URL}/emulator/v1/sessions/${sessionId}/connections`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }),
  });
  return [r.status, await r.json()];
}
async function stored(sessionId) {
  const r = await fetch(`${URL}/emulator/v1/sessions/${sessionId}`);
  return r.json();
}

async function main() {
  check(require('opentok/package.json').version === '2.23.2', 'installed opentok version');
  const cases = [
    ['relayed', {}, { mediaMode: 'relayed', archiveMode: 'manual' }],
    ['routed', { mediaMode: 'routed' }, { mediaMode: 'routed' }],
    ['routed+always+archive name/resolution',
      { mediaMode: 'routed', archiveMode: 'always', archiveName: 'node archive', archiveResolution: '1920x1080' },
      { mediaMode: 'routed', archiveMode: 'always', archiveName: 'node archive', archiveResolution: '1920x1080' }],
    ['location', { location: '12.34.56.78' }, { location: '12.34.56.78' }],
    ['e2ee', { mediaMode: 'routed', e2ee: true }, { e2ee: true, mediaMode: 'routed' }],
  ];
  for (const [name, opts, expect] of cases) {
    const s = await createSession(opts);
    check(s.sessionId.startsWith('1_'), `${name}: session id ${s.sessionId}`);
    const got = await stored(s.sessionId);
    for (const [k, v] of Object.entries(expect)) check(got[k] === v, `${name}: stored ${k}=${got[k]}, expected ${v}`);
    for (const role of ['publisher', 'subscriber', 'moderator', 'publisheronly']) {
      for (const t1 of [false, true]) {
        const token = ot.generateToken(s.sessionId, {
          role, data: 'name=Node & co', expireTime: Math.floor(Date.now() / 1000) + 3600, initialLayoutClassList: ['focus'],
        }, t1);
        const [status, body] = await connect(s.sessionId, token);
        check(status === 201, `${name}: connect ${role} t1=${t1}: ${status} ${JSON.stringify(body)}`);
        check(body.role === role, `${name}: role ${body.role}`);
        check(body.data === 'name=Node & co', `${name}: data ${body.data}`);
      }
    }
  }
  // Wrong secret: the SDK maps the 403 to its auth error.
  const bad = new OpenTok(KEY, 'f'.repeat(40), { apiUrl: URL });
  const err = await new Promise((resolve) => bad.createSession({}, (e) => resolve(e)));
  check(err && /Invalid API key or secret|AuthError|403/.test(String(err)), `wrong secret error: ${err}`);
  // Vonage mode (application id + PKCS#8 private key): Bearer RS256 REST auth, RS256 tokens.
  const [appId, keyFile] = process.argv.slice(3);
  if (appId && keyFile) {
    const pem = require('node:fs').readFileSync(keyFile, 'utf8');
    const vonage = new OpenTok(appId, pem, { apiUrl: URL });
    const createVonage = (opts) => new Promise((resolve, reject) =>
      vonage.createSession(opts, (err, s) => (err ? reject(err) : resolve(s))));
    const s = await createVonage({ mediaMode: 'routed' });
    const got = await stored(s.sessionId);
    check(got.projectId === appId && got.mediaMode === 'routed', `vonage session stored: ${JSON.stringify(got)}`);
    for (const role of ['publisher', 'subscriber', 'moderator']) {
      const token = vonage.generateToken(s.sessionId, { role, data: 'vonage' });
      const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url'));
      check(header.alg === 'RS256', `vonage token alg ${header.alg}`);
      const [status, body] = await connect(s.sessionId, token);
      check(status === 201 && body.role === role, `vonage connect ${role}: ${status} ${JSON.stringify(body)}`);
    }
  }
  // The REST API beyond sessions, driven by the official SDK's callbacks.
  const call = (fn, ...args) => new Promise((resolve, reject) =>
    ot[fn](...args, (e, v) => (e ? reject(e) : resolve(v))));
  const fail = (fn, ...args) => new Promise((resolve) => ot[fn](...args, (e) => resolve(e)));
  const emu = async (method, path, body) => {
    const r = await fetch(`${URL}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
    return r.status === 204 ? null : r.json();
  };
  const rs = await createSession({ mediaMode: 'routed' });
  const sid = rs.sessionId;
  const [, c1] = await connect(sid, ot.generateToken(sid));
  const [, c2] = await connect(sid, ot.generateToken(sid));
  const st1 = await emu('POST', `/emulator/v1/sessions/${sid}/connections/${c1.connectionId}/streams`, { name: 'one' });
  const st2 = await emu('POST', `/emulator/v1/sessions/${sid}/connections/${c2.connectionId}/streams`, { name: 'two' });
  const archive = await call('startArchive', sid, { name: 'node archive', multiArchiveTag: 'a' });
  check(archive.status === 'started' && archive.name === 'node archive', `startArchive: ${archive.status}`);
  const dup = await fail('startArchive', sid, { multiArchiveTag: 'a' });
  check(dup && /409|already/i.test(String(dup.message || dup)), `second archive with the same tag refused: ${dup}`);
  await call('stopArchive', archive.id);
  const got = await call('getArchive', archive.id);
  check(got.status === 'available' && got.size > 0, `archive available: ${got.status} ${got.size}`);
  const listed = await new Promise((resolve, reject) =>
    ot.listArchives({ sessionId: sid }, (e, items, total) => (e ? reject(e) : resolve([items, total]))));
  check(listed[1] === 1 && listed[0][0].id === archive.id, `listArchives: ${listed[1]}`);
  const streams = await call('listStreams', sid);
  check(streams.length === 2, `listStreams: ${streams.length}`);
  await call('forceMuteStream', sid, st1.id);
  const muted = (await emu('GET', `/emulator/v1/sessions/${sid}/streams`)).items;
  check(muted.find((s) => s.id === st1.id).forceMuted && !muted.find((s) => s.id === st2.id).forceMuted, 'forceMuteStream');
  await call('signal', sid, c2.connectionId, { type: 'dm', data: 'hi node' });
  const signals = await emu('GET', `/emulator/v1/sessions/${sid}/connections/${c2.connectionId}/signals`);
  check(signals.items[0].data === 'hi node', `signal received: ${JSON.stringify(signals)}`);
  const broadcast = await call('startBroadcast', sid, { outputs: { hls: { lowLatency: true } }, maxDuration: 600 });
  check(broadcast.status === 'started' && broadcast.broadcastUrls.hls, `startBroadcast: ${broadcast.status}`);
  const stopped = await call('stopBroadcast', broadcast.id);
  check(stopped.status === 'stopped', `stopBroadcast: ${stopped.status}`);
  await call('forceDisconnect', sid, c1.connectionId);
  const left = (await emu('GET', `/emulator/v1/sessions/${sid}/connections`)).items.map((c) => c.connectionId);
  check(left.length === 1 && left[0] === c2.connectionId, `forceDisconnect: ${left}`);
  const gone = await fail('forceDisconnect', sid, c1.connectionId);
  check(gone && /not found|404/i.test(String(gone.message || gone)), `forceDisconnect twice: ${gone}`);
  console.log(`node official SDK: ${passed} passed, 0 failed`);
}

main().catch((e) => { console.error('FAIL', e); process.exit(1); });
