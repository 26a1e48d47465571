package com.opentok

import com.opentok.ffi.core.BroadcastOptions
import com.opentok.ffi.core.BroadcastOutputs
import com.opentok.ffi.core.HlsOptions
import com.opentok.ffi.core.Layout
import com.opentok.ffi.core.RtmpOutput
import com.opentok.ffi.core.RtmpStatus
import com.opentok.ffi.core.Broadcast as BroadcastRecord
import com.opentok.ffi.core.BroadcastList as BroadcastListRecord

/**
 * A live-streaming broadcast (HLS and/or RTMP), as the official `com.opentok.Broadcast`, built
 * from the core's record ([com.opentok.ffi.core.Broadcast]), which settles defaults and aliases.
 */
class Broadcast internal constructor(record: BroadcastRecord) {
    /** Whether streams are added automatically ([AUTO]) or through the API ([MANUAL]) (the official `Broadcast.StreamMode`). */
    enum class StreamMode(internal val archive: Archive.StreamMode) {
        /** Every stream of the session is included. */ AUTO(Archive.StreamMode.AUTO),
        /** Only streams added through the API are included. */ MANUAL(Archive.StreamMode.MANUAL);

        override fun toString(): String = name.lowercase()
    }

    /** Broadcast id. */
    val id: String = record.id
    /** The session broadcast. */
    val sessionId: String = record.sessionId
    /** The api key or application id, as the core reads it (`projectId`, or `partnerId` when only that was sent). */
    val projectId: String? = record.projectId
    /** The project's api key, as the core reads it (`partnerId`, or `projectId` when only that was sent). */
    val partnerId: String? = record.partnerId
    /** `started`, `stopped`, ... */
    val status: String? = record.status
    /** Creation time, unix milliseconds (0 when the service did not say). */
    val createdAt: Long = record.createdAt ?: 0
    /** Last update, unix milliseconds (0 when the service did not say). */
    val updatedAt: Long = record.updatedAt ?: 0
    /** Maximum duration in seconds (0 when the service did not say). */
    val maxDuration: Int = (record.maxDuration ?: 0).toInt()
    /** Maximum bitrate (0 when not set; an `int` as in the official SDK). */
    val maxBitrate: Int = record.maxBitrate?.toInt() ?: 0
    /** Resolution, e.g. `640x480`. */
    val resolution: String? = record.resolution
    /** Whether audio is included (the core's answer: `true` when the service does not say). */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean = record.hasAudio
    /** Whether video is included (the core's answer: `true` when the service does not say). */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean = record.hasVideo
    /** Auto or manual stream mode. */
    val streamMode: StreamMode? = enumNamed<StreamMode>(record.streamMode)
    /** Streams included in manual stream mode. */
    val streams: List<IncludedStream> = record.streams.map(::IncludedStream)
    /** The multi-broadcast tag. */
    val multiBroadcastTag: String? = record.multiBroadcastTag
    /** HLS playlist URL, if HLS was requested. */
    val hls: String? = record.broadcastUrls?.hls
    /** HLS state (`connecting`, `live`, `ended`, ...). */
    val hlsStatus: String? = record.broadcastUrls?.hlsStatus
    /** The RTMP outputs with their status. */
    val rtmpList: List<Rtmp> = record.broadcastUrls?.rtmp.orEmpty().map(::Rtmp)

    override fun toString(): String = "Broadcast(id=$id, sessionId=$sessionId, status=$status, hls=$hls, rtmp=$rtmpList)"
}

/** One RTMP output of a [Broadcast] as the service reports it. */
class Rtmp internal constructor(record: RtmpStatus) {
    /** Your id for it. */
    val id: String? = record.id
    /** Server URL. */
    val serverUrl: String? = record.serverUrl
    /** Stream name. */
    val streamName: String? = record.streamName
    /** `connecting`, `live`, `offline`, ... */
    val status: String? = record.status

    override fun toString(): String = "Rtmp(id=$id, serverUrl=$serverUrl, streamName=$streamName, status=$status)"
}

/** A page of broadcasts ([OpenTok.listBroadcasts]); [getTotalCount] counts all of them. */
class BroadcastList internal constructor(page: BroadcastListRecord) : Page<Broadcast>(page.items.map(::Broadcast), page.count)

