'use strict';
// SIP, captions, Experience Composer, Audio Connector and callbacks against the emulator: dial,
// playDTMF, startCaptions, stopCaptions, getCaptions, startRender, getRender, stopRender,
// listRenders, websocketConnect, stopAudioConnector, registerCallback, listCallbacks,
// unregisterCallback.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { OpenTok, setup, items, viaCallback, viaPromise, rejects } = require('./helpers/rest');

const { ArgumentError, AuthError, NotFoundError, ConflictError, RequestError, SipError, CaptionsError, CallbackError } = OpenTok;
let ctx;
before(async () => { ctx = await setup(); });
after(() => ctx && ctx.stop());

const token = (sessionId, role = 'publisher') => ctx.ot.generateToken(sessionId, { role });
const enc = encodeURIComponent;

test('dial adds a SIP connection with a stream; relayed is 409 and a non-X- header 400, both SipErrors', async () => {
  const { sessionId } = await ctx.live();
  const call = await viaPromise(ctx.ot, 'dial', sessionId, token(sessionId), 'sip:alice@sip.example.com;transport=tls', {
    from: '15551234567@example.com',
    headers: { 'X-Room': 'blue' },
    auth: { username: 'u', password: 'p' },
    secure: true,
    observeForceMute: true,
  });
  assert.ok(call instanceof OpenTok.SipInterconnect);
  assert.ok(call.id && call.connectionId && call.streamId);
  const conns = items(await ctx.connections(sessionId)).map((c) => c.connectionId);
  assert.ok(conns.includes(call.connectionId));
  const [cb] = await viaCallback(ctx.ot, 'dial', sessionId, token(sessionId), 'sips:bob@sip.example.com');
  assert.ok(cb.connectionId);
  const relayed = await ctx.session({ mediaMode: 'relayed' });
  const e = await rejects(ctx.ot.dial(relayed, token(relayed), 'sip:a@b.example'), SipError, { kind: 'conflict', status: 409 });
  assert.ok(e instanceof ConflictError);
  await rejects(ctx.ot.dial(sessionId, token(sessionId), 'sip:a@b.example', { headers: { Room: 'x' } }), SipError, { kind: 'request', status: 400 });
  await rejects(ctx.ot.dial(sessionId, token(sessionId), 'tel:+15551234567'), ArgumentError, { field: 'sip.uri' });
  await rejects(ctx.ot.dial(sessionId, '', 'sip:a@b.example'), ArgumentError, { field: 'token' });
});

test('playDTMF to a session and to one connection; bad digits named; unknown connection 404', async () => {
  const { sessionId } = await ctx.live();
  const call = await ctx.ot.dial(sessionId, token(sessionId), 'sip:alice@sip.example.com');
  assert.deepEqual(await viaCallback(ctx.ot, 'playDTMF', sessionId, null, '1234#'), []);
  assert.equal(await viaPromise(ctx.ot, 'playDTMF', sessionId, call.connectionId, '9p*'), undefined);
  const played = items(await ctx.api('GET', `/sessions/${enc(sessionId)}/dtmf`, undefined, 200)).map((d) => d.digits);
  assert.deepEqual(played, ['1234#', '9p*']);
  await rejects(ctx.ot.playDTMF(sessionId, null, '12a'), ArgumentError, { field: 'digits' });
  await rejects(ctx.ot.playDTMF(sessionId, 'nope', '1'), SipError, { kind: 'not_found', status: 404 });
});

