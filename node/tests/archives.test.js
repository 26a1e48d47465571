'use strict';
// Archives against the emulator: startArchive, stopArchive, getArchive, listArchives,
// deleteArchive, setArchiveLayout, addArchiveStream, removeArchiveStream; both call styles;
// the service's refusals as ArchiveError carrying kind and status.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { OpenTok, setup, viaCallback, viaPromise, rejects } = require('./helpers/rest');

const { ArchiveError, ArgumentError, NotFoundError, ConflictError, RequestError } = OpenTok;
let ctx;
before(async () => { ctx = await setup(); });
after(() => ctx && ctx.stop());

test('startArchive: 404 without clients and 409 when already archiving are told apart by kind and status', async () => {
  const sessionId = await ctx.session();
  const none = await rejects(ctx.ot.startArchive(sessionId), ArchiveError, { kind: 'not_found', status: 404 });
  assert.ok(none instanceof NotFoundError && !(none instanceof ConflictError));
  assert.equal(none.name, 'ArchiveError');
  assert.match(none.message, /no clients/);
  await ctx.connect(sessionId);
  const a = await ctx.ot.startArchive(sessionId, { name: 'first' });
  const again = await rejects(ctx.ot.startArchive(sessionId), ArchiveError, { kind: 'conflict', status: 409 });
  assert.ok(again instanceof ConflictError && again instanceof RequestError && !(again instanceof NotFoundError));
  // another multiArchiveTag may run at the same time
  const tagged = await ctx.ot.startArchive(sessionId, { multiArchiveTag: 'second' });
  assert.equal(tagged.multiArchiveTag, 'second');
  await a.stop();
  await tagged.stop();
});

test('startArchive: relayed sessions are refused with 409', async () => {
  const { sessionId } = await ctx.live({ mediaMode: 'relayed' });
  await rejects(ctx.ot.startArchive(sessionId), ArchiveError, { kind: 'conflict', status: 409 });
});

test('startArchive in both styles sends the options and answers an Archive', async () => {
  const { sessionId } = await ctx.live();
  const opts = { name: 'styled', resolution: '1280x720', layout: { type: 'pip' }, hasAudio: true, multiArchiveTag: 'p' };
  const a = await viaPromise(ctx.ot, 'startArchive', sessionId, opts);
  assert.ok(a instanceof OpenTok.Archive);
  assert.equal(a.status, 'started');
  assert.equal(a.name, 'styled');
  assert.equal(a.resolution, '1280x720');
  assert.equal(a.sessionId, sessionId);
  assert.equal(typeof a.stop, 'function');
  assert.ok(!Object.keys(a).includes('ot'), 'the client is not an enumerable property');
  const [b] = await viaCallback(ctx.ot, 'startArchive', sessionId, { name: 'cb', multiArchiveTag: 'c' });
  assert.equal(b.name, 'cb');
  assert.equal(b.status, 'started');
  await Promise.all([a.stop(), b.stop()]);
});

test('startArchive: rules are checked by the core before sending, naming the field', async () => {
  const { sessionId } = await ctx.live();
  for (const [opts, field] of [
    [{ outputMode: 'zip' }, 'outputMode'],
    [{ outputMode: 'individual', resolution: '1280x720' }, 'resolution'],
    [{ maxBitrate: 5 }, 'maxBitrate'],
    [{ quantizationParameter: 41 }, 'quantizationParameter'],
    [{ layout: { type: 'custom' } }, 'layout.stylesheet'],
    [{ hasAudio: false, hasVideo: false }, 'hasAudio'],
    [{ bogus: 1 }, 'bogus'],
  ]) {
    await rejects(ctx.ot.startArchive(sessionId, opts), ArgumentError, { field });
  }
  await rejects(ctx.ot.startArchive(''), ArgumentError, { field: 'sessionId' });
  await rejects(ctx.ot.startArchive('a\tb'), ArgumentError, { field: 'sessionId' });
  await rejects(ctx.ot.startArchive(42), ArgumentError, { field: 'sessionId' });
  // nothing was started by the refused calls
  assert.equal((await ctx.ot.listArchives({ sessionId })).length, 0);
});

