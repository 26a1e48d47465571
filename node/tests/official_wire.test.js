'use strict';
// The official `opentok@2.23.2` and this package make the same calls against one recording
// loopback server (a real HTTP server in this test, answering plausibly per path, with numeric
// `projectId`/`partnerId` as the service sends them). For every method, the requests (method,
// path, query, content type, JSON/form body fields, auth claim names) and the results handed to
// the callback (arity, field names, values and their types) must be the same, apart from the
// deliberate differences listed in DELIBERATE below and in node/README.md.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const http = require('http');
const OpenTok = require('..');
const { officialRequire } = require('./helpers/official');

const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const APP_ID = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';
const NOW = 1795823052;

// ----- the recording server -----

const archive = (status) => ({
  id: 'b40ef09b-3811-4726-b508-e41a0f96c68f', status, name: 'app', reason: '', sessionId: SID,
  applicationId: API_KEY, projectId: 123456, partnerId: 123456, createdAt: 1384221730000, size: 0, duration: 0,
  outputMode: 'composed', streamMode: 'auto', hasAudio: true, hasVideo: true, resolution: '640x480',
  sha256sum: '', password: '', updatedAt: 1384221730000, url: null, event: 'archive', streams: [],
});
const broadcast = (status) => ({
  id: '1748b7070a81464c9759c46ad10d3734', sessionId: SID, projectId: 123456, partnerId: 123456,
  createdAt: 1437676551000, updatedAt: 1437676551000, resolution: '640x480', status, streamMode: 'auto',
  maxDuration: 7200, maxBitrate: 2000000, hasAudio: true, hasVideo: true, multiBroadcastTag: '', event: 'broadcast', streams: [],
  broadcastUrls: { hls: 'http://server/fakepath/playlist.m3u8', hlsStatus: 'ready', rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream', status: 'live' }] },
});
const stream = { id: '8b732909-0a06-46a2-8ea8-074e64d43422', videoType: 'camera', name: 'cam', layoutClassList: ['full'] };
const render = (status) => ({
  id: '1248e7070b81464c9789f46ad10e7764', sessionId: SID, applicationId: API_KEY, projectId: 123456, createdAt: 1437676551000,
  updatedAt: 1437676551000, url: 'https://webapp.customer.com', resolution: '1280x720', status, streamId: 'e32445b743678c98230f238', reason: null,
});
const cb = { id: 'cb1', group: 'archive', event: 'status', url: 'https://example.com/cb', createdAt: 1679654321000 };

function answer(method, path) {
  const p = path.replace(/^\/v2\/project\/[^/]+/, '');
  const json = (status, body) => ({ status, body });
  if (path === '/session/create') return json(200, [{ session_id: SID, project_id: API_KEY, partner_id: API_KEY, create_dt: 'Fri Feb 14 05:14:54 PST 2025', media_server_url: '' }]);
  let m;
  if (p === '/archive' && method === 'POST') return json(200, archive('started'));
  if (p === '/archive' && method === 'GET') return json(200, { count: 1, items: [archive('available')] });
  if ((m = /^\/archive\/[^/]+\/stop$/.exec(p))) return json(200, archive('stopped'));
  if (/^\/archive\/[^/]+\/(layout)$/.test(p)) return json(200, null);
  if (/^\/archive\/[^/]+\/streams$/.test(p)) return json(204, null);
  if (/^\/archive\/[^/]+$/.test(p)) return method === 'DELETE' ? json(204, null) : json(200, archive('available'));
  if (p === '/broadcast' && method === 'POST') return json(200, broadcast('started'));
  if (p === '/broadcast' && method === 'GET') return json(200, { count: 1, items: [broadcast('started')] });
  if (/^\/broadcast\/[^/]+\/stop$/.test(p)) return json(200, broadcast('stopped'));
  if (/^\/broadcast\/[^/]+\/layout$/.test(p)) return json(200, null);
  if (/^\/broadcast\/[^/]+\/streams$/.test(p)) return json(204, null);
  if (/^\/broadcast\/[^/]+$/.test(p)) return json(200, broadcast('started'));
  if (/^\/session\/[^/]+\/stream\/[^/]+\/mute$/.test(p)) return json(200, null);
  if (/^\/session\/[^/]+\/stream\/[^/]+$/.test(p)) return json(200, stream);
  if (/^\/session\/[^/]+\/stream$/.test(p)) return method === 'GET' ? json(200, { count: 1, items: [stream] }) : json(200, null);
  if (/^\/session\/[^/]+\/mute$/.test(p)) return json(200, null);
  if (/\/signal$/.test(p)) return json(204, null);
  if (/\/play-dtmf$/.test(p)) return json(200, null);
  if (/^\/session\/[^/]+\/connection\/[^/]+$/.test(p)) return json(204, null);
  if (p === '/dial') return json(200, { id: 'b0a5a8c7-dc38-459f-a48d-a7f2008da853', connectionId: 'e9f8c166-6c67-440d-994a-04fb6dfed007', streamId: '482bce73-f882-40fd-8ca5-cb74ff416036' });
  if (p === '/captions') return json(202, { captionsId: '7c0680fc-6274-4de5-a66f-d0648e8d3ac2' });
  if (/^\/captions\/[^/]+\/stop$/.test(p)) return json(202, null);
  if (p === '/render' && method === 'POST') return json(202, render('starting'));
  if (p === '/render' && method === 'GET') return json(200, { count: 1, items: [render('started')] });
  if (/^\/render\/[^/]+$/.test(p)) return method === 'DELETE' ? json(204, null) : json(200, render('started'));
  if (p === '/connect') return json(200, { id: 'b0a5a8c7-dc38-459f-a48d-a7f2008da853', connectionId: 'e9f8c166-6c67-440d-994a-04fb6dfed007' });
  if (p === '/callback' && method === 'GET') return json(200, [cb]);
  if (p === '/callback' && method === 'POST') return json(200, cb);
  if (/^\/callback\/[^/]+$/.test(p)) return json(204, null);
  return json(404, { message: `no route ${method} ${path}` });
}

function decodeJwt(t) {
  const [h, p] = String(t || '').split('.');
  try {
    return { header: JSON.parse(Buffer.from(h, 'base64url')), claims: JSON.parse(Buffer.from(p, 'base64url')) };
  } catch (_) {
    return null;
  }
}

function startServer() {
  const log = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => { raw += d; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      const contentType = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase() || null;
      let body = raw === '' ? undefined : raw;
      if (contentType === 'application/json' && raw !== '') body = JSON.parse(raw);
      else if (contentType === 'application/x-www-form-urlencoded') body = Object.fromEntries(new URLSearchParams(raw));
      const auth = req.headers['x-opentok-auth'] || (req.headers.authorization || '').replace(/^Bearer /, '');
      log.push({
        method: req.method,
        path: decodeURIComponent(url.pathname),
        query: Object.fromEntries(url.searchParams),
        contentType: raw === '' ? null : contentType,
        body,
        authHeader: req.headers['x-opentok-auth'] ? 'X-OPENTOK-AUTH' : req.headers.authorization ? 'Authorization' : null,
        auth: decodeJwt(auth),
        userAgent: req.headers['user-agent'],
      });
      const a = answer(req.method, decodeURIComponent(url.pathname));
      if (a.body == null) {
        res.writeHead(a.status);
        res.end();
      } else {
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(a.body));
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, log, close: () => server.close() })));
}

