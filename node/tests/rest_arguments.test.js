'use strict';
// REST arguments and error classes without an emulator: wrong shapes and broken rules are
// ArgumentErrors naming the field, and nothing reaches the server (a recording socket server
// stands in for it); the official area classes answer instanceof for their kind too.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startSocketServer, respond } = require('./helpers/emulator');
const { rejects } = require('./helpers/rest');

const { ArgumentError, ArchiveError, SignalError, CaptionsError, NotFoundError, ConflictError, RequestError, AuthError,
  PayloadTooLargeError, TimeoutError, ServerError, OpenTokError } = OpenTok;
let server;
let ot;
const sid = OpenTok.SessionId.mint(API_KEY, { random: 'args' }).sessionId;
const foreign = OpenTok.SessionId.mint('999999', { random: 'other' }).sessionId;

before(async () => {
  server = await startSocketServer((req, socket) => respond(socket, 500, { message: 'should not be called' }));
  ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: server.url, maxRetries: 0 });
});
after(() => server && server.close());

test('option values that cannot be JSON, and wrong option types, are ArgumentErrors naming the field', async () => {
  const cyclic = { name: 'x' };
  cyclic.self = cyclic;
  for (const [promise, field] of [
    [() => ot.startArchive(sid, { name: () => 'x' }), 'name'],
    [() => ot.startArchive(sid, { name: Symbol('x') }), 'name'],
    [() => ot.startArchive(sid, { maxBitrate: NaN }), 'maxBitrate'],
    [() => ot.startArchive(sid, { maxBitrate: 1.5 }), 'maxBitrate'],
    [() => ot.startArchive(sid, { name: new Date() }), 'name'],
    [() => ot.startArchive(sid, cyclic), 'self'],
    [() => ot.startArchive(sid, { transcriptionProperties: { primaryLanguageCode: () => 1 } }), 'transcriptionProperties.primaryLanguageCode'],
    [() => ot.startArchive(sid, 'name'), 'options'],
    [() => ot.startArchive(sid, { hasAudio: 'yes' }), 'hasAudio'],
    [() => ot.setArchiveLayout('a1', 'custom', 5), 'layout.stylesheet'],
    [() => ot.setArchiveLayout('a1', undefined), 'layout.type'],
    [() => ot.signal(sid, null, { data: 5 }), 'data'],
    [() => ot.signal(sid, 7, { data: 'x' }), 'connectionId'],
    [() => ot.dial(sid, 'tok', 'sip:a@b.example', { headers: { 'X-A': 1 } }), 'sip.headers.X-A'],
    [() => ot.startBroadcast(sid, { outputs: { rtmp: 'rtmp://x' } }), 'outputs.rtmp'],
    [() => ot.forceMuteAll(sid, { excludedStreamIds: [1] }), 'excludedStreamIds'],
    [() => ot.websocketConnect(sid, 'tok', 'wss://a.example/x', { audioTransport: 'json' }), 'websocket.audioTransport'],
    [() => ot.playDTMF(sid, null, 12), 'digits'],
  ]) {
    await rejects(promise(), ArgumentError, { field, kind: 'invalid_argument' });
  }
  assert.equal(server.requests.length, 0, 'nothing was sent');
});

test('ids must be usable path segments (session ids: not empty, no whitespace or control characters), before sending', async () => {
  for (const [promise, field] of [
    [() => ot.startArchive(''), 'sessionId'],
    [() => ot.listStreams(' '), 'sessionId'],
    [() => ot.signal('a\u0000b', null, { data: 'x' }), 'sessionId'],
    [() => ot.forceDisconnect(sid, 'a b'), 'connectionId'],
    [() => ot.getArchive(' '), 'archiveId'],
    [() => ot.getRender(''), 'renderId'],
    [() => ot.stopCaptions('a\nb'), 'captionsId'],
    [() => ot.unregisterCallback(''), 'callbackId'],
    [() => ot.stopAudioConnector(''), 'connectorId'],
    [() => ot.listRenders({ sessionId: sid }), 'sessionId'],
  ]) {
    await rejects(promise(), ArgumentError, { field });
  }
  assert.equal(server.requests.length, 0, 'nothing was sent');
});

