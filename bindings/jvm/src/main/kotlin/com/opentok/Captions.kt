package com.opentok

import com.google.gson.JsonObject

/** Live captions started by [OpenTok.startCaptions] (the official `Caption`). */
class Caption internal constructor(json: JsonObject) {
    /** Captions id. */
    val captionsId: String = json.str("captionsId") ?: ""

    override fun toString(): String = "Caption(captionsId=$captionsId)"
}

/** The state of live captions ([OpenTok.getCaptions], not in the official SDK). */
class CaptionStatus internal constructor(json: JsonObject) {
    /** Captions id. */
    val captionsId: String = json.str("captionsId") ?: ""
    /** The session captioned. */
    val sessionId: String? = json.str("sessionId")
    /** `started`, `stopped`, `paused` or `failed`. */
    val status: String? = json.str("status")
    /** Language, e.g. `en-US`. */
    val languageCode: String? = json.str("languageCode")
    /** Captioning provider. */
    val provider: String? = json.str("provider")
    /** Why it stopped. */
    val reason: String? = json.str("reason")
    /** Maximum duration in seconds. */
    val maxDuration: Int? = json.int("maxDuration")
    /** Creation time, unix milliseconds. */
    val createdAt: Long = json.long("createdAt") ?: 0

    override fun toString(): String = "CaptionStatus(captionsId=$captionsId, status=$status, languageCode=$languageCode)"
}

/** Options of [OpenTok.startCaptions] ([CaptionProperties.Builder]). */
class CaptionProperties private constructor(internal val json: JsonObject) {
    /** Builds [CaptionProperties]. */
    class Builder {
        private var languageCode: String? = null
        private var maxDuration: Int? = null
        private var partialCaptions: Boolean? = null
        private var statusCallbackUrl: String? = null
        /** Language `xx-XX` (default `en-US`). */
        fun languageCode(languageCode: String) = apply { this.languageCode = languageCode }
        /** Maximum duration in seconds (300–14400). */
        fun maxDuration(maxDuration: Int) = apply { this.maxDuration = maxDuration }
        /** Send partial results. */
        fun partialCaptions(partialCaptions: Boolean) = apply { this.partialCaptions = partialCaptions }
        /** Where status changes are posted. */
        fun statusCallbackUrl(url: String) = apply { this.statusCallbackUrl = url }
        /** The options. */
        fun build(): CaptionProperties = CaptionProperties(
            jsonOf("languageCode" to languageCode, "maxDuration" to maxDuration, "partialCaptions" to partialCaptions, "statusCallbackUrl" to statusCallbackUrl),
        )
    }
}
