'use strict';
// generateToken: every option and rule (the rules are the core's; this checks they arrive), and
// decodeToken / verifyToken / explainToken.

const test = require('node:test');
const assert = require('node:assert/strict');
const OpenTok = require('..');
const { API_KEY, API_SECRET } = require('./helpers/emulator');

const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';
const NOW = 1795823052;
const ot = new OpenTok(API_KEY, API_SECRET, { testing: { now: NOW, nonce: 7 } });
const live = new OpenTok(API_KEY, API_SECRET);

function claims(token) {
  return OpenTok.verifyToken(token, API_SECRET, { now: NOW });
}

for (const t1 of [false, true]) {
  const fmt = t1 ? 'T1' : 'JWT';
  test(`${fmt}: defaults are publisher, 24 h`, () => {
    const d = claims(ot.generateToken(SID, undefined, t1));
    assert.equal(d.format, fmt);
    assert.equal(d.role, 'publisher');
    assert.equal(d.sessionId, SID);
    assert.equal(d.projectId, API_KEY);
    assert.equal(d.expiresAt, NOW + 86400);
  });

  for (const role of ['publisher', 'subscriber', 'moderator', 'publisheronly']) {
    test(`${fmt}: role ${role}`, () => {
      assert.equal(claims(ot.generateToken(SID, { role }, t1)).role, role);
    });
  }

  test(`${fmt}: roles are case-insensitive strings parsed by the core`, () => {
    assert.equal(claims(ot.generateToken(SID, { role: 'MODERATOR' }, t1)).role, 'moderator');
  });

  test(`${fmt}: expireTime as a number, a numeric string, a fraction, a Date, and expire_time`, () => {
    assert.equal(claims(ot.generateToken(SID, { expireTime: NOW + 60 }, t1)).expiresAt, NOW + 60);
    assert.equal(claims(ot.generateToken(SID, { expireTime: String(NOW + 61) }, t1)).expiresAt, NOW + 61);
    // rounded, as the official SDK does (Math.round)
    assert.equal(claims(ot.generateToken(SID, { expireTime: NOW + 62.9 }, t1)).expiresAt, NOW + 63);
    assert.equal(claims(ot.generateToken(SID, { expireTime: NOW + 62.4 }, t1)).expiresAt, NOW + 62);
    assert.equal(claims(ot.generateToken(SID, { expireTime: new Date((NOW + 63) * 1000) }, t1)).expiresAt, NOW + 63);
    assert.equal(claims(ot.generateToken(SID, { expire_time: NOW + 64 }, t1)).expiresAt, NOW + 64);
    assert.equal(claims(ot.generateToken(SID, { expireIn: 3600 }, t1)).expiresAt, NOW + 3600);
  });

  test(`${fmt}: data and initialLayoutClassList (array or string)`, () => {
    const d = claims(ot.generateToken(SID, { data: 'name=Ada & co', initialLayoutClassList: ['focus', 'small'] }, t1));
    assert.equal(d.connectionData, 'name=Ada & co');
    assert.equal(d.initialLayoutClassList, 'focus small');
    assert.equal(claims(ot.generateToken(SID, { initialLayoutClassList: 'full' }, t1)).initialLayoutClassList, 'full');
    assert.equal(claims(ot.generateToken(SID, { data: 'x'.repeat(1000) }, t1)).connectionData.length, 1000);
  });

  const RULES = [
    [{ role: 'admin' }, 'role', /must be one of/],
    [{ role: 42 }, 'role', /must be a string/],
    [{ expireTime: NOW - 1 }, 'expire_time', /past/],
    [{ expireTime: NOW + 30 * 86400 + 1 }, 'expire_time', /30 days/],
    [{ expireTime: 'tomorrow' }, 'expire_time', /unix seconds/],
    [{ expireTime: Infinity }, 'expire_time', /finite/],
    [{ expireTime: new Date(NaN) }, 'expire_time', /finite/],
    [{ data: 'x'.repeat(1001) }, 'data', /at most 1000 characters, has 1001/],
    [{ data: 42 }, 'data', /must be a string/],
    [{ initialLayoutClassList: ['a'.repeat(600), 'b'.repeat(600)] }, 'initial_layout_class_list', /at most 1000/],
    [{ initialLayoutClassList: [1, 2] }, 'initial_layout_class_list', /array of strings/],
    [{ expireIn: -5 }, 'expire_in', /non-negative/],
    ['publisher', 'options', /must be an object/],
  ];
  for (const [opts, field, pattern] of RULES) {
    test(`${fmt}: rule ${JSON.stringify(opts).slice(0, 60)} -> ArgumentError(${field})`, () => {
      assert.throws(() => ot.generateToken(SID, opts, t1), (e) => {
        assert.ok(e instanceof OpenTok.ArgumentError, `got ${e.name}: ${e.message}`);
        assert.equal(e.name, 'ArgumentError');
        assert.equal(e.field, field);
        assert.equal(e.code, 'invalid_argument');
        assert.match(e.message, pattern);
        return true;
      });
    });
  }

  test(`${fmt}: a session of another api key is refused`, () => {
    const other = OpenTok.SessionId.mint('654321').sessionId;
    assert.throws(() => ot.generateToken(other, {}, t1), (e) => e instanceof OpenTok.ArgumentError && e.field === 'session_id' && /654321/.test(e.message));
  });

  test(`${fmt}: a missing session id is refused`, () => {
    assert.throws(() => ot.generateToken(undefined, {}, t1), (e) => e instanceof OpenTok.ArgumentError && e.field === 'session_id');
    assert.throws(() => ot.generateToken('', {}, t1), OpenTok.ArgumentError);
  });
}

