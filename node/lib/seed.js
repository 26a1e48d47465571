'use strict';
// The seed project's API, kept as a compatible alias:
//   OpenTokSDK(apiKey, apiSecret).createSession(location, properties) -> { session_id, getSessionId() }

const { OpenTok } = require('./client');

/** A session as the seed API returns it. */
class SeedSession {
  constructor(session) {
    this.session_id = session.sessionId;
    Object.defineProperty(this, 'session', { value: session, enumerable: false });
  }

  getSessionId() {
    return this.session_id;
  }
}

/** `OpenTokSDK(apiKey, apiSecret[, env])`, with or without `new`. */
function OpenTokSDK(apiKey, apiSecret, env) {
  if (!(this instanceof OpenTokSDK)) return new OpenTokSDK(apiKey, apiSecret, env);
  Object.defineProperty(this, 'ot', { value: new OpenTok(apiKey, apiSecret, env), enumerable: false });
  this.apiKey = this.ot.apiKey;
}

/**
 * `createSession(location, properties[, callback])`: `properties` may carry `p2p.preference`
 * ('enabled' = relayed, 'disabled' = routed) and the official options. Returns a Promise of a
 * `{session_id, getSessionId()}` object, or calls `callback(err, session)`.
 */
OpenTokSDK.prototype.createSession = function createSession(location, properties, callback) {
  if (typeof location === 'function') {
    callback = location;
    location = undefined;
    properties = undefined;
  } else if (typeof properties === 'function') {
    callback = properties;
    properties = undefined;
  }
  const opts = Object.assign({}, properties || {});
  if (location != null && location !== '') opts.location = location;
  const promise = this.ot.createSession(opts).then((s) => new SeedSession(s));
  if (!callback) return promise;
  promise.then((s) => process.nextTick(callback, null, s), (e) => process.nextTick(callback, e));
  return undefined;
};
OpenTokSDK.prototype.create_session = OpenTokSDK.prototype.createSession;

/** `generateToken(sessionId, options)`: as `OpenTok#generateToken`. */
OpenTokSDK.prototype.generateToken = function generateToken(sessionId, options, generateT1Token) {
  return this.ot.generateToken(String(sessionId), options, generateT1Token);
};
OpenTokSDK.prototype.generate_token = OpenTokSDK.prototype.generateToken;

module.exports = { OpenTokSDK, SeedSession };
