// ESM import of the package: default export is the OpenTok constructor, named exports work.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import OpenTok, { OpenTok as Named, AuthError, ArgumentError, SessionId, decodeToken, verifyToken, explainToken, OpenTokSDK } from '../index.mjs';

const require = createRequire(import.meta.url);

test('ESM default and named exports are the CommonJS ones', () => {
  const cjs = require('..');
  assert.equal(OpenTok, cjs);
  assert.equal(Named, cjs);
  assert.equal(AuthError, cjs.AuthError);
  assert.equal(ArgumentError, cjs.ArgumentError);
  assert.equal(SessionId, cjs.SessionId);
  assert.equal(typeof decodeToken, 'function');
  assert.equal(typeof verifyToken, 'function');
  assert.equal(typeof explainToken, 'function');
  assert.equal(typeof OpenTokSDK, 'function');
});

test('ESM: mint and verify a token', () => {
  const ot = new OpenTok('123456', '1234567890abcdef1234567890abcdef1234567890');
  const sid = SessionId.mint('123456').sessionId;
  const t = ot.generateToken(sid, { role: 'subscriber' });
  assert.equal(verifyToken(t, '1234567890abcdef1234567890abcdef1234567890').role, 'subscriber');
});

test('package self-reference resolves the "import" condition', async () => {
  const mod = await import('opentok-native');
  assert.equal(mod.default, OpenTok);
  assert.equal(mod.NotFoundError, OpenTok.NotFoundError);
});
