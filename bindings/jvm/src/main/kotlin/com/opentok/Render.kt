package com.opentok

import com.opentok.ffi.core.RenderOptions
import com.opentok.ffi.core.Render as RenderRecord
import com.opentok.ffi.core.RenderList as RenderListRecord

/** An Experience Composer render (the official `com.opentok.Render`), from the core's record. */
class Render internal constructor(record: RenderRecord) {
    /** Render id. */
    val id: String = record.id
    /** The session it publishes into. */
    val sessionId: String? = record.sessionId
    /** The application id, as the core reads it (`applicationId`, or `projectId` when only that was sent). */
    val applicationId: String? = record.applicationId
    /** The project id, as the core reads it (`projectId`, or `applicationId` when only that was sent). */
    val projectId: String? = record.projectId
    /** `starting`, `started`, `stopped` or `failed`. */
    val status: String? = record.status
    /** The stream it publishes once started. */
    val streamId: String? = record.streamId
    /** The page rendered. */
    val url: String? = record.url
    /** Resolution, e.g. `1280x720`. */
    val resolution: String? = record.resolution
    /** Why it stopped or failed. */
    val reason: String? = record.reason
    /** Creation time, unix milliseconds (0 when the service did not say). */
    val createdAt: Long = record.createdAt ?: 0
    /** Last update, unix milliseconds (0 when the service did not say). */
    val updatedAt: Long = record.updatedAt ?: 0

    override fun toString(): String = "Render(id=$id, sessionId=$sessionId, status=$status, streamId=$streamId)"
}

/** A page of renders ([OpenTok.listRenders]). */
class RenderList internal constructor(page: RenderListRecord) : Page<Render>(page.items.map(::Render), page.count)

/** Options of [OpenTok.startRender] ([RenderProperties.Builder]): the core's [RenderOptions] record. */
class RenderProperties private constructor(private val options: RenderOptions, private val resolution: String?) {
    /** Publisher properties of the composed stream: its [name] (1–200 characters). */
    class Properties(name: String) {
        private val streamName = name
        /** The stream's name. */
        fun name(): String = streamName
    }

    /** Resolutions of a render (the official `RenderProperties.Resolution`). */
    enum class Resolution(private val wire: String) {
        /** 640x480. */ SD_HORIZONTAL("640x480"),
        /** 480x640. */ SD_VERTICAL("480x640"),
        /** 1280x720. */ HD_HORIZONTAL("1280x720"),
        /** 720x1280. */ HD_VERTICAL("720x1280");

        override fun toString(): String = wire
    }

    /** Builds [RenderProperties]. */
    class Builder {
        private var url: String = ""
        private var maxDuration: Int? = null
        private var resolution: String? = null
        private var name: String? = null
        private var statusCallbackUrl: String? = null
        /** The page to render (http(s), 15–2048 characters; required, the core checks it). */
        fun url(url: String?) = apply { this.url = url.orEmpty() }
        /** The page to render. */
        fun url(url: java.net.URI) = apply { this.url = url.toString() }
        /** Maximum duration in seconds (60–36000). */
        fun maxDuration(maxDuration: Int) = apply { this.maxDuration = maxDuration }
        /** Resolution such as `1280x720` (read by the core when used; Java: `resolutionText`). */
        @JvmName("resolutionText")
        fun resolution(resolution: String?) = apply { this.resolution = resolution }
        /** Resolution (official). */
        fun resolution(resolution: Resolution) = apply { this.resolution = resolution.toString() }
        /** Resolution, as the session/archive enum (Kotlin; Java takes [RenderProperties.Resolution]). */
        @JvmName("resolutionOfArchive")
        fun resolution(resolution: com.opentok.Resolution) = apply { this.resolution = resolution.toString() }
        /** Name of the published stream (`properties.name`, 1–200 characters). */
        fun name(name: String?) = apply { this.name = name }
        /** Publisher properties of the composed stream (the official way to set [name]). */
        fun properties(properties: Properties) = apply { this.name = properties.name() }
        /** Where status changes are posted. */
        fun statusCallbackUrl(url: String?) = apply { this.statusCallbackUrl = url }
        /** The options. */
        fun build(): RenderProperties = RenderProperties(
            // the official builder's defaults (7200 s, 1280x720), sent as the official SDK 4.17.0 sends them
            RenderOptions(url, (maxDuration ?: 7200).unsigned("maxDuration"), resolution = null, name = name, statusCallbackUrl = statusCallbackUrl),
            resolution ?: "1280x720",
        )
    }

    /** The page rendered. */
    fun url(): java.net.URI = java.net.URI.create(options.url)
    /** The maximum duration in seconds (default 7200). */
    fun maxDuration(): Int = options.maxDuration?.toInt() ?: 7200
    /** The resolution, when it is one of [Resolution] (default 1280x720). */
    fun resolution(): Resolution? = Resolution.entries.firstOrNull { it.toString() == (resolution ?: "1280x720") }
    /** The publisher properties, or `null`. */
    fun properties(): Properties? = options.name?.let { Properties(it) }

    companion object {
        /** A builder, as the official `RenderProperties.Builder()` static method. */
        @JvmStatic
        @JvmName("Builder")
        fun newBuilder(): Builder = Builder()
    }

    /** The core's options record (the resolution text read by the core). */
    internal fun toOptions(): RenderOptions = options.copy(resolution = com.opentok.Resolution.ffiOf(resolution))
}
