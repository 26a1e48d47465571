package com.opentok

import com.opentok.ffi.core.CaptionOptions
import com.opentok.ffi.core.Captions
import com.opentok.ffi.core.CaptionStatus as CaptionStatusRecord

/** Live captions started by [OpenTok.startCaptions] (the official `Caption`). */
class Caption internal constructor(record: Captions) {
    /** Captions id. */
    val captionsId: String = record.captionsId

    override fun toString(): String = "Caption(captionsId=$captionsId)"
}

/** The state of live captions ([OpenTok.getCaptions], not in the official SDK), from the core's record. */
class CaptionStatus internal constructor(record: CaptionStatusRecord) {
    /** Captions id. */
    val captionsId: String = record.captionsId
    /** The session captioned. */
    val sessionId: String? = record.sessionId
    /** The application id, as the core reads it (`applicationId`, or `projectId` when only that was sent). */
    val applicationId: String? = record.applicationId
    /** The project id, as the core reads it (`projectId`, or `applicationId` when only that was sent). */
    val projectId: String? = record.projectId
    /** `started`, `stopped`, `paused` or `failed`. */
    val status: String? = record.status
    /** Language, e.g. `en-US`. */
    val languageCode: String? = record.languageCode
    /** Captioning provider. */
    val provider: String? = record.provider
    /** Why it stopped. */
    val reason: String? = record.reason
    /** Maximum duration in seconds. */
    val maxDuration: Int? = record.maxDuration?.toInt()
    /** Creation time, unix milliseconds (0 when the service did not say). */
    val createdAt: Long = record.createdAt ?: 0
    /** Last update, unix milliseconds, if the service said. */
    val updatedAt: Long? = record.updatedAt

    override fun toString(): String = "CaptionStatus(captionsId=$captionsId, status=$status, languageCode=$languageCode)"
}

/** Options of [OpenTok.startCaptions] ([CaptionProperties.Builder]): the core's [CaptionOptions] record. */
class CaptionProperties private constructor(internal val options: CaptionOptions) {
    /** Builds [CaptionProperties]. */
    class Builder {
        private var languageCode: String? = null
        private var maxDuration: Int? = null
        private var partialCaptions: Boolean? = null
        private var statusCallbackUrl: String? = null
        /** Language `xx-XX` (default `en-US`). */
        fun languageCode(languageCode: String?) = apply { this.languageCode = languageCode }
        /** Maximum duration in seconds (300–14400). */
        fun maxDuration(maxDuration: Int) = apply { this.maxDuration = maxDuration }
        /** Send partial results. */
        fun partialCaptions(partialCaptions: Boolean) = apply { this.partialCaptions = partialCaptions }
        /** Where status changes are posted. */
        fun statusCallbackUrl(url: String?) = apply { this.statusCallbackUrl = url }
        /** The options. */
        fun build(): CaptionProperties =
            // the official builder's defaults, sent as the official SDK 4.17.0 sends them (OfficialWireJavaTest)
            CaptionProperties(CaptionOptions(languageCode ?: "en-US", (maxDuration ?: 14400).unsigned("maxDuration"), partialCaptions ?: true, statusCallbackUrl))
    }

    /** The language code (default `en-US`). */
    fun getLanguageCode(): String = options.languageCode ?: "en-US"
    /** The maximum duration in seconds (default 14400). */
    fun getMaxDuration(): Int = options.maxDuration?.toInt() ?: 14400
    /** Whether partial results are sent (default true). */
    fun partialCaptions(): Boolean = options.partialCaptions ?: true
    /** Where status changes are posted, or `null`. */
    fun getStatusCallbackUrl(): String? = options.statusCallbackUrl

    companion object {
        /** A builder, as the official `CaptionProperties.Builder()` static method. */
        @JvmStatic
        @JvmName("Builder")
        fun newBuilder(): Builder = Builder()
    }
}