// ----- comparing -----

/** A result as data: own enumerable fields (not functions, not the owning OpenTok `ot`). */
function plain(v, depth = 0) {
  if (v == null || typeof v !== 'object') return v;
  if (v instanceof Error) return { error: v.name };
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  const out = {};
  for (const k of Object.keys(v)) {
    if (typeof v[k] === 'function' || (k === 'ot' && depth === 0)) continue;
    out[k] = plain(v[k], depth + 1);
  }
  return out;
}

/**
 * Deliberate differences, per method: `extraResultFields` the official result lacks and ours
 * adds (more of the service's answer or what the session was created with); `requestOnly` when
 * the official result cannot be compared (its own bug).
 */
const DELIBERATE = {
  createSession: { extraResultFields: ['projectId', 'createDt', 'mediaServerUrl'] },
  getStream: { requestOnly: 'the official getStream JSON.parses an already parsed object and hands its callback a SyntaxError' },
};

/**
 * Deliberate request differences: the official `addBroadcastStream` sends `hasAudio: x || true`
 * (always true); ours sends the `false` the caller asked for.
 */
const REQUEST_DIFFERENCES = {
  'addBroadcastStream no audio': (r) => ({ ...r, body: { ...r.body, hasAudio: false } }),
};

function compareRequests(name, theirs, ours) {
  if (REQUEST_DIFFERENCES[name]) theirs = theirs.map(REQUEST_DIFFERENCES[name]);
  assert.equal(ours.length, theirs.length, `${name}: number of requests: official ${JSON.stringify(theirs)} ours ${JSON.stringify(ours)}`);
  theirs.forEach((t, i) => {
    const o = ours[i];
    const pick = (r) => ({ method: r.method, path: r.path, query: r.query, contentType: r.contentType, body: r.body, authHeader: r.authHeader });
    assert.deepEqual(pick(o), pick(t), `${name}: request ${i}`);
    // The REST auth JWT carries the official claim names (values are per request).
    assert.deepEqual(Object.keys(o.auth.claims).sort(), Object.keys(t.auth.claims).sort(), `${name}: auth claim names`);
    assert.equal(o.auth.header.alg, t.auth.header.alg);
    assert.equal(o.auth.claims.iss, t.auth.claims.iss);
    assert.equal(o.auth.claims.ist, t.auth.claims.ist);
    assert.equal(o.auth.claims.exp - o.auth.claims.iat, t.auth.claims.exp - t.auth.claims.iat, `${name}: auth lifetime`);
  });
}

