package com.opentok

import com.opentok.ffi.core.ArchiveOptions
import com.opentok.ffi.core.ArchiveTranscription
import com.opentok.ffi.core.Layout
import com.opentok.ffi.core.LayoutType
import com.opentok.ffi.core.TranscriptionProperties
import com.opentok.ffi.core.Archive as ArchiveRecord
import com.opentok.ffi.core.ArchiveList as ArchiveListRecord
import com.opentok.ffi.core.IncludedStream as IncludedStreamRecord
import com.opentok.ffi.core.OutputMode as CoreOutputMode
import com.opentok.ffi.core.StreamMode as CoreStreamMode

/**
 * An archive (a recording of a session), as the official Java SDK's `com.opentok.Archive`.
 * Built from the core's record ([com.opentok.ffi.core.Archive]), which settles defaults and
 * aliases; fields the service did not send are `null` (or 0 for [createdAt], [duration], [size]).
 */
class Archive internal constructor(record: ArchiveRecord) {
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
    }

    /** One composed file ([COMPOSED], the default) or one file per stream ([INDIVIDUAL]). */
    enum class OutputMode(internal val ffi: CoreOutputMode) {
        /** All streams in one file. */ COMPOSED(CoreOutputMode.COMPOSED),
        /** One file per stream (in a zip). */ INDIVIDUAL(CoreOutputMode.INDIVIDUAL);

        override fun toString(): String = name.lowercase()
    }

    /** Whether streams are added automatically ([AUTO], the default) or by [OpenTok.addArchiveStream] ([MANUAL]). */
    enum class StreamMode(internal val ffi: CoreStreamMode) {
        /** Every stream of the session is included. */ AUTO(CoreStreamMode.AUTO),
        /** Only streams added through the API are included. */ MANUAL(CoreStreamMode.MANUAL);

        override fun toString(): String = name.lowercase()
    }

    /** Archive id (a UUID). */
    val id: String = record.id
    /** The session recorded. */
    val sessionId: String = record.sessionId
    /** Name given at start, if any. */
    val name: String? = record.name
    /** Current state. */
    val status: Status = Status.valueOf(record.status.name)
    /** Creation time, unix milliseconds (0 when the service did not say). */
    val createdAt: Long = record.createdAt ?: 0
    /** Last update, unix milliseconds, if the service said. */
    val updatedAt: Long? = record.updatedAt
    /** Duration in seconds (0 until stopped). */
    val duration: Int = (record.duration ?: 0).toInt()
    /** File size in bytes (0 until available). */
    val size: Long = record.size ?: 0
    /** The project's api key, as the core reads it (`partnerId`, or `projectId` when only that was sent). */
    val partnerId: String? = record.partnerId
    /** The api key or application id, as the core reads it (`projectId`, or `partnerId` when only that was sent). */
    val projectId: String? = record.projectId
    /** Download URL once available, if the service stores it. */
    val url: String? = record.url
    /** Whether audio is recorded (the core's answer: `true` when the service does not say). */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean = record.hasAudio
    /** Whether video is recorded (the core's answer: `true` when the service does not say). */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean = record.hasVideo
    /** Composed or individual. */
    val outputMode: OutputMode? = enumNamed<OutputMode>(record.outputMode)
    /** Auto or manual stream mode. */
    val streamMode: StreamMode? = enumNamed<StreamMode>(record.streamMode)
    /** Resolution, e.g. `1280x720`. */
    val resolution: String? = record.resolution
    /** Why it stopped or failed. */
    val reason: String? = record.reason
    /** Encryption password, if the project encrypts archives. */
    val password: String? = record.password
    /** The multi-archive tag. */
    val multiArchiveTag: String? = record.multiArchiveTag
    /** Maximum bitrate (0 when not set; an `int` as in the official SDK). */
    val maxBitrate: Int = record.maxBitrate?.toInt() ?: 0
    /** Quantization parameter (0 when not set; an `int` as in the official SDK). */
    val quantizationParameter: Int = record.quantizationParameter?.toInt() ?: 0
    /** Whether the archive is transcribed (`false` when the service does not say). */
    @get:JvmName("hasTranscription")
    val hasTranscription: Boolean = record.hasTranscription ?: false
    /** The transcription's state and file, when transcribed (the core's record). */
    val transcription: ArchiveTranscription? = record.transcription
    /** Streams included in manual stream mode. */
    val streams: List<IncludedStream> = record.streams.map(::IncludedStream)

    override fun toString(): String = "Archive(id=$id, sessionId=$sessionId, status=$status, name=$name, duration=$duration, size=$size)"
}

