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
