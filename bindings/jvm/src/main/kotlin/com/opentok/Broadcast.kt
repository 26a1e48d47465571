package com.opentok

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject

/** A live-streaming broadcast (HLS and/or RTMP), as the official `com.opentok.Broadcast`. */
class Broadcast internal constructor(json: JsonObject) {
    /** Broadcast id. */
    val id: String = json.str("id") ?: ""
    /** The session broadcast. */
    val sessionId: String = json.str("sessionId") ?: ""
    /** The project's api key. */
    val projectId: String? = json.str("projectId")
    /** `started`, `stopped`, ... */
    val status: String? = json.str("status")
    /** Creation time, unix milliseconds. */
    val createdAt: Long = json.long("createdAt") ?: 0
    /** Last update, unix milliseconds. */
    val updatedAt: Long = json.long("updatedAt") ?: 0
    /** Maximum duration in seconds. */
    val maxDuration: Int = json.int("maxDuration") ?: 0
    /** Maximum bitrate, if set. */
    val maxBitrate: Int? = json.int("maxBitrate")
    /** Resolution, e.g. `640x480`. */
    val resolution: String? = json.str("resolution")
    /** Whether audio is included. */
    @get:JvmName("hasAudio")
    val hasAudio: Boolean = json.bool("hasAudio") ?: true
    /** Whether video is included. */
    @get:JvmName("hasVideo")
    val hasVideo: Boolean = json.bool("hasVideo") ?: true
    /** Auto or manual stream mode. */
    val streamMode: Archive.StreamMode? = Archive.StreamMode.of(json.str("streamMode"))
    /** Streams included in manual stream mode. */
    val streams: List<IncludedStream> = json.objects("streams").map(::IncludedStream)
    /** The multi-broadcast tag. */
    val multiBroadcastTag: String? = json.str("multiBroadcastTag")
    private val urls = json.value("broadcastUrls")?.obj() ?: JsonObject()
    /** HLS playlist URL, if HLS was requested. */
    val hls: String? = urls.str("hls")
    /** HLS state (`connecting`, `live`, `ended`, ...). */
    val hlsStatus: String? = urls.str("hlsStatus")
    /** The RTMP outputs with their status. */
    val rtmpList: List<Rtmp> = urls.objects("rtmp").map(::Rtmp)

    override fun toString(): String = "Broadcast(id=$id, sessionId=$sessionId, status=$status, hls=$hls, rtmp=$rtmpList)"
}

/** One RTMP output of a [Broadcast] as the service reports it. */
class Rtmp internal constructor(json: JsonObject) {
    /** Your id for it. */
    val id: String? = json.str("id")
    /** Server URL. */
    val serverUrl: String? = json.str("serverUrl")
    /** Stream name. */
    val streamName: String? = json.str("streamName")
    /** `connecting`, `live`, `offline`, ... */
    val status: String? = json.str("status")

    override fun toString(): String = "Rtmp(id=$id, serverUrl=$serverUrl, streamName=$streamName, status=$status)"
}

/** A page of broadcasts ([OpenTok.listBroadcasts]); [getTotalCount] counts all of them. */
class BroadcastList internal constructor(items: List<Broadcast>, private val total: Int) : ArrayList<Broadcast>(items) {
    /** How many broadcasts the service holds for this query. */
    fun getTotalCount(): Int = total

    internal companion object {
        fun of(json: JsonElement): BroadcastList = json.page(::Broadcast).let { (items, total) -> BroadcastList(items, total) }
    }
}

/** The layout of a broadcast (same types and rules as [ArchiveLayout]). */
class BroadcastLayout @JvmOverloads constructor(type: Type, stylesheet: String? = null) : ArchiveLayout(type, stylesheet)

/** HLS output settings ([Hls.Builder]): DVR or low latency (not both; the core checks). */
class Hls private constructor(internal val json: JsonObject) {
    /** Builds [Hls]. */
    class Builder {
        private var dvr: Boolean? = null
        private var lowLatency: Boolean? = null
        /** Enable DVR (rewind). */
        fun dvr(dvr: Boolean) = apply { this.dvr = dvr }
        /** Enable low-latency HLS. */
        fun lowLatency(lowLatency: Boolean) = apply { this.lowLatency = lowLatency }
        /** The settings. */
        fun build(): Hls = Hls(jsonOf("dvr" to dvr, "lowLatency" to lowLatency))
    }
}

/** One RTMP destination ([RtmpProperties.Builder]). */
class RtmpProperties private constructor(internal val json: JsonObject) {
    /** Builds [RtmpProperties]. */
    class Builder {
        private var id: String? = null
        private var serverUrl: String? = null
        private var streamName: String? = null
        /** Your id for this output. */
        fun id(id: String) = apply { this.id = id }
        /** `rtmp://` or `rtmps://` server URL. */
        fun serverUrl(serverUrl: String) = apply { this.serverUrl = serverUrl }
        /** Stream name (key). */
        fun streamName(streamName: String) = apply { this.streamName = streamName }
        /** The destination. */
        fun build(): RtmpProperties = RtmpProperties(jsonOf("id" to id, "serverUrl" to serverUrl, "streamName" to streamName))
    }
}

/**
 * Options of [OpenTok.startBroadcast] ([BroadcastProperties.Builder], the official names). The
 * core checks outputs (HLS and/or 1–5 RTMP), maxDuration, maxBitrate and layout rules.
 */
class BroadcastProperties private constructor(internal val json: JsonObject) {
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
        /** Resolution such as `1280x720`. */
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
        fun build(): BroadcastProperties {
            val outputs = JsonObject()
            hls?.let { outputs.add("hls", it.json) }
            if (rtmp.isNotEmpty()) outputs.add("rtmp", JsonArray().apply { rtmp.forEach { add(it.json) } })
            return BroadcastProperties(
                jsonOf(
                    "outputs" to outputs, "layout" to layout?.toJson(), "maxDuration" to maxDuration,
                    "maxBitrate" to maxBitrate, "resolution" to resolution, "streamMode" to streamMode,
                    "multiBroadcastTag" to multiBroadcastTag, "hasAudio" to hasAudio, "hasVideo" to hasVideo,
                ),
            )
        }
    }

    /** The layout set, if any (used by [OpenTok.setBroadcastLayout]). */
    internal val layout: JsonObject? get() = json.get("layout")?.takeIf { it.isJsonObject }?.asJsonObject

    override fun toString(): String = "BroadcastProperties($json)"
}
