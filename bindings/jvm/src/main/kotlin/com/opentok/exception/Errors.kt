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
    } catch (e: java.nio.charset.CharacterCodingException) {
        // a text argument without a UTF-8 form (a lone surrogate) in options the Kotlin layer passes on as given
        throw InvalidArgumentException("invalid argument: a text value is not valid Unicode (a lone surrogate)", null, e)
    } catch (e: IllegalStateException) {
        // uniffi's answer for a native object already freed: the client was closed (HostileJavaTest)
        throw if (e.message?.endsWith("has already been destroyed") == true) closedException(e) else e
    }

/**
 * Refuses a string holding a lone surrogate (half of a UTF-16 pair without the other half): it has
 * no UTF-8 form, so it can neither be sent nor signed as given (uniffi's conversion would throw
 * `MalformedInputException`, JNA's would put `?` in its place).
 */
internal fun checkUnicode(value: String?, field: String) {
    if (value == null) return
    var i = 0
    while (i < value.length) {
        val c = value[i]
        if (Character.isHighSurrogate(c) && i + 1 < value.length && Character.isLowSurrogate(value[i + 1])) {
            i += 2
            continue
        }
        if (Character.isSurrogate(c)) {
            throw InvalidArgumentException("invalid $field: not valid Unicode (a lone surrogate at index $i)", field)
        }
        i++
    }
}

/** A call on a closed client: an [OpenTokException] of kind `closed`, not uniffi's IllegalStateException. */
internal fun closedException(cause: Throwable?): OpenTokException =
    OpenTokException("the OpenTok client is closed", "closed", cause = cause)
