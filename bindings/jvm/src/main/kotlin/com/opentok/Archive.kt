package com.opentok

import com.google.gson.JsonElement
import com.google.gson.JsonObject

/**
 * An archive (a recording of a session), as the official Java SDK's `com.opentok.Archive`.
 * Built from the core's answer; fields the service did not send are `null` (or 0 for
 * [createdAt], [duration], [size]).
 */
class Archive internal constructor(json: JsonObject) {
    /** The state of an archive. */
    enum class Status {
        /** Recording. */ STARTED,
        /** Recording paused (no streams). */ PAUSED,
        /** Stopped; the file is being processed. */ STOPPED,
        /** The file can be downloaded from [url]. */ AVAILABLE,
        /** Uploaded to your storage target. */ UPLOADED,
        /** Deleted. */ DELETED,
        /** Older than the retention period. */ EXPIRED,
        /** Failed. */ FAILED,
        /** A status this SDK does not know. */ UNKNOWN;

        override fun toString(): String = name.lowercase()

        internal companion object {
            fun of(s: String?): Status = entries.firstOrNull { it.name.equals(s, ignoreCase = true) } ?: UNKNOWN
        }
    }

    /** One composed file ([COMPOSED], the default) or one file per stream ([INDIVIDUAL]). */
    enum class OutputMode {
        /** All streams in one file. */ COMPOSED,
        /** One file per stream (in a zip). */ INDIVIDUAL;

        override fun toString(): String = name.lowercase()

        internal companion object {
            fun of(s: String?): OutputMode? = entries.firstOrNull { it.name.equals(s, ignoreCase = true) }
        }
    }

    /** Whether streams are added automatically ([AUTO], the default) or by [OpenTok.addArchiveStream] ([MANUAL]). */
    enum class StreamMode {
        /** Every stream of the session is included. */ AUTO,
        /** Only streams added through the API are included. */ MANUAL;

        override fun toString(): String = name.lowercase()

        internal companion object {
            fun of(s: String?): StreamMode? = entries.firstOrNull { it.name.equals(s, ignoreCase = true) }
        }
    }

    /** Archive id (a UUID). */
    val id: String = json.str("id") ?: ""
    /** The session recorded. */
    val sessionId: String = json.str("sessionId") ?: ""
    /** Name given at start, if any. */
    val name: String? = json.str("name")
    /** Current state. */
    val status: Status = Status.of(json.str("status"))
    /** Creation time, unix milliseconds. */
    val createdAt: Long = json.long("createdAt") ?: 0
    /** Duration in seconds (0 until stopped). */
    val duration: Int = json.int("duration") ?: 0
    /** File size in bytes (0 until available). */
    val size: Long = json.long("size") ?: 0
    /** The project's api key (`partnerId`, or `projectId`). */
    val partnerId: String? = json.str("partnerId") ?: json.str("projectId")
    /** Download URL once available, if the service stores it. */
    val url: String? = json.str("url")
    /** Whether audio is recorded. */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean = json.bool("hasAudio") ?: true
    /** Whether video is recorded. */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean = json.bool("hasVideo") ?: true
    /** Composed or individual. */
    val outputMode: OutputMode? = OutputMode.of(json.str("outputMode"))
    /** Auto or manual stream mode. */
    val streamMode: StreamMode? = StreamMode.of(json.str("streamMode"))
    /** Resolution, e.g. `1280x720`. */
    val resolution: String? = json.str("resolution")
    /** Why it stopped or failed. */
    val reason: String? = json.str("reason")
    /** Encryption password, if the project encrypts archives. */
    val password: String? = json.str("password")
    /** The multi-archive tag. */
    val multiArchiveTag: String? = json.str("multiArchiveTag")
    /** Maximum bitrate, if set. */
    val maxBitrate: Int? = json.int("maxBitrate")
    /** Whether the archive is transcribed. */
    @get:JvmName("hasTranscription")
    val hasTranscription: Boolean = json.bool("hasTranscription") ?: false
    /** Streams included in manual stream mode. */
    val streams: List<IncludedStream> = json.objects("streams").map(::IncludedStream)

    override fun toString(): String = "Archive(id=$id, sessionId=$sessionId, status=$status, name=$name, duration=$duration, size=$size)"
}

/** A stream included in an archive or broadcast in manual stream mode. */
class IncludedStream internal constructor(json: JsonObject) {
    /** Stream id. */
    val streamId: String = json.str("streamId") ?: ""
    /** Whether its audio is included. */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean = json.bool("hasAudio") ?: true
    /** Whether its video is included. */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean = json.bool("hasVideo") ?: true

    override fun toString(): String = "IncludedStream(streamId=$streamId, hasAudio=$hasAudio, hasVideo=$hasVideo)"
}

/** A page of archives ([OpenTok.listArchives]), newest first; [totalCount] counts all of them. */
class ArchiveList internal constructor(items: List<Archive>, private val total: Int) : ArrayList<Archive>(items) {
    /** How many archives the service holds for this query (not only this page). */
    fun getTotalCount(): Int = total

    internal companion object {
        fun of(json: JsonElement): ArchiveList = json.page(::Archive).let { (items, total) -> ArchiveList(items, total) }
    }
}

/** How screen-sharing streams are laid out when the main layout is [ArchiveLayout.Type.BESTFIT]. */
enum class ScreenShareLayoutType(internal val wire: String) {
    /** Best fit. */ BESTFIT("bestFit"),
    /** Picture in picture. */ PIP("pip"),
    /** Vertical presentation. */ VERTICAL("verticalPresentation"),
    /** Horizontal presentation. */ HORIZONTAL("horizontalPresentation");

