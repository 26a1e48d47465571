package com.opentok

import com.sun.jna.Native

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
        // The same name and options as uniffi's own Native.register: JNA hands out the library
        // instance uniffi loaded. Other options would load a second copy (extracted from the jar
        // again), whose statics and thread-locals (the tokio runtime of a blocking call) are not
        // the first copy's. Strings cross as UTF-8 bytes (cString), whatever JNA's encoding.
        ensureUniffiLoaded()
        Native.register(TokenFast::class.java, name)
        true
    } catch (e: Throwable) {
        false
    }

    external fun opentok_uniffi_token_fast(
        handle: Long, sessionId: ByteArray, role: ByteArray?, expireKind: Int, expire: Long,
        data: ByteArray?, layout: ByteArray?, legacyT1: Byte, out: ByteArray, cap: Int,
    ): Int

    external fun opentok_uniffi_token_handle_free(handle: Long)

    private val buffers = ThreadLocal.withInitial { ByteArray(1024) }

    /** The token, or `null` when the caller must take the uniffi path (an error, or options it does not carry). */
    fun mint(handle: Long, sessionId: String, o: TokenOptions): String? {
        if (!o.fast) return null
        var buf = buffers.get()
        val id = cString(sessionId)!!
        val role = cString(o.roleWire)
        val data = cString(o.data)
        val layout = cString(o.layoutJoined)
        var n = opentok_uniffi_token_fast(handle, id, role, o.expireKind, o.expireValue, data, layout, o.legacyByte, buf, buf.size)
        if (n > buf.size) {
            buf = ByteArray(Integer.highestOneBit(n) shl 1)
            buffers.set(buf)
            n = opentok_uniffi_token_fast(handle, id, role, o.expireKind, o.expireValue, data, layout, o.legacyByte, buf, buf.size)
        }
        if (n < 0) return null
        return String(buf, 0, n, Charsets.UTF_8)
    }
}

/** [s] as a NUL-terminated UTF-8 C string for the direct-mapped exports (`null` stays `null`). */
internal fun cString(s: String?): ByteArray? {
    if (s == null) return null
    val b = s.toByteArray(Charsets.UTF_8)
    return b.copyOf(b.size + 1)
}

/** Loads the library through uniffi first, so a direct-mapped `Native.register` finds its instance. */
internal fun ensureUniffiLoaded() {
    com.opentok.ffi.UniffiLib.ensureInitialized()
}
