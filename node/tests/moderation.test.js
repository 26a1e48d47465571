'use strict';
// Streams, moderation, signaling and connections against the emulator: getStream, listStreams,
// setStreamClassLists, forceDisconnect, forceMuteStream, forceMuteAll, disableForceMute, signal,
// listConnections.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { OpenTok, API_KEY, setup, items, viaCallback, viaPromise, rejects } = require('./helpers/rest');

const { ArgumentError, NotFoundError, SignalError, ForceDisconnectError, PayloadTooLargeError, RequestError } = OpenTok;
let ctx;
before(async () => { ctx = await setup(); });
after(() => ctx && ctx.stop());

const ghost = () => OpenTok.SessionId.mint(API_KEY, { random: `ghost${Math.random().toString(36).slice(2)}` }).sessionId;

test('getStream and listStreams answer Stream objects; unknown stream and session are 404', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const cam = await ctx.publish(sessionId, connectionId, { name: 'cam', layoutClassList: ['full'] });
  const screen = await ctx.publish(sessionId, connectionId, { name: 'screen', videoType: 'screen' });
  const [s] = await viaCallback(ctx.ot, 'getStream', sessionId, cam.id);
  assert.ok(s instanceof OpenTok.Stream);
  assert.deepEqual({ ...s }, { id: cam.id, name: 'cam', videoType: 'camera', layoutClassList: ['full'], forceMuted: false });
  const list = await viaPromise(ctx.ot, 'listStreams', sessionId);
  assert.deepEqual(list.map((x) => x.id).sort(), [cam.id, screen.id].sort());
  assert.ok(list.every((x) => x instanceof OpenTok.Stream));
  assert.equal(list.find((x) => x.id === screen.id).videoType, 'screen');
  await rejects(ctx.ot.getStream(sessionId, 'nope'), NotFoundError, { kind: 'not_found', status: 404 });
  await rejects(ctx.ot.listStreams(ghost()), NotFoundError, { status: 404 });
  await rejects(ctx.ot.getStream(sessionId, 'a b'), ArgumentError, { field: 'streamId' });
});

test('setStreamClassLists replaces the classes; unknown streams are 404; shapes and rules checked', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const a = await ctx.publish(sessionId, connectionId, { layoutClassList: ['old'] });
  const b = await ctx.publish(sessionId, connectionId);
  assert.deepEqual(await viaCallback(ctx.ot, 'setStreamClassLists', sessionId, [
    { id: a.id, layoutClassList: ['focus', 'full'] },
    { id: b.id, layoutClassList: [] },
  ]), []);
  assert.deepEqual((await ctx.ot.getStream(sessionId, a.id)).layoutClassList, ['focus', 'full']);
  assert.equal(await viaPromise(ctx.ot, 'setStreamClassLists', sessionId, [{ id: b.id, layoutClassList: ['x'] }]), undefined);
  assert.deepEqual((await ctx.ot.getStream(sessionId, b.id)).layoutClassList, ['x']);
  await rejects(ctx.ot.setStreamClassLists(sessionId, [{ id: 'nope', layoutClassList: ['x'] }]), NotFoundError, { status: 404 });
  await rejects(ctx.ot.setStreamClassLists(sessionId, []), ArgumentError, { field: 'items' });
  await rejects(ctx.ot.setStreamClassLists(sessionId, [{ id: a.id, layoutClassList: ['two words'] }]), ArgumentError, { field: 'items.layoutClassList' });
  await rejects(ctx.ot.setStreamClassLists(sessionId, [{ id: a.id }]), ArgumentError, { field: 'items[0].layoutClassList' });
  await rejects(ctx.ot.setStreamClassLists(sessionId, 'x'), ArgumentError, { field: 'items' });
});

test('forceDisconnect removes the connection; a second time is a ForceDisconnectError 404', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const other = await ctx.connect(sessionId);
  assert.deepEqual(await viaCallback(ctx.ot, 'forceDisconnect', sessionId, connectionId), []);
  const left = items(await ctx.connections(sessionId)).map((c) => c.connectionId);
  assert.deepEqual(left, [other]);
  const err = await rejects(ctx.ot.forceDisconnect(sessionId, connectionId), ForceDisconnectError, { kind: 'not_found', status: 404 });
  assert.ok(err instanceof NotFoundError);
  assert.equal(err.name, 'ForceDisconnectError');
  assert.equal(await viaPromise(ctx.ot, 'forceDisconnect', sessionId, other), undefined);
  await rejects(ctx.ot.forceDisconnect(sessionId, ''), ArgumentError, { field: 'connectionId' });
});

