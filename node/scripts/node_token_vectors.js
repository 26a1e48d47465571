'use strict';
// Generates tests/vectors/node_tokens.json from the official `opentok@2.23.2` package with a
// fixed clock and nonce: `node node/scripts/node_token_vectors.js <dir with node_modules/opentok>`
// (e.g. .scratch/node-official, which the Node tests install). Date and Math.random are
// monkeypatched; the nonce u32 `k` stands for Math.random() = k / 2^32, which is how the core's
// Node dialect turns its nonce into the official's float.

const path = require('path');
const fs = require('fs');

const dir = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', '.scratch', 'node-official'));
const req = require('module').createRequire(path.join(dir, 'package.json'));
const NOW = 1795823052;
const API_KEY = '123456';
const API_SECRET = '1234567890abcdef1234567890abcdef1234567890';
const SID = '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4';

let nonce = 0;
const RealDate = Date;
class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(NOW * 1000);
    else super(...args);
  }
  static now() {
    return NOW * 1000;
  }
}
global.Date = FixedDate;
Math.random = () => nonce / 4294967296;

const OpenTok = req('opentok');
const ot = new OpenTok(API_KEY, API_SECRET);

const CASES = [
  [{}, 0x9e3779b9],
  [{ role: 'subscriber' }, 12345],
  [{ role: 'moderator', data: 'name=Johnny & co', initialLayoutClassList: ['focus', 'small'] }, 0x7fffffff],
  [{ role: 'publisheronly', expireTime: NOW + 3600 }, 1],
  [{ expireTime: NOW + 3600.6 }, 0x80000000],
  [{ expireTime: NOW + 3600.4 }, 3],
  [{ expireTime: String(NOW + 7200) }, 4],
  [{ expireTime: NOW + 29 * 86400 }, 5],
  [{ initialLayoutClassList: 'focus' }, 6],
  [{ data: 'ünïcødé 😀 (x)*!~\'' }, 4000000000],
  [{ role: 'publisher', data: '' }, 7],
];

const decodeJwt = (t) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url'));
const vectors = [];
for (const [options, n] of CASES) {
  for (const format of ['JWT', 'T1']) {
    nonce = n;
    const token = ot.generateToken(SID, options, format === 'T1');
    const v = { format, options, now: NOW, nonce: n, token };
    if (format === 'JWT') v.claims = decodeJwt(token);
    else v.data = Buffer.from(token.slice(4), 'base64').toString('utf8');
    vectors.push(v);
  }
}

// Vonage application credentials (RS256): claims only (jti is a fresh uuid, the key a test key).
const crypto = require('crypto');
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
const APP_ID = '29f760f8-7ce1-46c9-ade3-f2dedee4ed5f';
const vot = new OpenTok(APP_ID, privateKey);
const APP_SID = '1_MX4yOWY3NjBmOC03Y2UxLTQ2YzktYWRlMy1mMmRlZGVlNGVkNWZ-fjE3MjY0NjI1ODg2NDd-MTF4TGExYmJoelBlR1FHbVhzbWd4STBrfn5-';
const application = [];
for (const options of [{}, { role: 'moderator', data: 'name=Johnny & co', initialLayoutClassList: ['focus', 'small'] }]) {
  const claims = decodeJwt(vot.generateToken(APP_SID, options));
  claims.jti = '<uuid v4>';
  application.push({ options, now: NOW, applicationId: APP_ID, sessionId: APP_SID, claims });
}

const out = {
  source: 'opentok@2.23.2 (npm) generateToken, Date fixed at `now`, Math.random() = nonce / 2^32; node/scripts/node_token_vectors.js',
  apiKey: API_KEY,
  apiSecret: API_SECRET,
  sessionId: SID,
  vectors,
  application,
};
const file = path.join(__dirname, '..', '..', 'tests', 'vectors', 'node_tokens.json');
fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${vectors.length} + ${application.length} vectors to ${file}`);
