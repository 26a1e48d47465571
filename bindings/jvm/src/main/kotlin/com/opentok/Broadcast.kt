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
    /** Maximum bitrate, if set. */
    val maxBitrate: Int? = record.maxBitrate?.toInt()
    /** Resolution, e.g. `640x480`. */
    val resolution: String? = record.resolution
    /** Whether audio is included (the core's answer: `true` when the service does not say). */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean = record.hasAudio
    /** Whether video is included (the core's answer: `true` when the service does not say). */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean = record.hasVideo
    /** Auto or manual stream mode. */
    val streamMode: Archive.StreamMode? = Archive.StreamMode.of(record.streamMode)
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
class BroadcastLayout @JvmOverloads constructor(type: Type, stylesheet: String? = null) : ArchiveLayout(type, stylesheet)

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
}

/** One RTMP destination ([RtmpProperties.Builder]). */
class RtmpProperties private constructor(internal val output: RtmpOutput) {
    /** Builds [RtmpProperties]. */
    class Builder {
        private var id: String? = null
        private var serverUrl: String = ""
        private var streamName: String = ""
        /** Your id for this output. */
        fun id(id: String) = apply { this.id = id }
        /** `rtmp://` or `rtmps://` server URL (required; the core checks it). */
        fun serverUrl(serverUrl: String) = apply { this.serverUrl = serverUrl }
        /** Stream name (key; required, the core checks it). */
        fun streamName(streamName: String) = apply { this.streamName = streamName }
        /** The destination. */
        fun build(): RtmpProperties = RtmpProperties(RtmpOutput(id, serverUrl, streamName))
    }
}

/**
 * Options of [OpenTok.startBroadcast] ([BroadcastProperties.Builder], the official names): the
 * core's [BroadcastOptions] record. The core checks outputs (HLS and/or 1–5 RTMP), maxDuration,
 * maxBitrate and layout rules.
 */
class BroadcastProperties private constructor(private val options: BroadcastOptions, private val resolution: String?) {
    /** Builds [BroadcastProperties]. */
    class Builder {
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
        fun addHlsProperties(hls: Hls) = apply { this.hls = hls }
        /** Adds an RTMP output (up to 5). */
        fun addRtmpProperties(rtmp: RtmpProperties) = apply { this.rtmp += rtmp }
        /** Layout of the broadcast. */
        fun layout(layout: ArchiveLayout) = apply { this.layout = layout }
        /** Maximum duration in seconds (60–36000). */
        fun maxDuration(maxDuration: Int) = apply { this.maxDuration = maxDuration }
        /** Maximum bitrate (100000–6000000). */
        fun maxBitrate(maxBitrate: Int) = apply { this.maxBitrate = maxBitrate }
        /** Resolution such as `1280x720` (read by the core when used). */
        fun resolution(resolution: String) = apply { this.resolution = resolution }
        /** Resolution. */
        fun resolution(resolution: Resolution) = apply { this.resolution = resolution.toString() }
        /** Auto (default) or manual stream selection. */
        fun streamMode(streamMode: Archive.StreamMode) = apply { this.streamMode = streamMode }
        /** Tag allowing several broadcasts of one session at a time. */
        fun multiBroadcastTag(tag: String) = apply { this.multiBroadcastTag = tag }
        /** Whether audio is included (default true). */
        fun hasAudio(hasAudio: Boolean) = apply { this.hasAudio = hasAudio }
        /** Whether video is included (default true). */
        fun hasVideo(hasVideo: Boolean) = apply { this.hasVideo = hasVideo }

        /** The properties (validated by the core when used). */
        fun build(): BroadcastProperties = BroadcastProperties(
            BroadcastOptions(
                outputs = BroadcastOutputs(hls?.options, rtmp.map { it.output }), layout = layout?.toFfi(),
                maxDuration = maxDuration?.unsigned("maxDuration"), maxBitrate = maxBitrate?.unsigned("maxBitrate"), resolution = null,
                streamMode = streamMode?.ffi, multiBroadcastTag = multiBroadcastTag, hasAudio = hasAudio, hasVideo = hasVideo,
            ),
            resolution,
        )
    }

    /** The core's options record (the resolution text read by the core). */
    internal fun toOptions(): BroadcastOptions = options.copy(resolution = Resolution.ffiOf(resolution))

    /** The layout set, if any (used by [OpenTok.setBroadcastLayout]). */
    internal val layout: Layout? get() = options.layout

    override fun toString(): String = "BroadcastProperties(${options.copy(resolution = null)}, resolution=$resolution)"
}