/**
 * Fields of the service's answer the core's models do not carry, so ours never shows them (the
 * official passes the parsed JSON through): the webhook `event` name, the `applicationId` echo
 * (read as `projectId`), `sha256sum`; and fields the service sent as `null` (ours leaves unset
 * fields out).
 */
const NOT_MODELLED = new Set(['applicationId', 'sha256sum']);

function modelled(v) {
  if (Array.isArray(v)) return v.map(modelled);
  if (v == null || typeof v !== 'object') return v;
  const keep = ([k, x]) => x !== null && !(k === 'event' && (x === 'archive' || x === 'broadcast'));
  return Object.fromEntries(Object.entries(v).filter(keep).map(([k, x]) => [k, modelled(x)]));
}

/**
 * The official hands its callback the HTTP response (node-fetch's) as a last argument, and the
 * body text ('' when empty) before it on operations without a result; ours does not.
 */
function withoutHttp(args) {
  const out = args.slice();
  const last = out[out.length - 1];
  if (out.length > 1 && last && typeof last === 'object' && typeof last.headers === 'object' && 'status' in last && typeof last.text === 'function') out.pop();
  if (out.length === 2 && out[0] === null && out[1] === '') out.pop();
  return out;
}

/** Field by field: every official field is in ours with the same value and type. */
function sameFields(where, ours, theirs, extra) {
  if (theirs === null || typeof theirs !== 'object') {
    assert.equal(typeof ours, typeof theirs, `${where}: type`);
    assert.deepEqual(ours, theirs, `${where}`);
    return;
  }
  assert.equal(Array.isArray(ours), Array.isArray(theirs), `${where}: array or object (ours ${JSON.stringify(ours)})`);
  if (Array.isArray(theirs)) {
    assert.equal(ours.length, theirs.length, `${where}: length`);
    theirs.forEach((t, i) => sameFields(`${where}[${i}]`, ours[i], t, extra));
    return;
  }
  assert.ok(ours && typeof ours === 'object', `${where}: ours is ${JSON.stringify(ours)}`);
  for (const k of Object.keys(theirs)) {
    if (NOT_MODELLED.has(k) && !(k in ours)) continue;
    sameFields(`${where}.${k}`, ours[k], theirs[k], extra);
  }
  const added = Object.keys(ours).filter((k) => !(k in theirs) && !extra.includes(k));
  assert.deepEqual(added, [], `${where}: fields the official lacks`);
}

function compareResults(name, theirs, ours) {
  const d = DELIBERATE[name.split(' ')[0]] || {};
  if (d.requestOnly) return;
  theirs = withoutHttp(theirs);
  assert.equal(ours.length, theirs.length, `${name}: callback arity: official ${JSON.stringify(plain(theirs))} ours ${JSON.stringify(plain(ours))}`);
  theirs.forEach((t, i) => {
    const o = ours[i];
    if (t instanceof Error || o instanceof Error) {
      assert.equal(o instanceof Error, t instanceof Error, `${name}: arg ${i}: official ${t} ours ${o}`);
      return;
    }
    sameFields(`${name}: callback arg ${i + 1}`, plain(o), modelled(plain(t)), d.extraResultFields || []);
    if (t && typeof t === 'object' && !Array.isArray(t)) {
      // methods the official object carries (stop, delete, unregister, generateToken) work on ours
      for (const k of Object.keys(t)) if (typeof t[k] === 'function') assert.equal(typeof o[k], 'function', `${name}: ${k}()`);
    }
  });
}

