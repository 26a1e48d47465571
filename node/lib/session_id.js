'use strict';
// SessionId: the core's parser of opaque session ids.

const native = require('./native');
const { argumentError, fromNative, isNativeError } = require('./error');

/** A parsed OpenTok session id (`new SessionId(id)` or `SessionId.parse(id)`; bad ids throw `ArgumentError`). */
class SessionId {
  constructor(sessionId) {
    if (typeof sessionId !== 'string') throw argumentError('session_id', 'must be a string', sessionId);
    const r = native.parseSessionId(sessionId);
    if (isNativeError(r)) throw fromNative(r);
    /** The id as given. */
    this.sessionId = r.sessionId;
    /** The prefix before `_`. */
    this.prefix = r.prefix;
    /** The API key or application id it belongs to. */
    this.apiKey = r.apiKey;
    /** The location hint, or null. */
    this.location = r.location != null ? r.location : null;
    /** The raw create-time field. */
    this.createTimeField = r.createTimeField;
    /** Creation time in epoch ms, or null when the field is old-style text. */
    this.createdAtMs = r.createdAtMs != null ? r.createdAtMs : null;
    /** Every `~`-separated field. */
    this.fields = r.fields;
  }

  /** Parses a session id. */
  static parse(sessionId) {
    return new SessionId(sessionId);
  }

  /** Mints an id in the service's format (for tests and tools). */
  static mint(apiKey, { location = null, createdAtMs = Date.now(), random = 'opentok-native', flag = '' } = {}) {
    return new SessionId(native.mintSessionId(String(apiKey), location == null ? undefined : location, createdAtMs, random, flag));
  }

  /** Whether the id belongs to an API key or application id. */
  belongsTo(apiKey) {
    const r = native.sessionIdBelongsTo(this.sessionId, String(apiKey));
    if (isNativeError(r)) throw fromNative(r);
    return r;
  }

  /** Creation time as a Date, when known. */
  get createdAt() {
    return this.createdAtMs == null ? null : new Date(this.createdAtMs);
  }

  toString() {
    return this.sessionId;
  }
}

module.exports = { SessionId };
