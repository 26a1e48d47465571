'use strict';
// Broadcasts against the emulator: startBroadcast, stopBroadcast, getBroadcast, listBroadcasts,
// setBroadcastLayout, addBroadcastStream, removeBroadcastStream.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { OpenTok, setup, viaCallback, viaPromise, rejects } = require('./helpers/rest');

const { ArgumentError, NotFoundError, ConflictError, RequestError } = OpenTok;
const HLS = { outputs: { hls: {} } };
let ctx;
before(async () => { ctx = await setup(); });
after(() => ctx && ctx.stop());

test('startBroadcast: HLS and RTMP outputs in both styles; 404 without clients, 409 when one runs', async () => {
  const sessionId = await ctx.session();
  await rejects(ctx.ot.startBroadcast(sessionId, HLS), NotFoundError, { kind: 'not_found', status: 404 });
  await ctx.connect(sessionId);
  const b = await viaPromise(ctx.ot, 'startBroadcast', sessionId, {
    outputs: { hls: { lowLatency: true }, rtmp: [{ id: 'yt', serverUrl: 'rtmps://live.example.com/app', streamName: 'key' }] },
    maxDuration: 3600,
    resolution: '1280x720',
  });
  assert.ok(b instanceof OpenTok.Broadcast);
  assert.equal(b.status, 'started');
  assert.equal(b.sessionId, sessionId);
  assert.equal(b.maxDuration, 3600);
  assert.match(b.broadcastUrls.hls, /m3u8/);
  assert.equal(b.broadcastUrls.rtmp[0].id, 'yt');
  const again = await rejects(ctx.ot.startBroadcast(sessionId, HLS), ConflictError, { status: 409 });
  assert.ok(again instanceof RequestError);
  const [tagged] = await viaCallback(ctx.ot, 'startBroadcast', sessionId, { ...HLS, multiBroadcastTag: 'two' });
  assert.equal(tagged.multiBroadcastTag, 'two');
  await Promise.all([b.stop(), tagged.stop()]);
});

test('startBroadcast: output rules are the core\'s, checked before sending', async () => {
  const { sessionId } = await ctx.live();
  const rtmp = (n) => Array.from({ length: n }, (_, i) => ({ serverUrl: 'rtmp://x.example/app', streamName: `k${i}` }));
  for (const [opts, field] of [
    [{}, 'outputs'],
    [{ outputs: { rtmp: rtmp(6) } }, 'outputs.rtmp'],
    [{ outputs: { rtmp: [{ serverUrl: 'http://x.example', streamName: 'k' }] } }, 'outputs.rtmp.serverUrl'],
    [{ outputs: { hls: { dvr: true, lowLatency: true } } }, 'outputs.hls.lowLatency'],
    [{ ...HLS, maxDuration: 10 }, 'maxDuration'],
  ]) {
    await rejects(ctx.ot.startBroadcast(sessionId, opts), ArgumentError, { field });
  }
  await rejects(ctx.ot.startBroadcast(sessionId), ArgumentError, { field: 'outputs' });
  assert.equal((await ctx.ot.listBroadcasts({ sessionId })).length, 0);
});

test('stopBroadcast / getBroadcast / Broadcast#stop; stopping twice is 409, unknown ids 404', async () => {
  const { sessionId } = await ctx.live();
  const b = await ctx.ot.startBroadcast(sessionId, HLS);
  const [stopped] = await viaCallback(ctx.ot, 'stopBroadcast', b.id);
  assert.ok(stopped instanceof OpenTok.Broadcast);
  assert.equal(stopped.status, 'stopped');
  const [got] = await viaCallback(ctx.ot, 'getBroadcast', b.id);
  assert.equal(got.id, b.id);
  assert.equal(got.status, 'stopped');
  assert.equal((await viaPromise(ctx.ot, 'getBroadcast', b.id)).broadcastUrls.hlsStatus, 'ended');
  await rejects(b.stop(), ConflictError, { status: 409 });
  await rejects(ctx.ot.getBroadcast('nope'), NotFoundError, { status: 404 });
  await rejects(ctx.ot.stopBroadcast('nope'), NotFoundError, { status: 404 });
});

test('listBroadcasts: (broadcasts, totalCount) and a Promise of an array with totalCount; count checked', async () => {
  const { sessionId } = await ctx.live();
  const a = await ctx.ot.startBroadcast(sessionId, { ...HLS, multiBroadcastTag: 'a' });
  const b = await ctx.ot.startBroadcast(sessionId, { ...HLS, multiBroadcastTag: 'b' });
  const [list, total] = await viaCallback(ctx.ot, 'listBroadcasts', { sessionId });
  assert.equal(total, 2);
  assert.deepEqual(list.map((x) => x.id).sort(), [a.id, b.id].sort());
  const page = await viaPromise(ctx.ot, 'listBroadcasts', { sessionId, count: 1 });
  assert.equal(page.length, 1);
  assert.equal(page.totalCount, 2);
  await rejects(ctx.ot.listBroadcasts({ count: 0 }), ArgumentError, { field: 'count' });
  await Promise.all([a.stop(), b.stop()]);
});

test('setBroadcastLayout while live; 409 once stopped; layout rules named', async () => {
  const { sessionId } = await ctx.live();
  const b = await ctx.ot.startBroadcast(sessionId, HLS);
  assert.deepEqual(await viaCallback(ctx.ot, 'setBroadcastLayout', b.id, 'horizontalPresentation'), []);
  assert.equal(await viaPromise(ctx.ot, 'setBroadcastLayout', b.id, 'custom', 'stream { width: 50%; }'), undefined);
  await rejects(ctx.ot.setBroadcastLayout(b.id, 'pip', 'stream {}'), ArgumentError, { field: 'layout.stylesheet' });
  await b.stop();
  await rejects(ctx.ot.setBroadcastLayout(b.id, 'pip'), ConflictError, { status: 409 });
  await rejects(ctx.ot.setBroadcastLayout('nope', 'pip'), NotFoundError, { status: 404 });
});

test('addBroadcastStream sends the tracks given; removeBroadcastStream; 405 in auto mode, 404 unknown stream', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const stream = await ctx.publish(sessionId, connectionId);
  const b = await ctx.ot.startBroadcast(sessionId, { ...HLS, streamMode: 'manual' });
  await viaPromise(ctx.ot, 'addBroadcastStream', b.id, stream.id, { hasVideo: false });
  assert.deepEqual((await ctx.ot.getBroadcast(b.id)).streams, [{ streamId: stream.id, hasAudio: true, hasVideo: false }]);
  await rejects(ctx.ot.addBroadcastStream(b.id, 'nope'), NotFoundError, { status: 404 });
  assert.deepEqual(await viaCallback(ctx.ot, 'removeBroadcastStream', b.id, stream.id), []);
  assert.deepEqual((await ctx.ot.getBroadcast(b.id)).streams, []);
  const auto = await ctx.ot.startBroadcast(sessionId, { ...HLS, multiBroadcastTag: 'auto' });
  await rejects(ctx.ot.addBroadcastStream(auto.id, stream.id), RequestError, { kind: 'request', status: 405 });
  await rejects(ctx.ot.removeBroadcastStream(b.id, ''), ArgumentError, { field: 'streamId' });
  await Promise.all([b.stop(), auto.stop()]);
});