/** A stream included in an archive or broadcast in manual stream mode. */
class IncludedStream internal constructor(record: IncludedStreamRecord) {
    /** Stream id. */
    val streamId: String = record.streamId
    /** Whether its audio is included, as the service said (`null` when it did not). */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean? = record.hasAudio
    /** Whether its video is included, as the service said (`null` when it did not). */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean? = record.hasVideo

    override fun toString(): String = "IncludedStream(streamId=$streamId, hasAudio=$hasAudio, hasVideo=$hasVideo)"
}

/** A page of archives ([OpenTok.listArchives]), newest first; [getTotalCount] counts all of them. */
class ArchiveList internal constructor(page: ArchiveListRecord) : Page<Archive>(page.items.map(::Archive), page.count)

/** How screen-sharing streams are laid out when the main layout is [ArchiveLayout.Type.BESTFIT]. */
enum class ScreenShareLayoutType(internal val ffi: LayoutType, private val wire: String) {
    /** Best fit. */ BESTFIT(LayoutType.BEST_FIT, "bestFit"),
    /** Picture in picture. */ PIP(LayoutType.PIP, "pip"),
    /** Vertical presentation. */ VERTICAL(LayoutType.VERTICAL_PRESENTATION, "verticalPresentation"),
    /** Horizontal presentation. */ HORIZONTAL(LayoutType.HORIZONTAL_PRESENTATION, "horizontalPresentation");

    override fun toString(): String = wire
}

/**
 * The layout of a composed archive (the official `ArchiveLayout`): a predefined [Type], or
 * [Type.CUSTOM] with a stylesheet. The core checks the rules (stylesheet only and always with
 * custom; screenshare type only with best fit).
 */
open class ArchiveLayout @JvmOverloads constructor(
    type: Type?,
    /** The CSS of a [Type.CUSTOM] layout. */
    var stylesheet: String? = null,
) {
    /** The layout type (a `null` one is refused with an InvalidArgumentException naming `layout.type`). */
    var type: Type = required(type, "layout.type")

    /** A [Type.BESTFIT] layout with [screenshareType] for screen-sharing streams (official constructor; `null`: none). */
    constructor(screenshareType: ScreenShareLayoutType?) : this(Type.BESTFIT, null) {
        this.screenshareType = screenshareType
    }

    /** Layout types, shown with their API names. */
    enum class Type(internal val ffi: LayoutType, private val wire: String) {
        /** Best fit. */ BESTFIT(LayoutType.BEST_FIT, "bestFit"),
        /** Custom stylesheet. */ CUSTOM(LayoutType.CUSTOM, "custom"),
        /** Horizontal presentation. */ HORIZONTAL(LayoutType.HORIZONTAL_PRESENTATION, "horizontalPresentation"),
        /** Picture in picture. */ PIP(LayoutType.PIP, "pip"),
        /** Vertical presentation. */ VERTICAL(LayoutType.VERTICAL_PRESENTATION, "verticalPresentation");

        override fun toString(): String = wire
    }

    /** Layout of screen-sharing streams (with [Type.BESTFIT]). */
    var screenshareType: ScreenShareLayoutType? = null

    /** The core's layout record. */
    internal fun toFfi(): Layout = Layout(type.ffi, stylesheet, screenshareType?.ffi)

    override fun toString(): String = "${javaClass.simpleName}(type=$type, stylesheet=$stylesheet, screenshareType=$screenshareType)"
}

/**
 * Options of [OpenTok.startArchive], built with [ArchiveProperties.Builder] (the official
 * names): the core's [ArchiveOptions] record. Unset values are not sent; the core validates the
 * combination before anything goes out (individual output with a layout or resolution,
 * maxBitrate range, ...).
 */