test('startCaptions -> getCaptions -> stopCaptions; 409 while running is a CaptionsError; 403 without a moderator token', async () => {
  const { sessionId } = await ctx.live();
  const id = await viaPromise(ctx.ot, 'startCaptions', sessionId, token(sessionId, 'moderator'), { languageCode: 'en-US', maxDuration: 600, partialCaptions: false });
  assert.equal(typeof id, 'string');
  const err = await rejects(ctx.ot.startCaptions(sessionId, token(sessionId, 'moderator')), CaptionsError, { kind: 'conflict', status: 409 });
  assert.ok(err instanceof ConflictError);
  const [status] = await viaCallback(ctx.ot, 'getCaptions', id);
  assert.equal(status.captionsId, id);
  assert.equal(status.status, 'started');
  assert.equal(status.sessionId, sessionId);
  assert.deepEqual(await viaCallback(ctx.ot, 'stopCaptions', id), [true]);
  assert.equal((await ctx.ot.getCaptions(id)).status, 'stopped');
  const other = (await ctx.live()).sessionId;
  await rejects(ctx.ot.startCaptions(other, token(other)), AuthError, { status: 403 });
  await rejects(ctx.ot.startCaptions(other, token(other, 'moderator'), { languageCode: 'english' }), ArgumentError, { field: 'languageCode' });
  await rejects(ctx.ot.startCaptions(other, token(other, 'moderator'), { maxDuration: 10 }), ArgumentError, { field: 'maxDuration' });
  await rejects(ctx.ot.stopCaptions('nope'), CaptionsError, { kind: 'not_found', status: 404 });
  await rejects(ctx.ot.getCaptions('nope'), NotFoundError, { status: 404 });
});

test('startRender -> getRender (started, with a stream) -> listRenders -> stopRender; rules and 404s', async () => {
  const { sessionId } = await ctx.live();
  const r = await viaPromise(ctx.ot, 'startRender', {
    sessionId,
    token: token(sessionId),
    url: 'https://example.com/composer',
    maxDuration: 120,
    resolution: '1280x720',
    properties: { name: 'composer' },
  });
  assert.equal(r.status, 'starting');
  assert.equal(r.sessionId, sessionId);
  const [got] = await viaCallback(ctx.ot, 'getRender', r.id);
  assert.equal(got.status, 'started');
  assert.ok(got.streamId);
  const [list] = await viaCallback(ctx.ot, 'listRenders', { count: 1000 });
  assert.ok(list.items.some((x) => x.id === r.id));
  assert.ok(list.count >= 1);
  assert.equal((await viaPromise(ctx.ot, 'listRenders')).items.length, list.items.length);
  assert.deepEqual(await viaCallback(ctx.ot, 'stopRender', r.id), []);
  assert.equal((await ctx.ot.getRender(r.id)).status, 'stopped');
  await rejects(ctx.ot.getRender('nope'), NotFoundError, { status: 404 });
  await rejects(ctx.ot.stopRender('nope'), NotFoundError, { status: 404 });
  await rejects(ctx.ot.startRender({ sessionId, token: token(sessionId), url: 'ftp://example.com/x' }), ArgumentError, { field: 'url' });
  await rejects(ctx.ot.startRender({ sessionId, token: token(sessionId), url: 'https://example.com/composer', resolution: '1920x1080' }), ArgumentError, { field: 'resolution' });
  await rejects(ctx.ot.startRender({ sessionId, token: 'garbage', url: 'https://example.com/composer' }), AuthError, { status: 403 });
  await rejects(ctx.ot.listRenders({ count: 0 }), ArgumentError, { field: 'count' });
  await rejects(ctx.ot.startRender(), ArgumentError, { field: 'options' });
});

