package com.opentok.exception

import com.opentok.ffi.InternalException
import com.opentok.ffi.NativeException

/** Maps the native error enum onto the [OpenTokException] hierarchy (no rules, only names). */
internal fun NativeException.toOpenTokException(): OpenTokException = when (this) {
    is NativeException.InvalidArgument -> InvalidArgumentException(text, field, this)
    is NativeException.InvalidToken -> InvalidTokenException(text, this)
    is NativeException.Request -> RequestException(text, kind, status?.toInt(), code, retryable, this)
    is NativeException.Authentication -> AuthenticationException(text, status?.toInt(), code)
    is NativeException.NotFound -> NotFoundException(text, status?.toInt(), code)
    is NativeException.Conflict -> ConflictException(text, status?.toInt(), code)
    is NativeException.PayloadTooLarge -> PayloadTooLargeException(text, status?.toInt(), code)
    is NativeException.RateLimited -> RateLimitedException(text, status?.toInt(), code, retryable)
    is NativeException.Server -> ServerException(text, status?.toInt(), code, retryable)
    is NativeException.Timeout -> RequestTimeoutException(text, retryable)
    is NativeException.Connect -> ConnectionException(text, retryable)
    is NativeException.ClockSkew -> ClockSkewException(text, status?.toInt(), code)
    is NativeException.InvalidResponse -> InvalidResponseException(text, status?.toInt(), code)
}

/** Runs a native call, rethrowing its errors as [OpenTokException]s. */
internal inline fun <T> native(block: () -> T): T =
    try {
        block()
    } catch (e: NativeException) {
        throw e.toOpenTokException()
    } catch (e: InternalException) {
        throw OpenTokException("internal error in the native library: ${e.message}", "internal", cause = e)
    }
