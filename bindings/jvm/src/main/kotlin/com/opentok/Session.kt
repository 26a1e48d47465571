package com.opentok

import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.OpenTokException
import com.opentok.exception.native
import com.opentok.ffi.SessionInfo
import com.opentok.ffi.core.ArchiveResolution
import com.opentok.ffi.SessionSpec
import com.opentok.ffi.checkSessionSpec
import com.opentok.ffi.parseArchiveMode
import com.opentok.ffi.parseArchiveResolution
import com.opentok.ffi.parseMediaMode

/** How streams flow: peer to peer ([RELAYED], the default) or through the media router ([ROUTED]). */
enum class MediaMode(private val p2pPreference: String) {
    /** Clients send streams to each other directly when they can (`p2p.preference=enabled`). */
    RELAYED("enabled"),
    /** Streams go through the OpenTok Media Router (needed for archiving, e2ee, ...). */
    ROUTED("disabled");

    /** The official SDK's spelling: the `p2p.preference` value (`enabled` / `disabled`). */
    override fun toString(): String = p2pPreference

    internal val wire: String get() = name.lowercase()

    companion object {
        /** Parses `relayed`/`routed`/`enabled`/`disabled` (case-insensitive) with the core's rules. */
        @JvmStatic
        @Throws(InvalidArgumentException::class)
        fun fromString(value: String?): MediaMode = valueOf(native { parseMediaMode(required(value, "mediaMode")) }.uppercase())
    }
}

/** Whether sessions are archived automatically ([ALWAYS]) or on request ([MANUAL], the default). */
enum class ArchiveMode {
    /** Archives are started through the REST API. */
    MANUAL,
    /** Archiving starts when the session starts (needs [MediaMode.ROUTED]). */
    ALWAYS;

    override fun toString(): String = name.lowercase()

    companion object {
        /** Parses `manual`/`always` (case-insensitive) with the core's rules. */
        @JvmStatic
        @Throws(InvalidArgumentException::class)
        fun fromString(value: String?): ArchiveMode = valueOf(native { parseArchiveMode(required(value, "archiveMode")) }.uppercase())
    }
}

/** Resolution of automatic archives. */
enum class Resolution(private val dimensions: String, internal val ffi: ArchiveResolution) {
    /** 640x480. */
    SD_HORIZONTAL("640x480", ArchiveResolution.SD),
    /** 480x640. */
    SD_VERTICAL("480x640", ArchiveResolution.SD_VERTICAL),
    /** 1280x720. */
    HD_HORIZONTAL("1280x720", ArchiveResolution.HD),
    /** 720x1280. */
    HD_VERTICAL("720x1280", ArchiveResolution.HD_VERTICAL),
    /** 1920x1080. */
    FHD_HORIZONTAL("1920x1080", ArchiveResolution.FHD),
    /** 1080x1920. */
    FHD_VERTICAL("1080x1920", ArchiveResolution.FHD_VERTICAL);

    override fun toString(): String = dimensions

    companion object {
        /** Parses `1280x720` and friends with the core's rules. */
        @JvmStatic
        @Throws(InvalidArgumentException::class)
        fun fromString(value: String?): Resolution =
            entries.parsedBy(required(value, "archiveResolution"), ::parseArchiveResolution) { it.dimensions }
                ?: throw InvalidArgumentException("invalid archiveResolution: unsupported by this SDK (got \"$value\")", "archiveResolution")

        /** The core's resolution for a text such as `1280x720` (read by the core), or `null`. */
        internal fun ffiOf(text: String?): ArchiveResolution? = text?.let { fromString(it).ffi }
    }
}

/**
 * Options of a new session, built with [SessionProperties.Builder]. The rules (location is an IP
 * address, archive mode always needs routed media, e2ee needs routed media and manual archiving,
 * archive name 1–80 characters, ...) are checked by the core when the session is created.
 */