test('websocketConnect sends audioTransport as an object; stopAudioConnector removes its connection; 409 when relayed', async () => {
  const { sessionId, connectionId } = await ctx.live();
  const stream = await ctx.publish(sessionId, connectionId);
  const ws = await viaPromise(ctx.ot, 'websocketConnect', sessionId, token(sessionId), 'wss://audio.example.com/socket', {
    streams: [stream.id],
    headers: { 'X-Call': '42' },
    audioRate: 24000,
    bidirectional: true,
    audioTransport: { transport: 'json', encoding: 'base64', audio_field: 'audio' },
  });
  assert.ok(ws.id && ws.connectionId);
  const asked = await ctx.api('GET', `/audio-connectors/${enc(ws.id)}`, undefined, 200);
  assert.equal(asked.uri, 'wss://audio.example.com/socket');
  assert.equal(asked.audioRate, 24000);
  assert.deepEqual(asked.streams, [stream.id]);
  assert.deepEqual(asked.audioTransport, { transport: 'json', encoding: 'base64', audio_field: 'audio' });
  assert.ok(items(await ctx.connections(sessionId)).some((c) => c.connectionId === ws.connectionId));
  assert.deepEqual(await viaCallback(ctx.ot, 'stopAudioConnector', ws.id), []);
  assert.ok(!items(await ctx.connections(sessionId)).some((c) => c.connectionId === ws.connectionId));
  const [cb] = await viaCallback(ctx.ot, 'websocketConnect', sessionId, token(sessionId), 'ws://audio.example.com/plain');
  assert.ok(cb.id);
  const relayed = await ctx.session({ mediaMode: 'relayed' });
  await rejects(ctx.ot.websocketConnect(relayed, token(relayed), 'wss://audio.example.com/x'), ConflictError, { status: 409 });
  await rejects(ctx.ot.websocketConnect(sessionId, token(sessionId), 'https://audio.example.com/x'), ArgumentError, { field: 'websocket.uri' });
  await rejects(ctx.ot.websocketConnect(sessionId, token(sessionId), 'wss://audio.example.com/x', { audioRate: 44100 }), ArgumentError, { field: 'websocket.audioRate' });
  await rejects(ctx.ot.stopAudioConnector('nope'), NotFoundError, { status: 404 });
});

test('registerCallback / listCallbacks / Callback#unregister / unregisterCallback; bad events named; unknown id 404', async () => {
  const cb = await viaPromise(ctx.ot, 'registerCallback', { group: 'stream', event: 'streamCreated', url: 'https://example.com/hooks/stream' });
  assert.ok(cb instanceof OpenTok.RegisteredCallback);
  assert.equal(cb.group, 'stream');
  assert.equal(cb.event, 'streamCreated');
  const [cb2] = await viaCallback(ctx.ot, 'registerCallback', { group: 'archive', event: 'status', url: 'https://example.com/hooks/archive' });
  const [list] = await viaCallback(ctx.ot, 'listCallbacks', {});
  assert.deepEqual(list.map((c) => c.id).sort(), [cb.id, cb2.id].sort());
  assert.ok(list.every((c) => c instanceof OpenTok.RegisteredCallback));
  assert.equal(await cb.unregister(), undefined);
  assert.deepEqual(await viaCallback(ctx.ot, 'unregisterCallback', cb2.id), []);
  assert.deepEqual(await viaPromise(ctx.ot, 'listCallbacks'), []);
  await rejects(ctx.ot.unregisterCallback(cb.id), CallbackError, { kind: 'not_found', status: 404 });
  // As the official SDK, the group/event pair is the service's to judge (it documents more
  // events than the core knows); the emulator refuses unknown ones with 400, naming the field.
  const wrong = await rejects(ctx.ot.registerCallback({ group: 'stream', event: 'status', url: 'https://example.com/x' }), CallbackError, { status: 400 });
  assert.match(wrong.message, /event/);
  await rejects(ctx.ot.registerCallback({ group: 'stream', event: '', url: 'https://example.com/x' }), ArgumentError, { field: 'event' });
  await rejects(ctx.ot.registerCallback({ group: 'archive', event: 'status', url: 'ftp://example.com/x' }), ArgumentError, { field: 'url' });
  await rejects(ctx.ot.registerCallback(), ArgumentError, { field: 'options' });
  // a wrong secret is refused by the service for every operation: an AuthError, not a CallbackError
  const wrong2 = new OpenTok(ctx.ot.apiKey, 'f'.repeat(40), ctx.url);
  const auth = await rejects(wrong2.listCallbacks(), AuthError, { kind: 'authentication', status: 403 });
  assert.ok(!(auth instanceof CallbackError));
});
