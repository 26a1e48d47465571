'use strict';
// Webhook events: the shared documents of tests/events/ parsed by OpenTok.parseEvent show what
// tests/events/expected.json lists (the core and every binding check the same values), plus the
// Node shapes: string, Buffer and Uint8Array bodies, the `type` discriminant, ArgumentError for a
// body that is not JSON.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const OpenTok = require('..');

const DIR = path.resolve(__dirname, '..', '..', 'tests', 'events');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8'));
const camel = (k) => k.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const at = (obj, dotted) => dotted.split('.').reduce((v, k) => (v == null ? undefined : v[camel(k)]), obj);
const read = (name) => fs.readFileSync(path.join(DIR, name), 'utf8');

for (const [name, want] of Object.entries(expected.events)) {
  test(`${name} shows the expected values`, () => {
    const event = OpenTok.parseEvent(read(name));
    assert.equal(event.type, want.type);
    assert.equal(event.sessionId, want.session_id);
    assert.equal(event.status ?? null, want.status);
    for (const [p, value] of Object.entries(want.fields)) assert.deepEqual(at(event, p) ?? null, value, p);
  });
}

for (const name of expected.unknown) {
  test(`${name} comes back whole as unknown`, () => {
    const event = OpenTok.parseEvent(read(name));
    assert.equal(event.type, 'unknown');
    assert.deepEqual(JSON.parse(event.raw), JSON.parse(read(name)));
  });
}

test('strings, Buffers and Uint8Arrays read alike', () => {
  const text = read('stream_created.json');
  const buf = Buffer.from(text);
  const fromText = OpenTok.parseEvent(text);
  assert.deepEqual(OpenTok.parseEvent(buf), fromText);
  assert.deepEqual(OpenTok.parseEvent(new Uint8Array(buf)), fromText);
  assert.equal(fromText.stream.connection.data, 'name=Ada');
});

test('an archive status the SDK does not know is kept as sent', () => {
  const event = OpenTok.parseEvent(read('archive_unknown_status.json'));
  assert.equal(event.type, 'archive');
  assert.deepEqual([event.status, event.archive.status], ['transcoding', 'unknown']);
});

test('the ESM entry exports parseEvent', async () => {
  const esm = await import('../index.mjs');
  assert.equal(esm.parseEvent, OpenTok.parseEvent);
});

for (const body of ['not json', '', '{"event":', Buffer.from([0xff, 0xfe])]) {
  test(`a body that is not JSON (${JSON.stringify(String(body))}) is an ArgumentError naming the rule`, () => {
    assert.throws(() => OpenTok.parseEvent(body), (e) => {
      assert.ok(e instanceof OpenTok.ArgumentError, e.name);
      assert.match(e.message, /body/);
      assert.match(e.message, /must be a JSON document/);
      return true;
    });
  });
}

for (const body of [undefined, null, 42, { event: 'connectionCreated' }]) {
  test(`a body of the wrong type (${typeof body}) is an ArgumentError`, () => {
    assert.throws(() => OpenTok.parseEvent(body), (e) => e instanceof OpenTok.ArgumentError && /must be a string or a Buffer/.test(e.message));
  });
}

test('the emulator delivers a session\'s events in order, parsed by parseEvent', async (t) => {
  // The end-to-end check: a real listener registered as the project's callback receives
  // connectionCreated, streamCreated, archive started / stopped / available, and broadcast stopped
  // once the simulated clock passes the broadcast's maxDuration.
  const http = require('http');
  const { API_KEY, API_SECRET, startEmulator, simulateConnect } = require('./helpers/emulator');
  const emu = await startEmulator();
  const bodies = [];
  const receiver = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks));
      res.writeHead(200).end();
    });
  });
  await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  t.after(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    emu.stop();
  });
  const emulator = async (method, p, body) => {
    const r = await fetch(`${emu.url}${p}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    return { status: r.status, body: await r.json().catch(() => null) };
  };

  const hook = `http://127.0.0.1:${receiver.address().port}/hook`;
  assert.equal((await emulator('PUT', `/emulator/v1/projects/${API_KEY}/callback-url`, { url: hook })).status, 200);
  const ot = new OpenTok(API_KEY, API_SECRET, emu.url);
  const { sessionId } = await ot.createSession({ mediaMode: 'routed' });
  const conn = await simulateConnect(emu.url, sessionId, ot.generateToken(sessionId));
  assert.equal(conn.status, 201, JSON.stringify(conn.body));
  const pub = await emulator('POST', `/emulator/v1/sessions/${encodeURIComponent(sessionId)}/connections/${conn.body.connectionId}/streams`, { name: 'cam' });
  assert.equal(pub.status, 201, JSON.stringify(pub.body));
  const archive = await ot.startArchive(sessionId, { name: 'e2e' });
  await ot.stopArchive(archive.id);
  const broadcast = await ot.startBroadcast(sessionId, { outputs: { hls: {} }, maxDuration: 60 });
  assert.equal((await emulator('POST', '/emulator/v1/clock', { advance: 61 })).status, 200);

  const label = (e) => (e.type === 'archive' || e.type === 'broadcast' ? `${e.type} ${e.status}` : e.type);
  const mine = () => bodies.map((b) => OpenTok.parseEvent(b)).filter((e) => e.sessionId === sessionId);
  const deadline = Date.now() + 15000;
  while (!mine().some((e) => label(e) === 'broadcast stopped') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const seen = mine().map(label);
  const wanted = ['connectionCreated', 'streamCreated', 'archive started', 'archive stopped', 'archive available', 'broadcast stopped'];
  assert.deepEqual(seen.filter((s) => wanted.includes(s)), wanted, seen.join(', '));
  const byLabel = Object.fromEntries(mine().map((e) => [label(e), e]));
  assert.equal(byLabel['archive available'].archive.id, archive.id);
  assert.equal(byLabel['broadcast stopped'].broadcast.id, broadcast.id);
  assert.equal(byLabel.streamCreated.stream.name, 'cam');
});