/** The layout of a broadcast (same types and rules as [ArchiveLayout]). */
class BroadcastLayout @JvmOverloads constructor(type: Type?, stylesheet: String? = null) : ArchiveLayout(type, stylesheet) {
    /** A [Type.BESTFIT] layout with [screenshareType] for screen-sharing streams (official constructor; `null`: none). */
    constructor(screenshareType: ScreenShareLayoutType?) : this(Type.BESTFIT, null) {
        this.screenshareType = screenshareType
    }
}

/** HLS output settings ([Hls.Builder]): DVR or low latency (not both; the core checks). */
class Hls private constructor(internal val options: HlsOptions) {
    /** Builds [Hls]. */
    class Builder {
        private var dvr = false
        private var lowLatency = false
        /** Enable DVR (rewind). */
        fun dvr(dvr: Boolean) = apply { this.dvr = dvr }
        /** Enable low-latency HLS. */
        fun lowLatency(lowLatency: Boolean) = apply { this.lowLatency = lowLatency }
        /** The settings. */
        fun build(): Hls = Hls(HlsOptions(dvr, lowLatency))
    }

    /** Whether DVR is on. */
    fun dvr(): Boolean = options.dvr ?: false
    /** Whether low-latency HLS is on. */
    fun lowLatency(): Boolean = options.lowLatency ?: false
}

/** One RTMP destination ([RtmpProperties.Builder]). */
class RtmpProperties private constructor(internal val output: RtmpOutput) {
    /** Builds [RtmpProperties]. */
    class Builder {
        private var id: String? = null
        private var serverUrl: String = ""
        private var streamName: String = ""
        /** Your id for this output. */
        fun id(id: String?) = apply { this.id = id }
        /** `rtmp://` or `rtmps://` server URL (required; the core checks it). */
        fun serverUrl(serverUrl: String?) = apply { this.serverUrl = serverUrl.orEmpty() }
        /** Stream name (key; required, the core checks it). */
        fun streamName(streamName: String?) = apply { this.streamName = streamName.orEmpty() }
        /** The destination. */
        fun build(): RtmpProperties = RtmpProperties(RtmpOutput(id, serverUrl, streamName))
    }

    /** Your id for this output, or `null`. */
    fun id(): String? = output.id
    /** The server URL. */
    fun serverUrl(): String = output.serverUrl
    /** The stream name. */
    fun streamName(): String = output.streamName
}

/**
 * Options of [OpenTok.startBroadcast] ([BroadcastProperties.Builder], the official names): the
 * core's [BroadcastOptions] record. The core checks outputs (HLS and/or 1–5 RTMP), maxDuration,
 * maxBitrate and layout rules.
 */
