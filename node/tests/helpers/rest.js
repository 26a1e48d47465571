'use strict';
// Fixtures of the REST tests: an emulator per test file, routed sessions with simulated clients
// and streams (through the emulator-only endpoints), and both call styles of an operation.

const assert = require('node:assert/strict');
const OpenTok = require('../..');
const { startEmulator, API_KEY, API_SECRET, simulateConnect } = require('./emulator');

/** Reads or writes an emulator-only endpoint; resolves to the parsed body (asserts the status). */
async function emulatorApi(url, method, path, body, expectStatus) {
  const r = await fetch(`${url}/emulator/v1${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  if (expectStatus != null) assert.equal(r.status, expectStatus, `${method} ${path}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Starts an emulator and an `OpenTok` client on it; `ctx.stop()` ends both. */
async function setup() {
  const emu = await startEmulator();
  const ot = new OpenTok(API_KEY, API_SECRET, emu.url);
  const enc = encodeURIComponent;
  const ctx = {
    emu,
    ot,
    url: emu.url,
    /** A new session (routed unless `options` say otherwise). */
    session(options = { mediaMode: 'routed' }) {
      return ot.createSession(options).then((s) => s.sessionId);
    },
    /** Connects a simulated client; resolves to its connection id. */
    async connect(sessionId, role = 'publisher') {
      const r = await simulateConnect(emu.url, sessionId, ot.generateToken(sessionId, { role }));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.connectionId;
    },
    /** Publishes a stream from a connection; resolves to the stream (with `id`). */
    publish(sessionId, connectionId, stream = {}) {
      return emulatorApi(emu.url, 'POST', `/sessions/${enc(sessionId)}/connections/${enc(connectionId)}/streams`, stream, 201);
    },
    /** A routed session with one connected client: `{sessionId, connectionId}`. */
    async live(options) {
      const sessionId = await ctx.session(options);
      return { sessionId, connectionId: await ctx.connect(sessionId) };
    },
    /** The emulator's view of a session's streams: `{items: [...{forceMuted}], muteAll}`. */
    streams(sessionId) {
      return emulatorApi(emu.url, 'GET', `/sessions/${enc(sessionId)}/streams`, undefined, 200);
    },
    /** Signals a connection received. */
    signals(sessionId, connectionId) {
      return emulatorApi(emu.url, 'GET', `/sessions/${enc(sessionId)}/connections/${enc(connectionId)}/signals`, undefined, 200);
    },
    /** Connections of a session as the emulator holds them. */
    connections(sessionId) {
      return emulatorApi(emu.url, 'GET', `/sessions/${enc(sessionId)}/connections`, undefined, 200);
    },
    api: (method, path, body, status) => emulatorApi(emu.url, method, path, body, status),
    stop: () => emu.stop(),
  };
  return ctx;
}

/** List items of an emulator answer (an array, or `{items}`). */
function items(body) {
  return Array.isArray(body) ? body : body.items;
}

/**
 * Calls `ot[method](...args, callback)` and resolves to the array of values the callback got
 * after `null`; rejects with the callback's error. Checks the callback contract: called once,
 * never synchronously, and the method returns undefined.
 */
function viaCallback(ot, method, ...args) {
  return new Promise((resolve, reject) => {
    let calls = 0;
    let sync = true;
    const ret = ot[method](...args, (err, ...values) => {
      calls += 1;
      if (calls > 1) return reject(new Error(`${method}: callback called twice`));
      if (sync) return reject(new Error(`${method}: callback called synchronously`));
      if (err) {
        if (values.some((v) => v !== undefined)) return reject(new Error(`${method}: callback got an error and a value`));
        return reject(err);
      }
      return resolve(values);
    });
    sync = false;
    if (ret !== undefined) reject(new Error(`${method} with a callback must return undefined`));
  });
}

/** Calls `ot[method](...args)` without a callback, asserting it returns a Promise. */
function viaPromise(ot, method, ...args) {
  const p = ot[method](...args);
  assert.ok(p instanceof Promise, `${method} without a callback must return a Promise`);
  return p;
}

/** Asserts a rejection is an `OpenTok.<cls>` with the given fields (kind, status, field, ...). */
async function rejects(promise, cls, fields = {}) {
  let err;
  try {
    await promise;
  } catch (e) {
    err = e;
  }
  assert.ok(err, `expected a ${cls.name}, but it succeeded`);
  assert.ok(err instanceof cls, `expected a ${cls.name}, got ${err && err.name}: ${err && err.message}`);
  for (const [k, v] of Object.entries(fields)) assert.equal(err[k], v, `${k} of ${err.name}: ${err.message}`);
  return err;
}

module.exports = { OpenTok, API_KEY, API_SECRET, setup, items, viaCallback, viaPromise, rejects, emulatorApi };