test('tokens differ per call (random nonce) and verify on the system clock', () => {
  const a = live.generateToken(SID);
  const b = live.generateToken(SID);
  assert.notEqual(a, b);
  assert.equal(OpenTok.verifyToken(a, API_SECRET).role, 'publisher');
});

test('verifyToken: wrong secret, expired, malformed -> InvalidTokenError with a reason', () => {
  const t = ot.generateToken(SID, { expireTime: NOW + 60 });
  assert.throws(() => OpenTok.verifyToken(t, 'f'.repeat(40), { now: NOW }), (e) => {
    assert.ok(e instanceof OpenTok.InvalidTokenError);
    assert.ok(e instanceof OpenTok.ArgumentError);
    assert.equal(e.name, 'InvalidTokenError');
    assert.equal(e.kind, 'invalid_token');
    assert.equal(e.reason, 'bad_signature');
    return true;
  });
  assert.throws(() => OpenTok.verifyToken(t, API_SECRET, { now: NOW + 3600 }), (e) => e.reason === 'expired');
  assert.throws(() => OpenTok.verifyToken('not a token', API_SECRET), (e) => e instanceof OpenTok.InvalidTokenError && e.reason === 'malformed');
  assert.throws(() => OpenTok.decodeToken('T1==!!!'), OpenTok.InvalidTokenError);
  assert.throws(() => OpenTok.verifyToken(t), (e) => e instanceof OpenTok.ArgumentError && e.field === 'key');
  assert.throws(() => OpenTok.decodeToken(42), (e) => e.field === 'token');
  assert.equal(OpenTok.verifyToken(t, { secret: API_SECRET }, { now: new Date(NOW * 1000) }).expiresAt, NOW + 60);
});

test('explainToken: fields and a verdict in words, never throws for a bad token', () => {
  const t = ot.generateToken(SID, { role: 'moderator', expireTime: NOW + 3 * 3600 });
  const good = OpenTok.explainToken(t, API_SECRET, { now: NOW });
  assert.equal(good.valid, true);
  assert.equal(good.decoded.role, 'moderator');
  assert.match(good.verdict, /valid/);
  const expired = OpenTok.explainToken(t, API_SECRET, { now: NOW + 6 * 3600 });
  assert.equal(expired.valid, false);
  assert.equal(expired.rejection, 'expired');
  assert.match(expired.verdict, /expired 3 h ago/);
  const bad = OpenTok.explainToken(t, 'f'.repeat(40), { now: NOW });
  assert.equal(bad.valid, false);
  assert.equal(bad.rejection, 'bad_signature');
  const junk = OpenTok.explainToken('junk');
  assert.equal(junk.valid, false);
  assert.equal(junk.decoded, undefined);
  const unsigned = OpenTok.explainToken(t, undefined, { now: NOW });
  assert.equal(unsigned.decoded.sessionId, SID);
});

test('SessionId.mint round-trips and checks ownership', () => {
  const s = OpenTok.SessionId.mint(API_KEY, { location: '10.0.0.1', createdAtMs: 1739538894959, random: 'abc', flag: 'P' });
  assert.equal(s.apiKey, API_KEY);
  assert.equal(s.location, '10.0.0.1');
  assert.equal(s.createdAtMs, 1739538894959);
  assert.equal(s.createdAt.getTime(), 1739538894959);
  assert.equal(s.belongsTo(API_KEY), true);
  assert.equal(s.belongsTo(123456), true);
  const token = ot.generateToken(s.sessionId);
  assert.equal(claims(token).sessionId, s.sessionId);
});