class BroadcastProperties private constructor(
    private val options: BroadcastOptions,
    private val resolution: String?,
    private val hlsOutput: Hls?,
    private val hlsOn: Boolean,
    private val rtmpOutputs: List<RtmpProperties>,
    private val broadcastLayout: ArchiveLayout?,
) {
    /** Builds [BroadcastProperties]. */
    class Builder {
        private var hasHls = false
        private var hls: Hls? = null
        private val rtmp = mutableListOf<RtmpProperties>()
        private var layout: ArchiveLayout? = null
        private var maxDuration: Int? = null
        private var maxBitrate: Int? = null
        private var resolution: String? = null
        private var streamMode: Archive.StreamMode? = null
        private var multiBroadcastTag: String? = null
        private var hasAudio: Boolean? = null
        private var hasVideo: Boolean? = null

        /** Adds an HLS output. */
        fun addHlsProperties(hls: Hls?) = hls(hls)
        /** The HLS output with its settings, or none for `null` (official name). */
        fun hls(hls: Hls?) = apply {
            this.hls = hls
            this.hasHls = hls != null
        }
        /**
         * Adds an HLS output with the service's default settings (sent as `"hls": {}`, as the
         * official SDK does), or removes it (official).
         */
        fun hasHls(hasHls: Boolean) = apply { this.hasHls = hasHls }
        /** Adds an RTMP output (up to 5). */
        fun addRtmpProperties(rtmp: RtmpProperties?) = apply { this.rtmp += required(rtmp, "rtmp") }
        /** Layout of the broadcast. */
        fun layout(layout: BroadcastLayout?) = apply { this.layout = layout }
        /** Layout of the broadcast, from an archive layout (Kotlin; Java takes [BroadcastLayout]). */
        @JvmName("layoutOfArchiveLayout")
        fun layout(layout: ArchiveLayout?) = apply { this.layout = layout }
        /** Maximum duration in seconds (60–36000). */
        fun maxDuration(maxDuration: Int) = apply { this.maxDuration = maxDuration }
        /** Maximum bitrate (100000–6000000). */
        fun maxBitrate(maxBitrate: Int) = apply { this.maxBitrate = maxBitrate }
        /** Resolution such as `1280x720` (read by the core when used). */
        fun resolution(resolution: String?) = apply { this.resolution = resolution }
        /** Resolution. */
        @JvmName("resolutionOf")
        fun resolution(resolution: Resolution?) = apply { this.resolution = resolution?.toString() }
        /** Auto (default) or manual stream selection. */
        fun streamMode(streamMode: Broadcast.StreamMode?) = apply { this.streamMode = streamMode?.archive }
        /** Auto or manual stream selection, as the archive enum (Kotlin; Java takes [Broadcast.StreamMode]). */
        @JvmName("streamModeOfArchive")
        fun streamMode(streamMode: Archive.StreamMode?) = apply { this.streamMode = streamMode }
        /** Tag allowing several broadcasts of one session at a time. */
        fun multiBroadcastTag(tag: String?) = apply { this.multiBroadcastTag = tag }
        /** Whether audio is included (default true). */
        fun hasAudio(hasAudio: Boolean) = apply { this.hasAudio = hasAudio }
        /** Whether video is included (default true). */
        fun hasVideo(hasVideo: Boolean) = apply { this.hasVideo = hasVideo }

        /** The properties (validated by the core when used). */
        fun build(): BroadcastProperties {
            // the official builder's defaults (bestFit, 7200 s, 2000000 bps, 640x480, auto, audio
            // and video), sent as the official SDK 4.17.0 sends them (OfficialWireJavaTest), so an
            // app keeps the official defaults whatever the service's own are
            val layout = this.layout ?: BroadcastLayout(ArchiveLayout.Type.BESTFIT)
            val hlsOptions = if (hasHls) hls?.options ?: HlsOptions(null, null) else null
            return BroadcastProperties(
                BroadcastOptions(
                    outputs = BroadcastOutputs(hlsOptions, rtmp.map { it.output }), layout = layout.toFfi(),
                    maxDuration = (maxDuration ?: 7200).unsigned("maxDuration"), maxBitrate = (maxBitrate ?: 2_000_000).unsigned("maxBitrate"),
                    resolution = null, streamMode = (streamMode ?: Archive.StreamMode.AUTO).ffi, multiBroadcastTag = multiBroadcastTag,
                    hasAudio = hasAudio ?: true, hasVideo = hasVideo ?: true,
                ),
                resolution ?: "640x480", if (hasHls) hls else null, hasHls, rtmp.toList(), layout,
            )
        }
    }

    /** Whether an HLS output is set. */
    fun hasHls(): Boolean = hlsOn
    /** The HLS output's settings, or `null` (none, or [Builder.hasHls] without settings, as the official). */
    fun hls(): Hls? = hlsOutput
    /** The RTMP outputs. */
    fun rtmpList(): List<RtmpProperties> = rtmpOutputs
    /** The layout, or `null`. */
    fun layout(): BroadcastLayout? = when (val l = broadcastLayout) {
        null -> null
        is BroadcastLayout -> l
        else -> BroadcastLayout(l.type, l.stylesheet).also { it.screenshareType = l.screenshareType }
    }
    /** The maximum duration in seconds (0 when not set). */
    fun maxDuration(): Int = options.maxDuration?.toInt() ?: 0
    /** The maximum bitrate (0 when not set). */
    fun maxBitrate(): Int = options.maxBitrate?.toInt() ?: 0
    /** The resolution as set, or `null`. */
    fun resolution(): String? = resolution
    /** The stream mode, or `null` (auto). */
    fun streamMode(): Broadcast.StreamMode? = options.streamMode?.let { m -> Broadcast.StreamMode.entries.first { it.archive.ffi == m } }
    /** The multi-broadcast tag, or `null`. */
    fun getMultiBroadcastTag(): String? = options.multiBroadcastTag
    /** Whether audio is included (default true). */
    fun hasAudio(): Boolean = options.hasAudio ?: true
    /** Whether video is included (default true). */
    fun hasVideo(): Boolean = options.hasVideo ?: true

    /** The core's options record (the resolution text read by the core). */
    internal fun toOptions(): BroadcastOptions = options.copy(resolution = Resolution.ffiOf(resolution))

    /** The layout set, if any (used by [OpenTok.setBroadcastLayout]). */
    internal val layout: Layout? get() = options.layout

    override fun toString(): String = "BroadcastProperties(${options.copy(resolution = null)}, resolution=$resolution)"
}
