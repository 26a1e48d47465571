'use strict';
// Faults the emulator cannot produce, served by raw socket servers: every error status, bad
// bodies, a server that never answers (timeouts), a closed port, a proxy. Callback and Promise.

const test = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { API_KEY, API_SECRET, startSocketServer, respond, closedPort } = require('./helpers/emulator');
const { STYLES } = require('./helpers/styles');

const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const OK_BODY = JSON.stringify([{ session_id: SID, project_id: API_KEY, partner_id: API_KEY, create_dt: 'Sat Mar 15 14:42:23 PDT 2014' }]);

function jwtClaims(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

const STATUS_CASES = [
  [400, OpenTok.RequestError, 'request', false],
  [401, OpenTok.AuthError, 'authentication', false],
  [403, OpenTok.AuthError, 'authentication', false],
  [404, OpenTok.NotFoundError, 'not_found', false],
  [409, OpenTok.ConflictError, 'conflict', false],
  [413, OpenTok.PayloadTooLargeError, 'payload_too_large', false],
  [429, OpenTok.RateLimitError, 'rate_limited', true],
  [500, OpenTok.ServerError, 'server', true],
  [503, OpenTok.ServerError, 'server', true],
];

for (const [style, create] of STYLES) {
  for (const [status, Cls, kind, retryable] of STATUS_CASES) {
    test(`${style}: HTTP ${status} -> ${Cls.name} with code, status and the server's message`, async () => {
      const srv = await startSocketServer((req, sock) => respond(sock, status, { code: 1000 + status, message: `server says ${status}` }, { 'content-type': 'application/json' }));
      try {
        const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, maxRetries: 0 });
        await assert.rejects(create(ot, {}), (e) => {
          assert.ok(e instanceof Cls, `got ${e.name}: ${e.message}`);
          assert.ok(e instanceof OpenTok.OpenTokError);
          assert.ok(e instanceof Error);
          assert.equal(e.name, Cls.name);
          assert.equal(e.kind, kind);
          assert.equal(e.status, status);
          assert.equal(e.apiCode, String(1000 + status));
          assert.equal(e.code, String(1000 + status));
          assert.equal(e.apiMessage, `server says ${status}`);
          assert.match(e.message, new RegExp(`HTTP ${status}`));
          assert.match(e.message, new RegExp(`server says ${status}`));
          assert.equal(e.retryable, retryable);
          return true;
        });
      } finally {
        await srv.close();
      }
    });
  }

  test(`${style}: an error body without a code -> code is the kind`, async () => {
    const srv = await startSocketServer((req, sock) => respond(sock, 500, 'upstream exploded', { 'content-type': 'text/plain' }));
    try {
      const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, maxRetries: 0 });
      await assert.rejects(create(ot, {}), (e) => {
        assert.ok(e instanceof OpenTok.ServerError);
        assert.equal(e.code, 'server');
        assert.equal(e.apiCode, undefined);
        assert.match(e.message, /upstream exploded/);
        return true;
      });
    } finally {
      await srv.close();
    }
  });

  for (const [what, body] of [['not JSON', '<html>hi</html>'], ['an empty array', '[]'], ['no session_id', '[{"foo":1}]']]) {
    test(`${style}: a 200 with ${what} -> InvalidResponseError`, async () => {
      const srv = await startSocketServer((req, sock) => respond(sock, 200, body, { 'content-type': 'application/json' }));
      try {
        const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, maxRetries: 0 });
        await assert.rejects(create(ot, {}), (e) => {
          assert.ok(e instanceof OpenTok.InvalidResponseError, `got ${e.name}: ${e.message}`);
          assert.ok(e instanceof OpenTok.RequestError);
          assert.equal(e.kind, 'invalid_response');
          return true;
        });
      } finally {
        await srv.close();
      }
    });
  }

  test(`${style}: a server that never answers -> TimeoutError after the timeout`, async () => {
    const srv = await startSocketServer(() => { /* never answer */ });
    try {
      const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, timeout: 300 });
      const t0 = Date.now();
      await assert.rejects(create(ot, {}), (e) => {
        assert.ok(e instanceof OpenTok.TimeoutError, `got ${e.name}: ${e.message}`);
        assert.ok(e instanceof OpenTok.RequestError);
        assert.equal(e.name, 'TimeoutError');
        assert.equal(e.kind, 'timeout');
        assert.equal(e.code, 'timeout');
        assert.equal(e.status, undefined);
        assert.match(e.message, /timed out/);
        return true;
      });
      const elapsed = Date.now() - t0;
      assert.ok(elapsed >= 250, `gave up too early (${elapsed} ms)`);
      assert.ok(elapsed < 5000, `took ${elapsed} ms for a 300 ms timeout`);
      assert.ok(srv.requests.length >= 1, 'the request reached the server');
      assert.equal(srv.requests.length, 1, 'a POST that reached the server is not re-sent');
    } finally {
      await srv.close();
    }
  });

  test(`${style}: a closed port -> ConnectionError`, async () => {
    const port = await closedPort();
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    await assert.rejects(create(ot, {}), (e) => {
      assert.ok(e instanceof OpenTok.ConnectionError, `got ${e.name}: ${e.message}`);
      assert.equal(e.kind, 'connect');
      assert.equal(e.retryable, true);
      return true;
    });
  });
}