test('forceMuteStream sets forceMuted on that stream only; unknown stream is 404', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const a = await ctx.publish(sessionId, connectionId);
  const b = await ctx.publish(sessionId, connectionId);
  assert.deepEqual(await viaCallback(ctx.ot, 'forceMuteStream', sessionId, a.id), []);
  const muted = Object.fromEntries(items(await ctx.streams(sessionId)).map((s) => [s.id, s.forceMuted]));
  assert.deepEqual(muted, { [a.id]: true, [b.id]: false });
  await rejects(ctx.ot.forceMuteStream(sessionId, 'nope'), NotFoundError, { status: 404 });
});

test('forceMuteAll with excludedStreamIds, then disableForceMute; unknown session 404', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const keep = await ctx.publish(sessionId, connectionId, { name: 'host' });
  const mute = await ctx.publish(sessionId, connectionId, { name: 'guest' });
  assert.equal(await viaPromise(ctx.ot, 'forceMuteAll', sessionId, { excludedStreamIds: [keep.id] }), undefined);
  let view = await ctx.streams(sessionId);
  let muted = Object.fromEntries(items(view).map((s) => [s.id, s.forceMuted]));
  assert.deepEqual(muted, { [keep.id]: false, [mute.id]: true });
  assert.ok(view.muteAll, 'the session is in mute-all state');
  const late = await ctx.publish(sessionId, connectionId);
  assert.equal(late.forceMuted, true, 'streams published during mute-all are muted');
  assert.deepEqual(await viaCallback(ctx.ot, 'disableForceMute', sessionId), []);
  const after2 = await ctx.publish(sessionId, connectionId);
  assert.equal(after2.forceMuted, false);
  await viaCallback(ctx.ot, 'forceMuteAll', sessionId); // no options
  await rejects(ctx.ot.forceMuteAll(ghost(), {}), NotFoundError, { status: 404 });
  await rejects(ctx.ot.disableForceMute(ghost()), NotFoundError, { status: 404 });
  await rejects(ctx.ot.forceMuteAll(sessionId, { excludedStreamIds: 'x' }), ArgumentError, { field: 'excludedStreamIds' });
});

test('signal reaches every connection, or one; 413 over 8 kB and 404 unknown connection are SignalErrors', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const other = await ctx.connect(sessionId);
  assert.deepEqual(await viaCallback(ctx.ot, 'signal', sessionId, null, { type: 'chat', data: 'hello all' }), []);
  assert.equal(await viaPromise(ctx.ot, 'signal', sessionId, other, { type: 'dm', data: 'just you' }), undefined);
  const got = async (c) => items(await ctx.signals(sessionId, c)).map((s) => `${s.type}:${s.data}`);
  assert.deepEqual(await got(connectionId), ['chat:hello all']);
  assert.deepEqual(await got(other), ['chat:hello all', 'dm:just you']);
  const big = await rejects(ctx.ot.signal(sessionId, null, { type: 'chat', data: 'x'.repeat(8193) }), SignalError, {
    kind: 'payload_too_large',
    status: 413,
  });
  assert.ok(big instanceof PayloadTooLargeError && big instanceof RequestError);
  const gone = await rejects(ctx.ot.signal(sessionId, 'nope', { data: 'x' }), SignalError, { kind: 'not_found', status: 404 });
  assert.ok(gone instanceof NotFoundError);
  await rejects(ctx.ot.signal(sessionId, null, { type: 'bad type!', data: 'x' }), ArgumentError, { field: 'type' });
  await rejects(ctx.ot.signal(sessionId, null), ArgumentError, { field: 'payload' });
  assert.deepEqual(await got(connectionId), ['chat:hello all'], 'refused signals were not delivered');
});

test('listConnections (a new method) lists connected clients; unknown session is 404', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const [list] = await viaCallback(ctx.ot, 'listConnections', sessionId);
  assert.equal(list.count, 1);
  assert.equal(list.sessionId, sessionId);
  assert.equal(list.items[0].connectionId, connectionId);
  assert.equal(list.items[0].connectionState, 'Connected');
  await rejects(ctx.ot.listConnections(ghost()), NotFoundError, { status: 404 });
  await rejects(ctx.ot.listConnections('1_MX45OTk5fn5-'), NotFoundError, { status: 404 });
  await rejects(ctx.ot.listConnections(''), ArgumentError, { field: 'sessionId' });
});