test('stopArchive and getArchive: started -> stopped -> available with size and duration; stopping twice is 409', async () => {
  const { sessionId } = await ctx.live();
  const a = await ctx.ot.startArchive(sessionId);
  const [stopped] = await viaCallback(ctx.ot, 'stopArchive', a.id);
  assert.ok(stopped instanceof OpenTok.Archive);
  assert.equal(stopped.status, 'stopped');
  const got = await viaPromise(ctx.ot, 'getArchive', a.id);
  assert.equal(got.status, 'available');
  assert.equal(typeof got.size, 'number');
  assert.equal(typeof got.duration, 'number');
  await rejects(ctx.ot.stopArchive(a.id), ArchiveError, { kind: 'conflict', status: 409 });
  await rejects(a.stop(), ArchiveError, { status: 409 });
});

test('a session id the service does not know ("SESSIONID") reaches the emulator; the error carries its status', async () => {
  const e = await rejects(ctx.ot.startArchive('SESSIONID'), ArchiveError, { kind: 'not_found', status: 404 });
  assert.ok(e instanceof NotFoundError);
  assert.equal(e.method, 'POST');
  assert.match(e.apiMessage, /SESSIONID/);
  await rejects(ctx.ot.listStreams('SESSIONID'), NotFoundError, { status: 404, path: '/v2/project/123456/session/SESSIONID/stream' });
});

test('getArchive and stopArchive: unknown ids are 404, empty ids an ArgumentError', async () => {
  await rejects(ctx.ot.getArchive('00000000-0000-0000-0000-000000000000'), ArchiveError, { kind: 'not_found', status: 404 });
  const [err] = await viaCallback(ctx.ot, 'getArchive', 'nope').then(() => [null], (e) => [e]);
  assert.ok(err instanceof NotFoundError && err instanceof ArchiveError);
  await rejects(ctx.ot.stopArchive('nope'), NotFoundError, { status: 404 });
  await rejects(ctx.ot.getArchive(''), ArgumentError, { field: 'archiveId' });
});

test('listArchives: callback gets (archives, totalCount), the Promise an array with totalCount; filters and paging', async () => {
  const { sessionId } = await ctx.live();
  const ids = [];
  for (const tag of ['a', 'b', 'c']) ids.push((await ctx.ot.startArchive(sessionId, { multiArchiveTag: tag })).id);
  const [list, total] = await viaCallback(ctx.ot, 'listArchives', { sessionId });
  assert.equal(total, 3);
  assert.deepEqual(list.map((a) => a.id).sort(), [...ids].sort());
  assert.ok(list.every((a) => a instanceof OpenTok.Archive));
  const page = await viaPromise(ctx.ot, 'listArchives', { sessionId, count: 2, offset: 1 });
  assert.equal(page.length, 2);
  assert.equal(page.totalCount, 3);
  const [all] = await viaCallback(ctx.ot, 'listArchives');
  assert.ok(all.length >= 3);
  await rejects(ctx.ot.listArchives({ count: 1001 }), ArgumentError, { field: 'count' });
  // session ids are taken as the service takes them: an unknown one filters to nothing
  const none = await ctx.ot.listArchives({ sessionId: 'garbage' });
  assert.equal(none.length, 0);
  assert.equal(none.totalCount, 0);
  await Promise.all(ids.map((id) => ctx.ot.stopArchive(id)));
});

test('deleteArchive: 409 while recording, deleted after stop, 404 when unknown', async () => {
  const { sessionId } = await ctx.live();
  const a = await ctx.ot.startArchive(sessionId);
  await rejects(ctx.ot.deleteArchive(a.id), ArchiveError, { kind: 'conflict', status: 409 });
  await a.stop();
  const values = await viaCallback(ctx.ot, 'deleteArchive', a.id);
  assert.deepEqual(values, []);
  assert.equal((await ctx.ot.getArchive(a.id)).status, 'deleted');
  await rejects(ctx.ot.deleteArchive('nope'), ArchiveError, { kind: 'not_found', status: 404 });
});

test('Archive#delete deletes through the client', async () => {
  const { sessionId } = await ctx.live();
  const a = await ctx.ot.startArchive(sessionId);
  await a.stop();
  assert.equal(await a.delete(), undefined);
  assert.equal((await ctx.ot.getArchive(a.id)).status, 'deleted');
});