class ArchiveProperties private constructor(
    private val options: ArchiveOptions,
    private val resolution: String?,
    private val archiveLayout: ArchiveLayout?,
) {
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
        private var transcription: TranscriptionProperties? = null

        /** The archive's name. */
        fun name(name: String?) = apply { this.name = name }
        /** Whether to record audio (default true). */
        fun hasAudio(hasAudio: Boolean) = apply { this.hasAudio = hasAudio }
        /** Whether to record video (default true). */
        fun hasVideo(hasVideo: Boolean) = apply { this.hasVideo = hasVideo }
        /** Composed (default) or individual files. */
        fun outputMode(outputMode: Archive.OutputMode?) = apply { this.outputMode = outputMode }
        /** Auto (default) or manual stream selection. */
        fun streamMode(streamMode: Archive.StreamMode?) = apply { this.streamMode = streamMode }
        /** Resolution such as `1280x720` (composed archives only; read by the core when used). */
        fun resolution(resolution: String?) = apply { this.resolution = resolution }
        /** Resolution (composed archives only). */
        @JvmName("resolutionOf")
        fun resolution(resolution: Resolution?) = apply { this.resolution = resolution?.toString() }
        /** Layout of a composed archive. */
        fun layout(layout: ArchiveLayout?) = apply { this.layout = layout }
        /** Tag allowing several archives of one session at a time. */
        fun multiArchiveTag(tag: String?) = apply { this.multiArchiveTag = tag }
        /** Maximum bitrate, 100000 to 6000000 bits per second. */
        fun maxBitrate(maxBitrate: Int) = apply { this.maxBitrate = maxBitrate }
        /** Quantization parameter, 15 to 40 (not with [maxBitrate]). */
        fun quantizationParameter(qp: Int) = apply { this.quantizationParameter = qp }
        /** Whether to transcribe the archive. */
        fun hasTranscription(hasTranscription: Boolean) = apply { this.hasTranscription = hasTranscription }
        /** Transcription settings (with [hasTranscription]): language `xx-XX`, and whether to summarize. */
        @JvmOverloads
        fun transcriptionProperties(primaryLanguageCode: String, hasSummary: Boolean? = null) = apply {
            transcription = TranscriptionProperties(primaryLanguageCode, hasSummary)
        }

        /** The properties (validated by the core when used). */
        fun build(): ArchiveProperties = ArchiveProperties(
            ArchiveOptions(
                // the official builder's defaults, sent as the official SDK 4.17.0 sends them (OfficialWireJavaTest)
                name = name, hasAudio = hasAudio ?: true, hasVideo = hasVideo ?: true,
                outputMode = (outputMode ?: Archive.OutputMode.COMPOSED).ffi, resolution = null,
                streamMode = (streamMode ?: Archive.StreamMode.AUTO).ffi, layout = layout?.toFfi(), multiArchiveTag = multiArchiveTag,
                maxBitrate = maxBitrate?.unsigned("maxBitrate"), quantizationParameter = quantizationParameter?.unsigned("quantizationParameter"),
                hasTranscription = hasTranscription, transcriptionProperties = transcription,
            ),
            resolution,
            layout,
        )
    }

    /** The archive's name, or `null`. */
    fun name(): String? = options.name
    /** Whether audio is recorded (default true). */
    fun hasAudio(): Boolean = options.hasAudio ?: true
    /** Whether video is recorded (default true). */
    fun hasVideo(): Boolean = options.hasVideo ?: true
    /** The output mode, or `null` (composed). */
    fun outputMode(): Archive.OutputMode? = options.outputMode?.let { m -> Archive.OutputMode.entries.first { it.ffi == m } }
    /** The stream mode, or `null` (auto). */
    fun streamMode(): Archive.StreamMode? = options.streamMode?.let { m -> Archive.StreamMode.entries.first { it.ffi == m } }
    /** The resolution as set, or `null`. */
    fun resolution(): String? = resolution
    /** The layout, or `null`. */
    fun layout(): ArchiveLayout? = archiveLayout
    /** The multi-archive tag, or `null`. */
    fun getMultiArchiveTag(): String? = options.multiArchiveTag
    /** The maximum bitrate, or `null`. */
    fun maxBitrate(): Int? = options.maxBitrate?.toInt()
    /** The quantization parameter, or `null`. */
    fun quantizationParameter(): Int? = options.quantizationParameter?.toInt()

    /** The properties as the official SDK's form map (`name`, `hasAudio`, `outputMode`, ...; set values only). */
    fun toMap(): Map<String, Collection<String>> {
        val m = LinkedHashMap<String, Collection<String>>()
        options.name?.let { m["name"] = listOf(it) }
        m["hasVideo"] = listOf(hasVideo().toString())
        m["hasAudio"] = listOf(hasAudio().toString())
        outputMode()?.let { m["outputMode"] = listOf(it.toString()) }
        streamMode()?.let { m["streamMode"] = listOf(it.toString()) }
        resolution?.let { m["resolution"] = listOf(it) }
        archiveLayout?.let { l ->
            m["layout"] = listOfNotNull(l.type.toString(), l.stylesheet, l.screenshareType?.toString())
        }
        options.multiArchiveTag?.let { m["multiArchiveTag"] = listOf(it) }
        options.maxBitrate?.let { m["maxBitrate"] = listOf(it.toString()) }
        options.quantizationParameter?.let { m["quantizationParameter"] = listOf(it.toString()) }
        return m
    }

    /** The core's options record (the resolution text read by the core). */
    internal fun toOptions(): ArchiveOptions = options.copy(resolution = Resolution.ffiOf(resolution))

    /** The layout set, if any (used by [OpenTok.setArchiveLayout]). */
    internal val layout: Layout? get() = options.layout

    override fun toString(): String = "ArchiveProperties(${options.copy(resolution = null)}, resolution=$resolution)"
}
