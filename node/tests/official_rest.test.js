'use strict';
// "An existing app moves by changing an import": the same callback-style app code runs against the
// emulator once with the official `opentok@2.23.2` and once with this package, and what it sees
// (result classes' fields, callback arities, ids, counts, state changes) is the same.

const test = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startEmulator, simulateConnect } = require('./helpers/emulator');
const { officialRequire } = require('./helpers/official');

let Official;
let emu;
test.before(async () => {
  Official = officialRequire()('opentok');
  emu = await startEmulator();
});
test.after(() => emu && emu.stop());

const call = (fn) => new Promise((resolve, reject) => fn((err, ...values) => (err ? reject(err) : resolve(values))));

/** App code written for the official SDK's callbacks; returns a transcript of what it saw. */
async function app(OT) {
  const ot = new OT(API_KEY, API_SECRET, { apiUrl: emu.url });
  const seen = {};
  const [session] = await call((cb) => ot.createSession({ mediaMode: 'routed' }, cb));
  const sid = session.sessionId;
  const client = await simulateConnect(emu.url, sid, ot.generateToken(sid, { role: 'moderator' }));
  const connectionId = client.body.connectionId;
  const stream = await fetch(`${emu.url}/emulator/v1/sessions/${encodeURIComponent(sid)}/connections/${connectionId}/streams`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"cam"}',
  }).then((r) => r.json());

  const [archive] = await call((cb) => ot.startArchive(sid, { name: 'app', outputMode: 'composed' }, cb));
  seen.archive = { status: archive.status, name: archive.name, sessionId: archive.sessionId === sid, stop: typeof archive.stop };
  const listed = await call((cb) => ot.listArchives({ sessionId: sid }, cb));
  seen.list = { arity: listed.length, ids: listed[0].map((a) => a.id === archive.id), total: listed[1] };
  await call((cb) => ot.setArchiveLayout(archive.id, 'pip', cb));
  const [stopped] = await call((cb) => archive.stop(cb));
  seen.stopped = stopped.status;
  const [got] = await call((cb) => ot.getArchive(archive.id, cb));
  seen.got = { status: got.status, size: typeof got.size, duration: typeof got.duration };

  await call((cb) => ot.signal(sid, null, { type: 'chat', data: 'hi' }, cb));
  await call((cb) => ot.signal(sid, connectionId, { type: 'dm', data: 'you' }, cb));
  const signals = await fetch(`${emu.url}/emulator/v1/sessions/${encodeURIComponent(sid)}/connections/${connectionId}/signals`).then((r) => r.json());
  seen.signals = (signals.items || signals).map((s) => `${s.type}:${s.data}`);

  const [streams] = await call((cb) => ot.listStreams(sid, cb));
  seen.streams = streams.map((s) => ({ id: s.id === stream.id, name: s.name, videoType: s.videoType }));
  // (getStream is not in the shared app: the official one JSON.parses an object and throws)
  await call((cb) => ot.setStreamClassLists(sid, [{ id: stream.id, layoutClassList: ['focus'] }], cb));
  await call((cb) => ot.forceMuteAll(sid, { excludedStreamIds: [stream.id] }, cb));
  await call((cb) => ot.disableForceMute(sid, cb));
  await call((cb) => ot.forceMuteStream(sid, stream.id, cb));
  const [after] = await call((cb) => ot.listStreams(sid, cb));
  seen.classes = after[0].layoutClassList;

  const [broadcast] = await call((cb) => ot.startBroadcast(sid, { outputs: { hls: {} } }, cb));
  seen.broadcast = { status: broadcast.status, hls: typeof broadcast.broadcastUrls.hls, stop: typeof broadcast.stop };
  const [bl, btotal] = await call((cb) => ot.listBroadcasts({ sessionId: sid }, cb));
  seen.broadcasts = { n: bl.length, total: btotal };
  const [bstopped] = await call((cb) => ot.stopBroadcast(broadcast.id, cb));
  seen.bstopped = bstopped.status;

  const [sip] = await call((cb) => ot.dial(sid, ot.generateToken(sid), 'sip:alice@sip.example.com', { headers: { 'X-Room': 'a' } }, cb));
  seen.sip = Object.keys(sip).filter((k) => typeof sip[k] !== 'function').sort();
  await call((cb) => ot.playDTMF(sid, sip.connectionId, '12#', cb));

  const [captionsId] = await call((cb) => ot.startCaptions(sid, ot.generateToken(sid, { role: 'moderator' }), {}, cb));
  seen.captions = typeof captionsId;
  seen.captionsStop = (await call((cb) => ot.stopCaptions(captionsId, cb)))[0];

  const [render] = await call((cb) => ot.startRender({ sessionId: sid, token: ot.generateToken(sid), url: 'https://example.com/composer' }, cb));
  seen.render = render.status;
  const [rendered] = await call((cb) => ot.getRender(render.id, cb));
  seen.rendered = { status: rendered.status, stream: typeof rendered.streamId };
  const [renders] = await call((cb) => ot.listRenders({ count: 10 }, cb));
  seen.renders = renders.items.some((r) => r.id === render.id);
  await call((cb) => ot.stopRender(render.id, cb));

  const [ws] = await call((cb) => ot.websocketConnect(sid, ot.generateToken(sid), 'wss://audio.example.com/s', { bidirectional: true }, cb));
  seen.ws = Object.keys(ws).sort();

  const [registered] = await call((cb) => ot.registerCallback({ group: 'archive', event: 'status', url: 'https://example.com/hook' }, cb));
  seen.registered = { group: registered.group, event: registered.event };
  const [callbacks] = await call((cb) => ot.listCallbacks({}, cb));
  seen.callbacks = callbacks.some((c) => c.id === registered.id);
  await call((cb) => ot.unregisterCallback(registered.id, cb));

  await call((cb) => ot.forceDisconnect(sid, connectionId, cb));
  seen.disconnectAgain = await call((cb) => ot.forceDisconnect(sid, connectionId, cb)).then(
    () => 'ok',
    (e) => e instanceof OT.ForceDisconnectError,
  );
  const [empty] = await call((cb) => ot.createSession({ mediaMode: 'routed' }, cb));
  seen.archiveNoClients = await call((cb) => ot.startArchive(empty.sessionId, cb)).then(() => 'ok', (e) => e instanceof OT.ArchiveError);
  return seen;
}

test('the same callback-style app sees the same things with the official SDK and with this package', async () => {
  const official = await app(Official);
  const ours = await app(OpenTok);
  assert.deepEqual(ours, official);
  // and the transcript is the expected one, so both really did the work
  assert.equal(ours.archive.status, 'started');
  assert.deepEqual(ours.list, { arity: 2, ids: [true], total: 1 });
  assert.deepEqual(ours.signals, ['chat:hi', 'dm:you']);
  assert.deepEqual(ours.classes, ['focus']);
  assert.equal(ours.captionsStop, true);
  assert.equal(ours.disconnectAgain, true);
  assert.equal(ours.archiveNoClients, true);
});