test('setArchiveLayout: predefined and custom layouts while recording; 409 once stopped; rules named', async () => {
  const { sessionId } = await ctx.live();
  const a = await ctx.ot.startArchive(sessionId);
  assert.deepEqual(await viaCallback(ctx.ot, 'setArchiveLayout', a.id, 'verticalPresentation'), []);
  assert.equal(await viaPromise(ctx.ot, 'setArchiveLayout', a.id, 'custom', 'stream.instructor { width: 100%; }'), undefined);
  await viaCallback(ctx.ot, 'setArchiveLayout', a.id, 'bestFit', null, 'pip');
  await rejects(ctx.ot.setArchiveLayout(a.id, 'custom'), ArgumentError, { field: 'layout.stylesheet' });
  await rejects(ctx.ot.setArchiveLayout(a.id, 'pip', null, 'pip'), ArgumentError, { field: 'layout.screenshareType' });
  await rejects(ctx.ot.setArchiveLayout(a.id, 'grid'), ArgumentError, { field: 'layout.type' });
  await a.stop();
  await rejects(ctx.ot.setArchiveLayout(a.id, 'pip'), ArchiveError, { kind: 'conflict', status: 409 });
});

test('addArchiveStream / removeArchiveStream in manual stream mode; 405 in auto mode, 404 unknown stream, 409 duplicate', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const stream = await ctx.publish(sessionId, connectionId, { name: 'cam' });
  const manual = await ctx.ot.startArchive(sessionId, { streamMode: 'manual', multiArchiveTag: 'm' });
  assert.deepEqual(await viaCallback(ctx.ot, 'addArchiveStream', manual.id, stream.id, { hasAudio: true, hasVideo: false }), []);
  let got = await ctx.ot.getArchive(manual.id);
  assert.deepEqual(got.streams, [{ streamId: stream.id, hasAudio: true, hasVideo: false }]);
  await rejects(ctx.ot.addArchiveStream(manual.id, stream.id), ArchiveError, { kind: 'conflict', status: 409 });
  await rejects(ctx.ot.addArchiveStream(manual.id, 'nope'), ArchiveError, { kind: 'not_found', status: 404 });
  await rejects(ctx.ot.addArchiveStream(manual.id, stream.id, { hasAudio: false, hasVideo: false }), ArgumentError, { field: 'hasAudio' });
  assert.equal(await viaPromise(ctx.ot, 'removeArchiveStream', manual.id, stream.id), undefined);
  got = await ctx.ot.getArchive(manual.id);
  assert.deepEqual(got.streams, []);
  const auto = await ctx.ot.startArchive(sessionId, { multiArchiveTag: 'auto' });
  const e = await rejects(ctx.ot.addArchiveStream(auto.id, stream.id), ArchiveError, { kind: 'request', status: 405 });
  assert.ok(e instanceof RequestError);
  await rejects(ctx.ot.removeArchiveStream('nope', stream.id), ArchiveError, { status: 404 });
  await Promise.all([manual.stop(), auto.stop()]);
});

test('a bad callback argument throws at once; argument errors reach the callback', async () => {
  assert.throws(() => ctx.ot.getArchive('x', 'not a function'), ArgumentError);
  const err = await viaCallback(ctx.ot, 'stopArchive', undefined).then(() => null, (e) => e);
  assert.ok(err instanceof ArgumentError);
  assert.equal(err.field, 'archiveId');
});

test('40 concurrent startArchive calls on one session: exactly one archive, 39 ArchiveError 409s (Promise and callback)', async () => {
  const { sessionId } = await ctx.live();
  const calls = Array.from({ length: 40 }, (_, i) => (i % 2 ? ctx.ot.startArchive(sessionId) : viaCallback(ctx.ot, 'startArchive', sessionId).then(([a]) => a)));
  const results = await Promise.allSettled(calls);
  const ok = results.filter((r) => r.status === 'fulfilled');
  const refused = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  assert.equal(ok.length, 1);
  assert.equal(refused.length, 39);
  assert.ok(refused.every((e) => e instanceof ArchiveError && e.kind === 'conflict' && e.status === 409));
  assert.deepEqual((await ctx.ot.listArchives({ sessionId })).map((a) => a.id), [ok[0].value.id]);
  await ok[0].value.stop();
});
