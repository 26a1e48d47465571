'use strict';
// OpenTok: the official `opentok` 2.x constructor and methods over one native core client.

const util = require('util');
const native = require('./native');
const errors = require('./error');
const { Session, sessionInput } = require('./session');
const { tokenInput, unwrap } = require('./token');
const { CLIENT } = require('./rest');
const AREAS = ['archive', 'broadcast', 'stream', 'moderation', 'signal', 'connection', 'sip', 'captions', 'render', 'audio_connector', 'callback'];

const { argumentError, fromNative, isNativeError } = errors;
const BINDING = `node/${process.versions.node}`;

// Whether a string survives the trip to Rust unchanged: napi replaces a lone (unpaired) UTF-16
// surrogate with U+FFFD, so a secret holding one would sign tokens with a different secret than
// the one given. `isWellFormed` is Node 20+; the `u`-flag regex matches only unpaired surrogates.
function wellFormed(s) {
  return typeof s.isWellFormed === 'function' ? s.isWellFormed() : !/\p{Cs}/u.test(s);
}

// A numeric knob as a number for the core to check; `true` is not 1 and `[5]` is not 5.
function knobNumber(field, v) {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  throw argumentError(field, 'must be a number', v);
}

function clientConfig(apiKey, apiSecret, env) {
  if (!(typeof apiKey === 'number' || typeof apiKey === 'string')) {
    throw argumentError('api_key', 'must be a string or a number', apiKey);
  }
  if (typeof apiKey === 'number' && !(Number.isSafeInteger(apiKey) && apiKey >= 0)) {
    // NaN, Infinity, 1.5, -1, 1e21 would become the API key "NaN", "Infinity", "1e+21", ...
    throw argumentError('api_key', 'must be a non-negative integer when given as a number', apiKey);
  }
  if (typeof apiKey === 'string' && !wellFormed(apiKey)) {
    throw argumentError('api_key', 'must not contain unpaired UTF-16 surrogates', apiKey);
  }
  if (typeof apiSecret !== 'string') {
    throw argumentError('api_secret', 'must be a string (API secret or PEM private key)', apiSecret == null ? apiSecret : '<redacted>');
  }
  if (!wellFormed(apiSecret)) {
    throw argumentError('api_secret', 'must not contain unpaired UTF-16 surrogates', '<redacted>');
  }
  const config = { apiKey: String(apiKey), apiSecret, binding: BINDING };
  if (typeof env === 'string') {
    config.apiUrl = env;
  } else if (env != null && typeof env === 'object' && !Array.isArray(env)) {
    if (env.apiUrl != null) config.apiUrl = String(env.apiUrl);
    // Milliseconds, like the official SDK; the core checks it (positive, at most a day).
    if (env.timeout != null) config.timeoutMs = knobNumber('timeout', env.timeout);
    if (env.proxy != null) {
      if (typeof env.proxy === 'string') config.proxy = env.proxy;
      else if (typeof env.proxy === 'object' && env.proxy.url != null) {
        config.proxy = String(env.proxy.url);
        if (env.proxy.username != null) config.proxyUsername = String(env.proxy.username);
        if (env.proxy.password != null) config.proxyPassword = String(env.proxy.password);
      } else throw argumentError('proxy', 'must be a URL string or {url, username, password}', '[object]');
    }
    if (env.uaAddendum != null) config.uaAddendum = String(env.uaAddendum);
    // The core checks it (an integer from 0 to 10).
    if (env.maxRetries != null) config.maxRetries = knobNumber('max_retries', env.maxRetries);
    if (env.testing != null) {
      if (env.testing.now != null) config.fixedNow = Math.trunc(Number(env.testing.now));
      if (env.testing.nonce != null) config.fixedNonce = Number(env.testing.nonce) >>> 0;
    }
  } else if (env != null && typeof env !== 'function') {
    throw argumentError('options', 'must be an API URL string or an options object', env);
  }
  return config;
}

/**
 * `new OpenTok(apiKey, apiSecret, env)`: `apiKey` a string or number (or a Vonage application id),
 * `apiSecret` the API secret (or the application's PEM private key), `env` an API URL or
 * `{apiUrl, timeout, proxy, uaAddendum}`. Works without `new`, like the official SDK.
 */
function OpenTok(apiKey, apiSecret, env) {
  if (!(this instanceof OpenTok)) return new OpenTok(apiKey, apiSecret, env);
  const r = native.createClient(clientConfig(apiKey, apiSecret, env));
  if (isNativeError(r)) throw fromNative(r);
  Object.defineProperty(this, CLIENT, { value: r, enumerable: false });
  /** The API key (a string) or the application id. */
  this.apiKey = r.apiKey;
  /** The base URL of the API. */
  this.apiUrl = r.apiUrl;
}

/**
 * Creates a session. `options`: `mediaMode` ('relayed' default, 'routed'), `archiveMode`
 * ('manual' default, 'always'), `location` (IPv4), `e2ee`, `archiveName`, `archiveResolution`.
 * With a callback, calls `callback(err, session)`; without one, returns a Promise of the session.
 */
OpenTok.prototype.createSession = function createSession(options, callback) {
  if (typeof options === 'function' && callback === undefined) {
    callback = options;
    options = {};
  }
  if (callback != null && typeof callback !== 'function') {
    throw argumentError('callback', 'must be a function', callback);
  }
  const promise = this._createSession(options);
  if (!callback) return promise;
  promise.then(
    (session) => process.nextTick(callback, null, session),
    (err) => process.nextTick(callback, err),
  );
  return undefined;
};

OpenTok.prototype._createSession = async function _createSession(options) {
  const { input, props } = sessionInput(options);
  const r = await this[CLIENT].createSession(input);
  if (isNativeError(r)) throw fromNative(r);
  // As the official SDK: the options the session was created with (defaults filled in); and,
  // beyond it, what the service answered.
  const echo = { ...props, mediaMode: r.mediaMode, archiveMode: r.archiveMode };
  return new Session(this, r.sessionId, { ...echo, projectId: r.projectId, createDt: r.createDt, mediaServerUrl: r.mediaServerUrl });
};

/**
 * Mints a connection token: a JWT by default, legacy T1 when `generateT1Token` is true.
 * `options`: `role`, `expireTime` (unix seconds, or a Date), `data`, `initialLayoutClassList`.
 * Throws `ArgumentError` naming the field when a rule is broken.
 */
OpenTok.prototype.generateToken = function generateToken(sessionId, options, generateT1Token) {
  if (typeof sessionId !== 'string') {
    throw argumentError('session_id', 'must be a string; a token cannot be generated without a session id', sessionId);
  }
  return unwrap(this[CLIENT].generateToken(sessionId, Boolean(generateT1Token), tokenInput(options)));
};

// The REST operations, one module per core area, under the official names.
for (const area of AREAS) Object.assign(OpenTok.prototype, require(`./${area}`).methods);

OpenTok.prototype[util.inspect.custom] = function inspect() {
  return `OpenTok { apiKey: ${JSON.stringify(this.apiKey)}, apiUrl: ${JSON.stringify(this.apiUrl)} }`;
};

OpenTok.prototype.toJSON = function toJSON() {
  return { apiKey: this.apiKey, apiUrl: this.apiUrl };
};

module.exports = { OpenTok };