// ----- scenarios: one call each, callback style as apps written for the official SDK make it -----

const OPTS = { role: 'moderator' };
const SCENARIOS = [
  ['createSession default', (ot, done) => ot.createSession(done)],
  ['createSession {} ', (ot, done) => ot.createSession({}, done)],
  ['createSession routed', (ot, done) => ot.createSession({ mediaMode: 'routed' }, done)],
  ['createSession relayed', (ot, done) => ot.createSession({ mediaMode: 'relayed' }, done)],
  ['createSession always archived', (ot, done) => ot.createSession({ mediaMode: 'routed', archiveMode: 'always' }, done)],
  ['createSession always archived named', (ot, done) => ot.createSession({ mediaMode: 'routed', archiveMode: 'always', archiveName: 'n x', archiveResolution: '1280x720' }, done)],
  ['createSession location', (ot, done) => ot.createSession({ location: '12.34.56.78' }, done)],
  ['createSession e2ee', (ot, done) => ot.createSession({ mediaMode: 'routed', e2ee: true }, done)],
  ['createSession everything', (ot, done) => ot.createSession({ location: '1.2.3.4', e2ee: true, archiveMode: 'manual', mediaMode: 'routed' }, done)],
  ['createSession unknown modes fall back', (ot, done) => ot.createSession({ mediaMode: 'p2p', archiveMode: 'sometimes' }, done)],
  ['startArchive', (ot, done) => ot.startArchive(SID, { name: 'app', outputMode: 'composed', layout: { type: 'pip' } }, done)],
  ['startArchive no options', (ot, done) => ot.startArchive(SID, done)],
  ['startArchive audio only', (ot, done) => ot.startArchive(SID, { hasVideo: false, resolution: '1280x720', streamMode: 'manual', multiArchiveTag: 't', maxBitrate: 300000 }, done)],
  ['stopArchive', (ot, done) => ot.stopArchive('b40ef09b-3811-4726-b508-e41a0f96c68f', done)],
  ['getArchive', (ot, done) => ot.getArchive('b40ef09b-3811-4726-b508-e41a0f96c68f', done)],
  ['deleteArchive', (ot, done) => ot.deleteArchive('b40ef09b-3811-4726-b508-e41a0f96c68f', done)],
  ['listArchives', (ot, done) => ot.listArchives(done)],
  ['listArchives filtered', (ot, done) => ot.listArchives({ offset: 2, count: 5, sessionId: SID }, done)],
  ['setArchiveLayout', (ot, done) => ot.setArchiveLayout('b40ef09b', 'pip', done)],
  ['setArchiveLayout custom', (ot, done) => ot.setArchiveLayout('b40ef09b', 'custom', 'stream.instructor {position: absolute;}', done)],
  ['setArchiveLayout screenshare', (ot, done) => ot.setArchiveLayout('b40ef09b', 'bestFit', null, 'pip', done)],
  ['addArchiveStream', (ot, done) => ot.addArchiveStream('b40ef09b', stream.id, done)],
  ['addArchiveStream no audio', (ot, done) => ot.addArchiveStream('b40ef09b', stream.id, { hasAudio: false }, done)],
  ['addArchiveStream flags as numbers', (ot, done) => ot.addArchiveStream('b40ef09b', stream.id, { hasAudio: 0, hasVideo: 1 }, done)],
  ['addArchiveStream no video', (ot, done) => ot.addArchiveStream('b40ef09b', stream.id, { hasAudio: true, hasVideo: false }, done)],
  ['removeArchiveStream', (ot, done) => ot.removeArchiveStream('b40ef09b', stream.id, done)],
  ['startBroadcast hls', (ot, done) => ot.startBroadcast(SID, { outputs: { hls: {} } }, done)],
  ['startBroadcast rtmp', (ot, done) => ot.startBroadcast(SID, { outputs: { hls: { lowLatency: true }, rtmp: [{ id: 'foo', serverUrl: 'rtmp://myfooserver/myfooapp', streamName: 'myfoostream' }] }, layout: { type: 'pip' }, maxDuration: 5400, resolution: '1280x720', streamMode: 'manual', multiBroadcastTag: 'x', maxBitrate: 2000000 }, done)],
  ['stopBroadcast', (ot, done) => ot.stopBroadcast('1748b7070a81464c9759c46ad10d3734', done)],
  ['getBroadcast', (ot, done) => ot.getBroadcast('1748b7070a81464c9759c46ad10d3734', done)],
  ['listBroadcasts', (ot, done) => ot.listBroadcasts(done)],
  ['listBroadcasts filtered', (ot, done) => ot.listBroadcasts({ offset: 1, count: 3, sessionId: SID }, done)],
  ['setBroadcastLayout', (ot, done) => ot.setBroadcastLayout('1748b707', 'horizontalPresentation', done)],
  ['addBroadcastStream', (ot, done) => ot.addBroadcastStream('1748b707', stream.id, done)],
  ['addBroadcastStream no audio', (ot, done) => ot.addBroadcastStream('1748b707', stream.id, { hasAudio: false }, done)],
  ['removeBroadcastStream', (ot, done) => ot.removeBroadcastStream('1748b707', stream.id, done)],
  ['getStream', (ot, done) => ot.getStream(SID, stream.id, done)],
  ['listStreams', (ot, done) => ot.listStreams(SID, done)],
  ['setStreamClassLists', (ot, done) => ot.setStreamClassLists(SID, [{ id: stream.id, layoutClassList: ['focus'] }], done)],
  ['signal session', (ot, done) => ot.signal(SID, null, { type: 'chat', data: 'hi' }, done)],
  ['signal connection', (ot, done) => ot.signal(SID, 'conn1', { type: 'dm', data: 'you' }, done)],
  ['forceDisconnect', (ot, done) => ot.forceDisconnect(SID, 'conn1', done)],
  ['forceMuteStream', (ot, done) => ot.forceMuteStream(SID, stream.id, done)],
  ['forceMuteAll', (ot, done) => ot.forceMuteAll(SID, { excludedStreamIds: [stream.id] }, done)],
  ['forceMuteAll no options', (ot, done) => ot.forceMuteAll(SID, done)],
  ['disableForceMute', (ot, done) => ot.disableForceMute(SID, done)],
  ['dial', (ot, done) => ot.dial(SID, 'tok', 'sip:user@sip.partner.com;transport=tls', done)],
  ['dial options', (ot, done) => ot.dial(SID, 'tok', 'sip:user@sip.partner.com;transport=tls', { from: 'from@example.com', headers: { 'X-Foo': 'bar' }, auth: { username: 'u', password: 'p' }, secure: true, video: true, observeForceMute: true, streams: [stream.id] }, done)],
  ['playDTMF session', (ot, done) => ot.playDTMF(SID, null, '1713', done)],
  ['playDTMF connection', (ot, done) => ot.playDTMF(SID, 'conn1', '1p2#', done)],
  ['startCaptions', (ot, done) => ot.startCaptions(SID, 'tok', {}, done)],
  ['startCaptions options', (ot, done) => ot.startCaptions(SID, 'tok', { languageCode: 'en-US', maxDuration: 1800, partialCaptions: false }, done)],
  ['stopCaptions', (ot, done) => ot.stopCaptions('7c0680fc-6274-4de5-a66f-d0648e8d3ac2', done)],
  ['startRender', (ot, done) => ot.startRender({ sessionId: SID, token: 'tok', url: 'https://webapp.customer.com' }, done)],
  ['startRender options', (ot, done) => ot.startRender({ sessionId: SID, token: 'tok', url: 'https://webapp.customer.com', maxDuration: 120, resolution: '640x480', statusCallbackUrl: 'https://example.com/status' }, done)],
  ['getRender', (ot, done) => ot.getRender('1248e7070b81464c9789f46ad10e7764', done)],
  ['listRenders', (ot, done) => ot.listRenders({}, done)],
  ['listRenders paged', (ot, done) => ot.listRenders({ offset: 2, count: 10 }, done)],
  ['stopRender', (ot, done) => ot.stopRender('1248e7070b81464c9789f46ad10e7764', done)],
  ['websocketConnect', (ot, done) => ot.websocketConnect(SID, 'tok', 'wss://example.com/ws', done)],
  ['websocketConnect options', (ot, done) => ot.websocketConnect(SID, 'tok', 'wss://example.com/ws', { streams: [stream.id], headers: { a: 'b' }, bidirectional: true }, done)],
  ['registerCallback', (ot, done) => ot.registerCallback({ group: 'archive', event: 'status', url: 'https://example.com/cb' }, done)],
  ['registerCallback connection', (ot, done) => ot.registerCallback({ group: 'connection', event: 'connectionCreated', url: 'https://example.com/cb' }, done)],
  ['registerCallback session monitoring', (ot, done) => ot.registerCallback({ group: 'session', event: 'sessionCreated', url: 'https://example.com/cb' }, done)],
  ['registerCallback stream', (ot, done) => ot.registerCallback({ group: 'stream', event: 'streamDestroyed', url: 'https://example.com/cb' }, done)],
  ['listCallbacks', (ot, done) => ot.listCallbacks(done)],
  ['unregisterCallback', (ot, done) => ot.unregisterCallback('cb1', done)],
];