test('session ids are taken as the service takes them: another project\'s id and "SESSIONID" are sent', async () => {
  const before = server.requests.length;
  await rejects(ot.startArchive(foreign), ServerError, { kind: 'server', status: 500 });
  await rejects(ot.signal('SESSIONID', null, { data: 'x' }), ServerError, { status: 500 });
  assert.equal(server.requests.length, before + 2);
});

test('with a callback, argument errors arrive there (asynchronously); a non-function callback throws', async () => {
  let sync = true;
  const err = await new Promise((resolve) => {
    const ret = ot.listArchives({ count: 0 }, (e, items) => resolve({ e, items, sync }));
    assert.equal(ret, undefined);
    sync = false;
  });
  assert.equal(err.sync, false);
  assert.ok(err.e instanceof ArgumentError);
  assert.equal(err.e.field, 'count');
  assert.equal(err.items, undefined);
  assert.throws(() => ot.signal(sid, null, { data: 'x' }, 'cb'), (e) => e instanceof ArgumentError && e.field === 'callback');
});

test('the service\'s refusals keep status, code and kind, and the area class is also the kind class', async () => {
  const refused = await startSocketServer((req, socket) => {
    if (req.includes('/archive')) respond(socket, 409, { code: 15002, message: 'already archiving' });
    else if (req.includes('/signal')) respond(socket, 413, { code: 413, message: 'too large' });
    else if (req.includes('/captions')) respond(socket, 503, { message: 'busy' });
    else respond(socket, 404, { message: 'nope' });
  });
  try {
    const c = new OpenTok(API_KEY, API_SECRET, { apiUrl: refused.url, maxRetries: 0 });
    const a = await rejects(c.startArchive(sid), ArchiveError, { kind: 'conflict', status: 409, code: '15002', apiMessage: 'already archiving' });
    assert.ok(a instanceof ConflictError && a instanceof RequestError && a instanceof OpenTokError && a instanceof Error);
    assert.ok(!(a instanceof NotFoundError) && !(a instanceof AuthError) && !(a instanceof SignalError));
    assert.equal(a.name, 'ArchiveError');
    const s = await rejects(c.signal(sid, null, { data: 'x' }), SignalError, { kind: 'payload_too_large', status: 413 });
    assert.ok(s instanceof PayloadTooLargeError && s instanceof RequestError);
    // server failures are not the area's refusals: they keep their own class
    const busy = await rejects(c.startCaptions(sid, 'tok'), ServerError, { status: 503 });
    assert.ok(!(busy instanceof CaptionsError));
    const n = await rejects(c.getStream(sid, 'st1'), NotFoundError, { status: 404, apiMessage: 'nope' });
    assert.equal(n.name, 'NotFoundError');
  } finally {
    await refused.close();
  }
});

test('kind classes still tell plain errors apart', () => {
  const e = new ArchiveError('x', { errorKind: 'timeout' });
  assert.ok(e instanceof TimeoutError && e instanceof RequestError && !(e instanceof ConflictError));
  assert.ok(!(new ArgumentError('x') instanceof RequestError));
  assert.ok(!(new NotFoundError('x') instanceof ArchiveError));
  assert.ok(!({ kind: 'conflict' } instanceof ConflictError));
});

test('REST calls time out as TimeoutError (not the area class) and a GET answered 503 is retried', async () => {
  let hits = 0;
  const flaky = await startSocketServer((req, socket) => {
    if (req.startsWith('POST')) return; // never answers
    hits += 1;
    if (hits < 3) respond(socket, 503, { message: 'busy' }, { 'retry-after': '0' });
    else respond(socket, 200, { id: 'a1', status: 'available', sessionId: sid, size: 10, duration: 2, unknownField: true });
  });
  try {
    const c = new OpenTok(API_KEY, API_SECRET, { apiUrl: flaky.url, timeout: 300 });
    const t = await rejects(c.signal(sid, null, { data: 'x' }), TimeoutError, { kind: 'timeout' });
    assert.ok(!(t instanceof SignalError));
    const a = await c.getArchive('a1');
    assert.equal(hits, 3);
    assert.ok(a instanceof OpenTok.Archive);
    assert.deepEqual({ id: a.id, status: a.status, size: a.size, duration: a.duration }, { id: 'a1', status: 'available', size: 10, duration: 2 });
  } finally {
    await flaky.close();
  }
});
