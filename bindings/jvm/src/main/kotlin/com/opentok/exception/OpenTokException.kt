package com.opentok.exception

/**
 * Base of every error the SDK throws: unchecked, as in the official Java SDK 4.x (a
 * `RuntimeException`), so Java callers catch it where they want, not where the compiler says.
 *
 * @property kind stable kind from the core: `invalid_argument`, `invalid_token`, `request`,
 *   `authentication`, `not_found`, `conflict`, `payload_too_large`, `rate_limited`, `server`,
 *   `timeout`, `connect`, `clock_skew`, `invalid_response`.
 * @property status HTTP status when the server answered, else `null`.
 * @property code the API's error code from the response body, if any.
 * @property field for invalid arguments, the offending field (`location`, `expire_time`, ...).
 * @property isRetryable whether the same call may succeed when retried.
 */
open class OpenTokException @JvmOverloads constructor(
    message: String,
    val kind: String = "request",
    val status: Int? = null,
    val code: String? = null,
    val field: String? = null,
    val isRetryable: Boolean = false,
    cause: Throwable? = null,
) : RuntimeException(message, cause) {
    /** The official SDK's `(message, cause)` constructor. */
    constructor(message: String, cause: Throwable?) : this(message, "request", null, null, null, false, cause)
}

/** An argument broke a rule; nothing was sent. The message names the field, rule and value. */
class InvalidArgumentException @JvmOverloads constructor(
    message: String, field: String? = null, cause: Throwable? = null,
) : OpenTokException(message, "invalid_argument", null, null, field, false, cause)

/** A token failed to decode or verify (malformed, bad signature, expired, ...). */
class InvalidTokenException @JvmOverloads constructor(message: String, cause: Throwable? = null) :
    OpenTokException(message, "invalid_token", null, null, null, false, cause)

/** A request failed: the server refused it, or it never completed. */
open class RequestException @JvmOverloads constructor(
    message: String,
    kind: String = "request",
    status: Int? = null,
    code: String? = null,
    isRetryable: Boolean = false,
    cause: Throwable? = null,
) : OpenTokException(message, kind, status, code, null, isRetryable, cause) {
    /** The official SDK's `(message, cause)` constructor. */
    constructor(message: String, cause: Throwable?) : this(message, "request", null, null, false, cause)
}

/** 401 or 403: the credentials were refused. */
class AuthenticationException(message: String, status: Int?, code: String?) :
    RequestException(message, "authentication", status, code, false)

/** 404: the resource does not exist. */
class NotFoundException(message: String, status: Int?, code: String?) :
    RequestException(message, "not_found", status, code, false)

/** 409: the resource is in a conflicting state. */
class ConflictException(message: String, status: Int?, code: String?) :
    RequestException(message, "conflict", status, code, false)

/** 413: the request body is too large. */
class PayloadTooLargeException(message: String, status: Int?, code: String?) :
    RequestException(message, "payload_too_large", status, code, false)

/** 429: too many requests. */
class RateLimitedException(message: String, status: Int?, code: String?, isRetryable: Boolean) :
    RequestException(message, "rate_limited", status, code, isRetryable)

/** 5xx: the server failed. */
class ServerException(message: String, status: Int?, code: String?, isRetryable: Boolean) :
    RequestException(message, "server", status, code, isRetryable)

/** The request did not complete within the configured timeout. */
class RequestTimeoutException(message: String, isRetryable: Boolean) :
    RequestException(message, "timeout", null, null, isRetryable)

/** The connection could not be made (DNS, refused, TLS, proxy). */
class ConnectionException(message: String, isRetryable: Boolean) :
    RequestException(message, "connect", null, null, isRetryable)

/** Authentication failed because the local clock is off from the server's. */
class ClockSkewException(message: String, status: Int?, code: String?) :
    RequestException(message, "clock_skew", status, code, false)

/** The server answered with something that could not be understood. */
class InvalidResponseException(message: String, status: Int?, code: String?) :
    RequestException(message, "invalid_response", status, code, false)
