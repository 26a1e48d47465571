package com.opentok

import com.opentok.exception.OpenTokException
import com.opentok.exception.checkUnicode
import com.opentok.exception.native
import com.opentok.ffi.SessionInfo
import com.opentok.ffi.SessionSpec
import com.opentok.ffi.takeFastError
import com.sun.jna.Native

/**
 * The blocking `createSession` hot path: one JNA direct-mapped call into
 * `opentok_uniffi_create_session_fast` (bindings/src/session_fast.rs) with C strings, the answer
 * written into a per-thread buffer. The uniffi method it stands in for
 * (`Client.createSessionBlocking(SessionSpec)`) passes and returns records through JNA
 * `Structure`s, whose allocations and registry dominate under sustained load (README, "Speed").
 * The core checks, sends, retries and parses as before; the request is sent once, and an error
 * is raised through uniffi (`takeFastError`), as the same typed exception as the uniffi path.
 * `-Dopentok.sessionFastPath=false` turns it off.
 */
internal object SessionFast {
    /** Whether the export could be bound (needs the token fast path's handle too). */
    @JvmField
    val available: Boolean = TokenFast.available && System.getProperty("opentok.sessionFastPath") != "false" && try {
        // one copy of the library: the instance uniffi registered (see TokenFast)
        val name = System.getProperty("uniffi.component.opentok_uniffi.libraryOverride") ?: "opentok_uniffi"
        ensureUniffiLoaded()
        Native.register(SessionFast::class.java, name)
        true
    } catch (e: Throwable) {
        false
    }

    external fun opentok_uniffi_create_session_fast(
        handle: Long, location: ByteArray?, mediaMode: ByteArray?, archiveMode: ByteArray?, archiveName: ByteArray?,
        archiveResolution: ByteArray?, e2ee: Byte, out: ByteArray, cap: Int,
    ): Int

    external fun opentok_uniffi_fast_take_output(out: ByteArray, cap: Int): Int

    external fun opentok_uniffi_check_session_fast(
        location: ByteArray?, mediaMode: ByteArray?, archiveMode: ByteArray?, archiveName: ByteArray?,
        archiveResolution: ByteArray?, e2ee: Byte,
    ): Int

    private val buffers = ThreadLocal.withInitial { ByteArray(512) }

    /** Whether [spec] can cross as C strings unchanged (a NUL would end one early). */
    fun carries(spec: SessionSpec): Boolean =
        listOf(spec.location, spec.mediaMode, spec.archiveMode, spec.archiveName, spec.archiveResolution)
            .all { it == null || it.indexOf('\u0000') < 0 }

    /**
     * Checks [spec] with the core's rules, sending nothing (`checkSessionSpec` without a uniffi
     * call): returns when valid, else throws the same typed exception. [spec] must be [carries].
     */
    fun check(spec: SessionSpec) {
        checkUnicode(spec.location, "location")
        checkUnicode(spec.archiveName, "archive_name")
        val e2ee: Byte = if (spec.e2ee == true) 1 else 0
        val rc = opentok_uniffi_check_session_fast(
            cString(spec.location), cString(spec.mediaMode), cString(spec.archiveMode), cString(spec.archiveName),
            cString(spec.archiveResolution), e2ee,
        )
        if (rc != 0) {
            native { takeFastError() }
            throw OpenTokException("SessionProperties: the native check failed without an error ($rc)", "internal")
        }
    }

    /** Creates the session (blocking) with the handle of `Client.tokenHandle()`. */
    fun create(handle: Long, spec: SessionSpec): SessionInfo {
        val buf = buffers.get()
        val e2ee: Byte = if (spec.e2ee == true) 1 else 0
        val n = opentok_uniffi_create_session_fast(
            handle, cString(spec.location), cString(spec.mediaMode), cString(spec.archiveMode), cString(spec.archiveName),
            cString(spec.archiveResolution), e2ee, buf, buf.size,
        )
        if (n < 0) {
            native { takeFastError() }
            throw OpenTokException("createSession: the native call failed without an error ($n)", "internal")
        }
        val text = if (n <= buf.size) {
            String(buf, 0, n, Charsets.UTF_8)
        } else {
            val big = ByteArray(n)
            val m = opentok_uniffi_fast_take_output(big, n)
            if (m != n) throw OpenTokException("createSession: the native answer was lost ($m of $n bytes)", "internal")
            String(big, 0, n, Charsets.UTF_8)
        }
        return decode(text)
    }

    /** The fields of `session_fast.rs`'s `encode`: joined by U+001F, an absent one as U+001E. */
    private fun decode(text: String): SessionInfo {
        val f = text.split('\u001f')
        if (f.size != 10) throw OpenTokException("createSession: the native answer has ${f.size} fields, not 10", "internal")
        fun opt(i: Int): String? = f[i].takeIf { it != "\u001e" }
        return SessionInfo(
            sessionId = f[0], mediaMode = f[1], archiveMode = f[2], location = opt(3), e2ee = f[4] == "1",
            archiveName = opt(5), archiveResolution = opt(6), projectId = opt(7), createDt = opt(8), mediaServerUrl = opt(9),
        )
    }
}