test('many concurrent calls to a never-answering server all time out, none hang', async () => {
  const srv = await startSocketServer(() => {});
  try {
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, timeout: 300 });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => ot.createSession()));
    assert.ok(results.every((r) => r.status === 'rejected' && r.reason instanceof OpenTok.TimeoutError));
  } finally {
    await srv.close();
  }
});

test('the request on the wire: form body, auth JWT, User-Agent with uaAddendum', async () => {
  const srv = await startSocketServer((req, sock) => respond(sock, 200, OK_BODY, { 'content-type': 'application/json' }));
  try {
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, uaAddendum: 'my-app/1.2' });
    const s = await ot.createSession({ mediaMode: 'routed', archiveMode: 'always', archiveName: 'n', location: '1.2.3.4' });
    assert.equal(s.sessionId, SID);
    const req = srv.requests[0];
    const [head, body] = req.split('\r\n\r\n');
    assert.match(head, /^POST \/session\/create HTTP\/1\.1/);
    assert.match(head, /content-type: application\/x-www-form-urlencoded/i);
    const ua = /user-agent: (.*)/i.exec(head)[1];
    assert.match(ua, /opentok-native\//);
    assert.match(ua, new RegExp(`node/${process.versions.node.replace(/\./g, '\\.')}`));
    assert.match(ua, /my-app\/1\.2/);
    const form = new URLSearchParams(body);
    assert.equal(form.get('p2p.preference'), 'disabled');
    assert.equal(form.get('archiveMode'), 'always');
    assert.equal(form.get('archiveName'), 'n');
    assert.equal(form.get('location'), '1.2.3.4');
    const auth = /x-opentok-auth: (.*)/i.exec(head)[1].trim();
    const claims = jwtClaims(auth);
    assert.equal(claims.iss, API_KEY);
    assert.equal(claims.ist, 'project');
    assert.ok(claims.exp > claims.iat);
    assert.ok(!req.includes(API_SECRET), 'the secret never goes on the wire');
  } finally {
    await srv.close();
  }
});

test('an HTTP proxy (with credentials in the URL) carries the request', async () => {
  const srv = await startSocketServer((req, sock) => respond(sock, 200, OK_BODY, { 'content-type': 'application/json' }));
  try {
    const proxyUrl = srv.url.replace('http://', 'http://user:pa55@');
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: 'http://api.opentok.invalid', proxy: proxyUrl });
    const s = await ot.createSession();
    assert.equal(s.sessionId, SID);
    const head = srv.requests[0].split('\r\n\r\n')[0];
    assert.match(head, /^POST http:\/\/api\.opentok\.invalid\/session\/create HTTP\/1\.1/);
    assert.match(head, new RegExp(`proxy-authorization: Basic ${Buffer.from('user:pa55').toString('base64')}`, 'i'));
  } finally {
    await srv.close();
  }
});

test('an HTTP proxy given as {url, username, password}', async () => {
  const srv = await startSocketServer((req, sock) => respond(sock, 200, OK_BODY, { 'content-type': 'application/json' }));
  try {
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: 'http://api.opentok.invalid', proxy: { url: srv.url, username: 'u', password: 'p' } });
    await ot.createSession();
    assert.match(srv.requests[0], new RegExp(`proxy-authorization: Basic ${Buffer.from('u:p').toString('base64')}`, 'i'));
  } finally {
    await srv.close();
  }
});

test('retries: a 503 with Retry-After is retried (the server did not process it)', async () => {
  let n = 0;
  const srv = await startSocketServer((req, sock) => {
    n += 1;
    if (n === 1) respond(sock, 503, { message: 'busy' }, { 'content-type': 'application/json', 'retry-after': '0' });
    else respond(sock, 200, OK_BODY, { 'content-type': 'application/json' });
  });
  try {
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, maxRetries: 2 });
    const s = await ot.createSession();
    assert.equal(s.sessionId, SID);
    assert.equal(srv.requests.length, 2);
  } finally {
    await srv.close();
  }
});

test('retries: a 500 on createSession (a POST) is not re-sent', async () => {
  const srv = await startSocketServer((req, sock) => respond(sock, 500, { message: 'boom' }, { 'content-type': 'application/json' }));
  try {
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, maxRetries: 2 });
    await assert.rejects(ot.createSession(), OpenTok.ServerError);
    assert.equal(srv.requests.length, 1);
  } finally {
    await srv.close();
  }
});

test('maxRetries: 0 turns retries off', async () => {
  const srv = await startSocketServer((req, sock) => respond(sock, 503, { message: 'busy' }, { 'content-type': 'application/json', 'retry-after': '0' }));
  try {
    const ot = new OpenTok(API_KEY, API_SECRET, { apiUrl: srv.url, maxRetries: 0 });
    await assert.rejects(ot.createSession(), OpenTok.ServerError);
    assert.equal(srv.requests.length, 1);
  } finally {
    await srv.close();
  }
});
