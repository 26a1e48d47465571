package com.opentok

import com.sun.jna.Library
import com.sun.jna.Native
import com.sun.jna.NativeLibrary

/**
 * The token hot path: one JNA direct-mapped call into `opentok_uniffi_token_fast` (bindings/src/token_fast.rs)
 * with C strings and primitives, the token written into a per-thread buffer. The uniffi method
 * it stands in for (`Client.generateToken(sessionId, TokenSpec)`) lowers a record into a
 * RustBuffer and reads a `RustCallStatus` and a `RustBuffer` back as JNA structures, which cost
 * about 90 µs per token on the JVM. Any error answers -1 and the caller repeats the call through
 * uniffi, which reports the error with its field; the core mints and checks either way.
 */
internal object TokenFast {
    /**
     * Whether the export could be bound (an older library without it: the uniffi path only).
     * `-Dopentok.tokenFastPath=false` turns it off (for comparing the two paths).
     */
    @JvmField
    val available: Boolean = System.getProperty("opentok.tokenFastPath") != "false" && try {
        val name = System.getProperty("uniffi.component.opentok_uniffi.libraryOverride") ?: "opentok_uniffi"
        Native.register(TokenFast::class.java, NativeLibrary.getInstance(name, mapOf(Library.OPTION_STRING_ENCODING to "UTF-8")))
        true
    } catch (e: Throwable) {
        false
    }

    external fun opentok_uniffi_token_fast(
        handle: Long, sessionId: String, role: String?, expireKind: Int, expire: Long,
        data: String?, layout: String?, legacyT1: Byte, out: ByteArray, cap: Int,
    ): Int

    external fun opentok_uniffi_token_handle_free(handle: Long)

    private val buffers = ThreadLocal.withInitial { ByteArray(1024) }

    /** The token, or `null` when the caller must take the uniffi path (an error, or options it does not carry). */
    fun mint(handle: Long, sessionId: String, o: TokenOptions): String? {
        if (!o.fast) return null
        var buf = buffers.get()
        var n = opentok_uniffi_token_fast(handle, sessionId, o.roleWire, o.expireKind, o.expireValue, o.data, o.layoutJoined, o.legacyByte, buf, buf.size)
        if (n > buf.size) {
            buf = ByteArray(Integer.highestOneBit(n) shl 1)
            buffers.set(buf)
            n = opentok_uniffi_token_fast(handle, sessionId, o.roleWire, o.expireKind, o.expireValue, o.data, o.layoutJoined, o.legacyByte, buf, buf.size)
        }
        if (n < 0) return null
        return String(buf, 0, n, Charsets.UTF_8)
    }
}