class SessionProperties private constructor(
    /** Location hint (an IP address), or `null`. */
    val location: String?,
    /** Media mode. */
    val mediaMode: MediaMode,
    /** Archive mode. */
    val archiveMode: ArchiveMode,
    /** Name of automatic archives, or `null`. */
    val archiveName: String?,
    /** Resolution of automatic archives, or `null`. */
    val archiveResolution: Resolution?,
    /** Whether end-to-end encryption is on. */
    val isEndToEndEncrypted: Boolean,
) {
    /** Builds [SessionProperties]; every setter returns the builder. */
    class Builder {
        private var location: String? = null
        private var mediaMode = MediaMode.RELAYED
        private var archiveMode = ArchiveMode.MANUAL
        private var archiveName: String? = null
        private var archiveResolution: Resolution? = null
        private var e2ee = false

        /** An IP address near which the session's servers are placed. */
        fun location(location: String?) = apply { this.location = location }

        /** Relayed (default) or routed. */
        fun mediaMode(mediaMode: MediaMode?) = apply { this.mediaMode = mediaMode ?: MediaMode.RELAYED }

        /** Manual (default) or always. */
        fun archiveMode(archiveMode: ArchiveMode?) = apply { this.archiveMode = archiveMode ?: ArchiveMode.MANUAL }

        /** Name of automatic archives (archive mode always only). */
        fun archiveName(archiveName: String?) = apply { this.archiveName = archiveName }

        /** Resolution of automatic archives (archive mode always only). */
        fun archiveResolution(resolution: Resolution?) = apply { this.archiveResolution = resolution }

        /** Turns on end-to-end encryption (routed sessions without automatic archiving). */
        fun endToEndEncryption() = apply { this.e2ee = true }

        /** Sets end-to-end encryption on or off. */
        fun endToEndEncryption(enabled: Boolean) = apply { this.e2ee = enabled }

        /**
         * The properties. As in the official SDK, an invalid combination (archive mode always or
         * e2ee without routed media, e2ee with archive mode always, an archive name or resolution
         * with manual archiving, an archive name outside 1–80 characters) throws
         * [IllegalStateException] here; the rules are the core's, and the core's
         * [InvalidArgumentException] naming the field is the cause. The location is checked when
         * the session is created.
         */
        @Throws(IllegalStateException::class)
        fun build(): SessionProperties {
            val properties = unchecked()
            val spec = properties.toSpec().copy(location = null)
            try {
                // the direct-mapped check when it can carry the spec (apps build these per call)
                if (SessionFast.available && SessionFast.carries(spec)) SessionFast.check(spec) else native { checkSessionSpec(spec) }
            } catch (e: InvalidArgumentException) {
                throw IllegalStateException(e.message, e)
            }
            return properties
        }

        /** The properties as the server answered them (not checked again). */
        internal fun unchecked() = SessionProperties(location, mediaMode, archiveMode, archiveName, archiveResolution, e2ee)
    }

    /** The media mode (official read-back). */
    fun mediaMode(): MediaMode = mediaMode

    /** The archive mode (official read-back). */
    fun archiveMode(): ArchiveMode = archiveMode

    /** The name of automatic archives, or `null` (official read-back). */
    fun archiveName(): String? = archiveName

    /** The resolution of automatic archives, or `null` (official read-back). */
    fun archiveResolution(): Resolution? = archiveResolution

    /**
     * The form parameters the official Java SDK posts for these properties: `p2p.preference` and
     * `archiveMode` always, `location`, `archiveName`, `archiveResolution` when set, `e2ee` only
     * when on. [OpenTok.createSession] sends the same fields.
     */
    fun toMap(): Map<String, List<String>> {
        val m = LinkedHashMap<String, List<String>>()
        location?.let { m["location"] = listOf(it) }
        m["p2p.preference"] = listOf(mediaMode.toString())
        m["archiveMode"] = listOf(archiveMode.toString())
        archiveResolution?.let { m["archiveResolution"] = listOf(it.toString()) }
        archiveName?.let { m["archiveName"] = listOf(it) }
        if (isEndToEndEncrypted) m["e2ee"] = listOf("true")
        return m
    }

    // As the official Java SDK sends them: media and archive mode always, e2ee only when on.
    internal fun toSpec() = SessionSpec(
        location = location,
        mediaMode = mediaMode.wire,
        archiveMode = archiveMode.toString(),
        archiveName = archiveName,
        archiveResolution = archiveResolution?.toString(),
        e2ee = if (isEndToEndEncrypted) true else null,
    )

    override fun toString(): String =
        "SessionProperties(location=$location, mediaMode=${mediaMode.name}, archiveMode=${archiveMode.name}, " +
            "archiveName=$archiveName, archiveResolution=$archiveResolution, e2ee=$isEndToEndEncrypted)"
}

/**
 * A created session. Sessions never expire; mint tokens for it with [generateToken].
 */
class Session internal constructor(private val openTok: OpenTok, info: SessionInfo) {
    /** The id clients connect to. */
    val sessionId: String = info.sessionId

    /** The api key of the project that owns it. */
    val apiKey: String = openTok.apiKey

    /** The properties the session was created with (as the server answered them). */
    val properties: SessionProperties = SessionProperties.Builder()
        .location(info.location)
        .mediaMode(MediaMode.valueOf(info.mediaMode.uppercase()))
        .archiveMode(ArchiveMode.valueOf(info.archiveMode.uppercase()))
        .archiveName(info.archiveName)
        .archiveResolution(info.archiveResolution?.let { r -> Resolution.entries.firstOrNull { it.toString() == r } })
        .endToEndEncryption(info.e2ee)
        .unchecked()

    /** The application id with Vonage application credentials, else `null` (official getter). */
    fun getApplicationId(): String? = if (apiKey.all { it.isDigit() }) null else apiKey

    /** Creation time as the server reported it, if it did. */
    val createDt: String? = info.createDt

    /** Media server URL as the server reported it, if it did. */
    val mediaServerUrl: String? = info.mediaServerUrl

    /** A publisher token valid for 24 hours. */
    @Throws(OpenTokException::class)
    fun generateToken(): String = openTok.generateToken(sessionId)

    /** A token with the given options. */
    @Throws(OpenTokException::class)
    fun generateToken(tokenOptions: TokenOptions?): String = openTok.generateToken(sessionId, tokenOptions)

    override fun toString(): String = "Session(sessionId=$sessionId, properties=$properties)"
}