let Official;
let server;
test.before(async () => {
  Official = officialRequire()('opentok');
  server = await startServer();
});
test.after(() => server && server.close());

function runWith(OT, args, scenario) {
  server.log.length = 0;
  const ot = new OT(...args);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ result: ['timeout'], requests: server.log.slice() }), 10000);
    const done = (...values) => {
      clearTimeout(timer);
      // let any request still in flight reach the log
      setTimeout(() => resolve({ result: values, requests: server.log.slice() }), 20);
    };
    try {
      scenario(ot, done);
    } catch (e) {
      clearTimeout(timer);
      resolve({ result: [e], requests: server.log.slice(), threw: true });
    }
  });
}

const ENVS = [
  ['apiUrl string', () => [API_KEY, API_SECRET, server.url]],
  ['apiUrl option', () => [Number(API_KEY), API_SECRET, { apiUrl: server.url }]],
  ['uaAddendum', () => [API_KEY, API_SECRET, { apiUrl: server.url, uaAddendum: 'my-app/1.0' }]],
];

for (const [name, scenario] of SCENARIOS) {
  test(`same wire and results: ${name}`, async () => {
    const theirs = await runWith(Official, ENVS[0][1](), scenario);
    const ours = await runWith(OpenTok, ENVS[0][1](), scenario);
    assert.ok(!ours.threw, `${name}: ours threw ${ours.result[0] && ours.result[0].stack}`);
    compareRequests(name, theirs.requests, ours.requests);
    compareResults(name, theirs.result, ours.result);
  });
}