    override fun toString(): String = wire
}

/**
 * The layout of a composed archive (the official `ArchiveLayout`): a predefined [Type], or
 * [Type.CUSTOM] with a stylesheet. The core checks the rules (stylesheet only and always with
 * custom; screenshare type only with best fit).
 */
open class ArchiveLayout @JvmOverloads constructor(
    /** The layout type. */
    val type: Type,
    /** The CSS of a [Type.CUSTOM] layout. */
    val stylesheet: String? = null,
) {
    /** Layout types with their wire names. */
    enum class Type(internal val wire: String) {
        /** Best fit. */ BESTFIT("bestFit"),
        /** Custom stylesheet. */ CUSTOM("custom"),
        /** Horizontal presentation. */ HORIZONTAL("horizontalPresentation"),
        /** Picture in picture. */ PIP("pip"),
        /** Vertical presentation. */ VERTICAL("verticalPresentation");

        override fun toString(): String = wire
    }

    /** Layout of screen-sharing streams (with [Type.BESTFIT]). */
    var screenshareType: ScreenShareLayoutType? = null

    internal fun toJson(): JsonObject = jsonOf("type" to type.wire, "stylesheet" to stylesheet, "screenshareType" to screenshareType?.wire)

    override fun toString(): String = "${javaClass.simpleName}(type=$type, stylesheet=$stylesheet, screenshareType=$screenshareType)"
}

/**
 * Options of [OpenTok.startArchive], built with [ArchiveProperties.Builder] (the official
 * names). Unset values are not sent; the core validates the combination before anything goes
 * out (individual output with a layout or resolution, maxBitrate range, ...).
 */
class ArchiveProperties private constructor(internal val json: JsonObject) {
    /** Builds [ArchiveProperties]. */
    class Builder {
        private var name: String? = null
        private var hasAudio: Boolean? = null
        private var hasVideo: Boolean? = null
        private var outputMode: Archive.OutputMode? = null
        private var streamMode: Archive.StreamMode? = null
        private var resolution: String? = null
        private var layout: ArchiveLayout? = null
        private var multiArchiveTag: String? = null
        private var maxBitrate: Int? = null
        private var quantizationParameter: Int? = null
        private var hasTranscription: Boolean? = null
        private var transcriptionLanguage: String? = null
        private var transcriptionSummary: Boolean? = null

        /** The archive's name. */
        fun name(name: String) = apply { this.name = name }
        /** Whether to record audio (default true). */
        fun hasAudio(hasAudio: Boolean) = apply { this.hasAudio = hasAudio }
        /** Whether to record video (default true). */
        fun hasVideo(hasVideo: Boolean) = apply { this.hasVideo = hasVideo }
        /** Composed (default) or individual files. */
        fun outputMode(outputMode: Archive.OutputMode) = apply { this.outputMode = outputMode }
        /** Auto (default) or manual stream selection. */
        fun streamMode(streamMode: Archive.StreamMode) = apply { this.streamMode = streamMode }
        /** Resolution such as `1280x720` (composed archives only). */
        fun resolution(resolution: String) = apply { this.resolution = resolution }
        /** Resolution (composed archives only). */
        fun resolution(resolution: Resolution) = apply { this.resolution = resolution.toString() }
        /** Layout of a composed archive. */
        fun layout(layout: ArchiveLayout) = apply { this.layout = layout }
        /** Tag allowing several archives of one session at a time. */
        fun multiArchiveTag(tag: String) = apply { this.multiArchiveTag = tag }
        /** Maximum bitrate, 100000 to 6000000 bits per second. */
        fun maxBitrate(maxBitrate: Int) = apply { this.maxBitrate = maxBitrate }
        /** Quantization parameter, 15 to 40 (not with [maxBitrate]). */
        fun quantizationParameter(qp: Int) = apply { this.quantizationParameter = qp }
        /** Whether to transcribe the archive. */
        fun hasTranscription(hasTranscription: Boolean) = apply { this.hasTranscription = hasTranscription }
        /** Transcription settings (with [hasTranscription]): language `xx-XX`, and whether to summarize. */
        @JvmOverloads
        fun transcriptionProperties(primaryLanguageCode: String, hasSummary: Boolean? = null) = apply {
            transcriptionLanguage = primaryLanguageCode
            transcriptionSummary = hasSummary
        }

        /** The properties (validated by the core when used). */
        fun build(): ArchiveProperties = ArchiveProperties(
            jsonOf(
                "name" to name, "hasAudio" to hasAudio, "hasVideo" to hasVideo, "outputMode" to outputMode,
                "streamMode" to streamMode, "resolution" to resolution, "layout" to layout?.toJson(),
                "multiArchiveTag" to multiArchiveTag, "maxBitrate" to maxBitrate,
                "quantizationParameter" to quantizationParameter, "hasTranscription" to hasTranscription,
                "transcriptionProperties" to transcriptionLanguage?.let {
                    jsonOf("primaryLanguageCode" to it, "hasSummary" to transcriptionSummary)
                },
            ),
        )
    }

    /** The layout set, if any (used by [OpenTok.setArchiveLayout]). */
    internal val layout: JsonObject? get() = json.get("layout")?.takeIf { it.isJsonObject }?.asJsonObject

    override fun toString(): String = "ArchiveProperties($json)"
}
