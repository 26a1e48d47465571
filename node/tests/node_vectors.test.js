'use strict';
// Node token vectors (tests/vectors/node_tokens.json, generated from the official
// `opentok@2.23.2` with a fixed clock and nonce by node/scripts/node_token_vectors.js): our tokens
// for the same inputs carry the same claims (JWT) or the same signed data, byte for byte (T1), and
// every signature verifies both ways.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const OpenTok = require('..');

const FILE = path.join(__dirname, '..', '..', 'tests', 'vectors', 'node_tokens.json');
const V = JSON.parse(fs.readFileSync(FILE, 'utf8'));
const decodeJwt = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url'));
const hs256 = (t, secret) => {
  const [h, p, s] = t.split('.');
  return crypto.createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url') === s;
};

for (const v of V.vectors) {
  test(`${v.format} ${JSON.stringify(v.options)} as the official Node SDK mints it`, () => {
    const ot = new OpenTok(V.apiKey, V.apiSecret, { testing: { now: v.now, nonce: v.nonce } });
    const ours = ot.generateToken(V.sessionId, v.options, v.format === 'T1');
    if (v.format === 'JWT') {
      const claims = decodeJwt(ours);
      assert.deepEqual(claims, v.claims);
      assert.deepEqual(Object.keys(claims), Object.keys(v.claims), 'claim order');
      assert.ok(hs256(ours, V.apiSecret), 'our signature');
      assert.ok(hs256(v.token, V.apiSecret), 'their signature');
    } else {
      assert.equal(ours, v.token, 'T1 byte for byte');
      assert.equal(Buffer.from(ours.slice(4), 'base64').toString('utf8'), v.data);
    }
    // read back with ours: expiry, role and data as asked
    for (const t of [ours, v.token]) {
      const d = OpenTok.verifyToken(t, V.apiSecret, { now: v.now });
      assert.equal(d.format, v.format);
      assert.equal(d.expiresAt, v.format === 'JWT' ? v.claims.expire_time : Number(/expire_time=(\d+)/.exec(v.data)[1]));
    }
  });
}

test('the JWT with expireTime reads back as expire_time (as the official one does) and the T1 expiry is the rounded one asked for', () => {
  const now = Math.floor(Date.now() / 1000);
  const ot = new OpenTok(V.apiKey, V.apiSecret);
  const claims = decodeJwt(ot.generateToken(V.sessionId, { expireTime: now + 3600.6 }));
  assert.equal(claims.expire_time, now + 3601);
  assert.equal(claims.exp, now + 3601);
  assert.ok(claims.create_time >= now);
  const t1 = Buffer.from(ot.generateToken(V.sessionId, { expireTime: now + 3600.4 }, true).slice(4), 'base64').toString();
  assert.match(t1, new RegExp(`&expire_time=${now + 3600}&`));
});

test('application credentials (RS256): the official Node claims; the signature verifies with the public key', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  for (const v of V.application) {
    const ot = new OpenTok(v.applicationId, privateKey, { testing: { now: v.now } });
    const ours = ot.generateToken(v.sessionId, v.options);
    const [h, p, s] = ours.split('.');
    assert.ok(crypto.verify('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url')));
    const claims = decodeJwt(ours);
    assert.match(claims.jti, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    claims.jti = '<uuid v4>';
    assert.deepEqual(claims, v.claims);
    assert.deepEqual(Object.keys(claims), Object.keys(v.claims), 'claim order');
  }
});
