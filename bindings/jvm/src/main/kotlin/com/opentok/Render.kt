package com.opentok

import com.google.gson.JsonElement
import com.google.gson.JsonObject

/** An Experience Composer render (the official `com.opentok.Render`). */
class Render internal constructor(json: JsonObject) {
    /** Render id. */
    val id: String = json.str("id") ?: ""
    /** The session it publishes into. */
    val sessionId: String? = json.str("sessionId")
    /** The project / application. */
    val applicationId: String? = json.str("applicationId") ?: json.str("projectId")
    /** `starting`, `started`, `stopped` or `failed`. */
    val status: String? = json.str("status")
    /** The stream it publishes once started. */
    val streamId: String? = json.str("streamId")
    /** The page rendered. */
    val url: String? = json.str("url")
    /** Resolution, e.g. `1280x720`. */
    val resolution: String? = json.str("resolution")
    /** Why it stopped or failed. */
    val reason: String? = json.str("reason")
    /** Creation time, unix milliseconds. */
    val createdAt: Long = json.long("createdAt") ?: 0
    /** Last update, unix milliseconds. */
    val updatedAt: Long = json.long("updatedAt") ?: 0

    override fun toString(): String = "Render(id=$id, sessionId=$sessionId, status=$status, streamId=$streamId)"
}

/** A page of renders ([OpenTok.listRenders]). */
class RenderList internal constructor(items: List<Render>, private val total: Int) : ArrayList<Render>(items) {
    /** How many renders the service holds. */
    fun getTotalCount(): Int = total

    internal companion object {
        fun of(json: JsonElement): RenderList = json.page(::Render).let { (items, total) -> RenderList(items, total) }
    }
}

/** Options of [OpenTok.startRender] ([RenderProperties.Builder]). */
class RenderProperties private constructor(internal val json: JsonObject) {
    /** Publisher properties of the composed stream: its [name] (1–200 characters). */
    class Properties(val name: String)

    /** Builds [RenderProperties]. */
    class Builder {
        private var url: String? = null
        private var maxDuration: Int? = null
        private var resolution: String? = null
        private var name: String? = null
        private var statusCallbackUrl: String? = null
        /** The page to render (http(s), 15–2048 characters). */
        fun url(url: String) = apply { this.url = url }
        /** The page to render. */
        fun url(url: java.net.URI) = apply { this.url = url.toString() }
        /** Maximum duration in seconds (60–36000). */
        fun maxDuration(maxDuration: Int) = apply { this.maxDuration = maxDuration }
        /** Resolution such as `1280x720`. */
        fun resolution(resolution: String) = apply { this.resolution = resolution }
        /** Resolution. */
        fun resolution(resolution: Resolution) = apply { this.resolution = resolution.toString() }
        /** Name of the published stream (`properties.name`, 1–200 characters). */
        fun name(name: String) = apply { this.name = name }
        /** Publisher properties of the composed stream (the official way to set [name]). */
        fun properties(properties: Properties) = apply { this.name = properties.name }
        /** Where status changes are posted. */
        fun statusCallbackUrl(url: String) = apply { this.statusCallbackUrl = url }
        /** The options. */
        fun build(): RenderProperties = RenderProperties(
            jsonOf("url" to url, "maxDuration" to maxDuration, "resolution" to resolution, "name" to name, "statusCallbackUrl" to statusCallbackUrl),
        )
    }
}
