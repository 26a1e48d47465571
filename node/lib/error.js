'use strict';
// Error classes with the official `opentok` package's names, built from the core's errors.

/** Base class of every error this package raises. */
class OpenTokError extends Error {
  constructor(message, details) {
    super(message);
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true, writable: true });
    const d = details || {};
    /** The core's stable kind: 'invalid_argument', 'not_found', ... */
    this.kind = d.errorKind || kindOf(new.target);
    /** The API's error code when the server sent one, otherwise the kind. */
    this.code = d.apiCode != null ? d.apiCode : this.kind;
    /** The HTTP status when the server answered. */
    this.status = d.status != null ? d.status : undefined;
    /** The API's error code from the response body, if any. */
    this.apiCode = d.apiCode != null ? d.apiCode : undefined;
    /** The server's own message from the response body, if any. */
    this.apiMessage = d.apiMessage != null ? d.apiMessage : undefined;
    /** For argument errors: the offending field. */
    this.field = d.field != null ? d.field : undefined;
    /** For token errors: why the token was refused ('expired', 'bad_signature', ...). */
    this.reason = d.reason != null ? d.reason : undefined;
    /** HTTP method and path of the failed request. */
    this.method = d.method != null ? d.method : undefined;
    this.path = d.path != null ? d.path : undefined;
    /** Whether trying again later may succeed. */
    this.retryable = Boolean(d.retryable);
  }
}

/**
 * Declares an error class named `name` under `Base` (a named class, so stack traces and
 * `err.name` read as the official package's).
 */
function errorClass(name, Base) {
  return { [name]: class extends Base {} }[name];
}

/** An argument broke a rule; nothing was sent (official name). */
const ArgumentError = errorClass('ArgumentError', OpenTokError);
/** A token did not decode or verify. */
const InvalidTokenError = errorClass('InvalidTokenError', ArgumentError);
/** 401/403: the credentials were refused (official name). */
const AuthError = errorClass('AuthError', OpenTokError);
/** Authentication failed because the local clock is off from the server's. */
const ClockSkewError = errorClass('ClockSkewError', AuthError);
/** 404 (official name). */
const NotFoundError = errorClass('NotFoundError', OpenTokError);
/** Any other failed request (official name). */
const RequestError = errorClass('RequestError', OpenTokError);
/** 409, 413, 429, 5xx, a timeout, a failed connection, an answer that could not be understood. */
const [ConflictError, PayloadTooLargeError, RateLimitError, ServerError, TimeoutError, ConnectionError, InvalidResponseError] = [
  'ConflictError', 'PayloadTooLargeError', 'RateLimitError', 'ServerError', 'TimeoutError', 'ConnectionError',
  'InvalidResponseError',
].map((name) => errorClass(name, RequestError));
// Official names: the service's refusals of archive, captions, SIP, signal, force-disconnect and
// callback operations (kind, status and code tell which refusal).
const [ArchiveError, CaptionsError, SipError, SignalError, ForceDisconnectError, CallbackError] = [
  'ArchiveError', 'CaptionsError', 'SipError', 'SignalError', 'ForceDisconnectError', 'CallbackError',
].map((name) => errorClass(name, OpenTokError));

// The one table: each core error kind -> its class, and whether the official per-area class
// (`ArchiveError`, `SignalError`, ...) names the service's refusal of that kind (404, 409, 413,
// other 4xx); auth, timeouts, connection and server failures keep their own class everywhere.
const KINDS = {
  invalid_argument: { cls: ArgumentError, area: false },
  invalid_token: { cls: InvalidTokenError, area: false },
  authentication: { cls: AuthError, area: false },
  clock_skew: { cls: ClockSkewError, area: false },
  not_found: { cls: NotFoundError, area: true },
  request: { cls: RequestError, area: true },
  conflict: { cls: ConflictError, area: true },
  payload_too_large: { cls: PayloadTooLargeError, area: true },
  rate_limited: { cls: RateLimitError, area: false },
  server: { cls: ServerError, area: false },
  timeout: { cls: TimeoutError, area: false },
  connect: { cls: ConnectionError, area: false },
  invalid_response: { cls: InvalidResponseError, area: false },
};
const AREA_CLASSES = new Set([ArchiveError, CaptionsError, SipError, SignalError, ForceDisconnectError, CallbackError]);

function kindOf(cls) {
  for (const k of Object.keys(KINDS)) if (KINDS[k].cls === cls) return k;
  return 'request';
}

// An error of an area class still answers `instanceof` for the class of its kind: a 404
// `ArchiveError` is also a `NotFoundError`, a 413 `SignalError` a `PayloadTooLargeError` and a
// `RequestError`. Each kind class matches the kinds of itself and its subclasses.
const plainInstanceOf = Function.prototype[Symbol.hasInstance];
for (const { cls: Cls } of Object.values(KINDS)) {
  const kinds = new Set(Object.keys(KINDS).filter((k) => KINDS[k].cls === Cls || KINDS[k].cls.prototype instanceof Cls));
  Object.defineProperty(Cls, Symbol.hasInstance, {
    value(obj) {
      if (plainInstanceOf.call(this, obj)) return true;
      return this === Cls && obj != null && AREA_CLASSES.has(obj.constructor) && kinds.has(obj.kind);
    },
  });
}

/**
 * Builds the JavaScript error for a native error object; `area` (e.g. `ArchiveError`) is used for
 * the service's refusals of that area's operations.
 */
function fromNative(e, area) {
  const k = KINDS[e.errorKind];
  const Cls = k ? (area && k.area ? area : k.cls) : OpenTokError;
  return new Cls(e.message, e);
}

/** Whether a native result is an error object. */
function isNativeError(r) {
  return r !== null && typeof r === 'object' && typeof r.errorKind === 'string';
}

/** An argument of the wrong JavaScript type, named like the core's messages. */
function argumentError(field, rule, value) {
  let shown;
  try {
    shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch (_) {
    shown = typeof value;
  }
  return new ArgumentError(`invalid ${field}: ${rule} (got ${shown})`, { errorKind: 'invalid_argument', field });
}

module.exports = {
  OpenTokError,
  ArgumentError,
  InvalidTokenError,
  AuthError,
  ClockSkewError,
  NotFoundError,
  RequestError,
  ConflictError,
  PayloadTooLargeError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ConnectionError,
  InvalidResponseError,
  ArchiveError,
  CaptionsError,
  SipError,
  SignalError,
  ForceDisconnectError,
  CallbackError,
  fromNative,
  isNativeError,
  argumentError,
};
