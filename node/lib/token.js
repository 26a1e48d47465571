'use strict';
// Token options (argument shapes only) and reading tokens back through the core.

const native = require('./native');
const { argumentError, fromNative, isNativeError } = require('./error');

/**
 * Converts `generateToken` options (official shape) for the core; `undefined` when there are none
 * (the hot path then converts no object).
 */
/** Every index of `list` holds a string (holes of a sparse array included, which `every` skips). */
function everyString(list) {
  for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'string') return false;
  return true;
}

function tokenInput(opts) {
  if (opts == null) return undefined;
  const input = {};
  if (typeof opts !== 'object' || Array.isArray(opts)) throw argumentError('options', 'must be an object', opts);
  if (opts.role != null) {
    if (typeof opts.role !== 'string') throw argumentError('role', 'must be a string', opts.role);
    input.role = opts.role;
  }
  // `expireTime` (documented) or `expire_time` (read by the official SDK in Vonage mode).
  const exp = opts.expireTime != null ? opts.expireTime : opts.expire_time;
  if (exp != null) {
    // Rounded to whole seconds, as the official SDK does (`Math.round(expireTime)`).
    if (exp instanceof Date) input.expireTime = Math.round(exp.getTime() / 1000);
    else if (typeof exp === 'number') input.expireTime = Number.isFinite(exp) ? Math.round(exp) : exp;
    else if (String(exp).trim() !== '' && Number.isFinite(Number(exp))) input.expireTime = Math.round(Number(exp));
    else input.expireTime = String(exp); // the core rejects it, naming expire_time
  }
  if (opts.expireIn != null) {
    if (typeof opts.expireIn !== 'number') throw argumentError('expire_in', 'must be a number of seconds', opts.expireIn);
    input.expireIn = opts.expireIn;
  }
  if (opts.data != null) {
    if (typeof opts.data !== 'string') throw argumentError('data', 'must be a string', opts.data);
    // napi would turn a lone surrogate into U+FFFD: the token would carry other data than given
    if (!opts.data.isWellFormed()) throw argumentError('data', 'must be valid Unicode text (no lone surrogates)', opts.data);
    input.data = opts.data;
  }
  const list = opts.initialLayoutClassList;
  if (list != null) {
    if (typeof list === 'string') input.initialLayoutClassList = list === '' ? [] : [list];
    else if (Array.isArray(list) && everyString(list)) input.initialLayoutClassList = list;
    else throw argumentError('initial_layout_class_list', 'must be an array of strings or a string', list);
  }
  return Object.keys(input).length > 0 ? input : undefined;
}

/**
 * The verify key as the core takes it: key text (the core decides: PEM means the application's RSA
 * public key, anything else the API secret), or the explicit `{secret}` / `{publicKey}` choice.
 */
function keyArg(key) {
  if (key == null) return undefined;
  if (typeof key === 'object' && !Buffer.isBuffer(key)) {
    const choice = {};
    if (key.secret != null) choice.secret = String(key.secret);
    if (key.publicKey != null) choice.publicKey = String(key.publicKey);
    return choice;
  }
  return String(key);
}

function unwrap(r) {
  if (isNativeError(r)) throw fromNative(r);
  return r;
}

function tokenString(token) {
  if (typeof token !== 'string') throw argumentError('token', 'must be a string', token);
  return token;
}

/** Decodes a token (JWT or T1) without checking its signature. */
function decodeToken(token) {
  return unwrap(native.decodeToken(tokenString(token)));
}

function nowArg(options) {
  if (options == null || options.now == null) return undefined;
  const now = options.now instanceof Date ? options.now.getTime() / 1000 : Number(options.now);
  if (!Number.isFinite(now)) throw argumentError('now', 'must be unix seconds or a Date', options.now);
  return Math.trunc(now);
}

/**
 * Verifies a token's signature and expiry with the API secret or the application's RSA public
 * key (PEM). `options.now` (unix seconds or a Date) replaces the system clock.
 */
function verifyToken(token, key, options) {
  return unwrap(native.verifyToken(tokenString(token), keyArg(key), nowArg(options)));
}

/** Explains a token: its fields and, given a key, whether it is valid (`verdict` in words). */
function explainToken(token, key, options) {
  return unwrap(native.explainToken(tokenString(token), keyArg(key), nowArg(options)));
}

module.exports = { tokenInput, decodeToken, verifyToken, explainToken, unwrap };