for (const [envName, args] of ENVS.slice(1)) {
  for (const [name, scenario] of SCENARIOS.filter(([n]) => n.startsWith('createSession'))) {
    test(`same wire (${envName}): ${name}`, async () => {
      const theirs = await runWith(Official, args(), scenario);
      const ours = await runWith(OpenTok, args(), scenario);
      compareRequests(name, theirs.requests, ours.requests);
      compareResults(name, theirs.result, ours.result);
    });
  }
}

test('Vonage application credentials: same REST auth claims (RS256 Bearer) and bodies', async () => {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  for (const [name, scenario] of SCENARIOS.filter(([n]) => /^(createSession routed|stopArchive|getBroadcast|listStreams)$/.test(n))) {
    const theirs = await runWith(Official, [APP_ID, privateKey, { apiUrl: server.url }], scenario);
    const ours = await runWith(OpenTok, [APP_ID, privateKey, { apiUrl: server.url }], scenario);
    compareRequests(`vonage ${name}`, theirs.requests, ours.requests);
    assert.equal(ours.requests[0].auth.claims.application_id, APP_ID);
    assert.equal(ours.requests[0].auth.claims.iss, APP_ID);
    compareResults(name, theirs.result, ours.result);
  }
});

test('the User-Agent is ours on purpose (OpenTok-Node-SDK vs opentok-native), the addendum is appended', async () => {
  const theirs = await runWith(Official, ENVS[2][1](), SCENARIOS[0][1]);
  const ours = await runWith(OpenTok, ENVS[2][1](), SCENARIOS[0][1]);
  assert.match(theirs.requests[0].userAgent, /^OpenTok-Node-SDK\/2\.23\.2/);
  assert.match(ours.requests[0].userAgent, /my-app\/1\.0/);
});

module.exports = { NOW };
