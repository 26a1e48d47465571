package com.opentok

import com.opentok.exception.native
import com.opentok.ffi.core.SipAuth
import com.opentok.ffi.core.SipCall
import com.opentok.ffi.core.SipDialOptions
import com.opentok.ffi.sipHeadersFromJson

/** A SIP call joined to a session ([OpenTok.dial]), as the official `com.opentok.Sip`. */
class Sip internal constructor(record: SipCall) {
    /** SIP call id. */
    val id: String = record.id
    /** The connection the call joined as. */
    val connectionId: String = record.connectionId
    /** The audio stream it publishes. */
    val streamId: String? = record.streamId

    override fun toString(): String = "Sip(id=$id, connectionId=$connectionId, streamId=$streamId)"
}

/**
 * Options of [OpenTok.dial] ([SipProperties.Builder], the official names): the SIP URI and the
 * core's [SipDialOptions] record. The password never appears in [toString]. The core checks the
 * URI (`sip:`/`sips:`) and header names.
 */
class SipProperties private constructor(
    internal val sipUri: String,
    private val options: SipDialOptions,
    private val headersJson: String?,
) {
    /** The SIP URI. */
    fun sipUri(): String = sipUri
    /** The caller id, or `null`. */
    fun from(): String? = options.from
    /** The custom headers as JSON, or `null`. */
    fun headersJsonStartingWithXDash(): String? = headersJson
    /** The user name, or `null`. */
    fun userName(): String? = options.auth?.username
    /** The password, or `null`. */
    fun password(): String? = options.auth?.password
    /** Whether the call is encrypted (default false). */
    fun secure(): Boolean = options.secure ?: false
    /** Whether video is included (default false). */
    fun video(): Boolean = options.video ?: false
    /** Whether the call follows force-mute (default false). */
    fun observeForceMute(): Boolean = options.observeForceMute ?: false
    /** The streams sent, or `null` for all. */
    fun streams(): Array<String>? = options.streams.takeIf { it.isNotEmpty() }?.toTypedArray()

    /** Builds [SipProperties]. */
    class Builder {
        private var sipUri: String = ""
        private var from: String? = null
        private var headers: Map<String, String> = emptyMap()
        private var headersJson: String? = null
        private var userName: String? = null
        private var password: String = ""
        private var secure: Boolean? = null
        private var video: Boolean? = null
        private var observeForceMute: Boolean? = null
        private var streams: List<String> = emptyList()

        /** `sip:` or `sips:` URI to call (required; the core checks it). */
        fun sipUri(sipUri: String?) = apply { this.sipUri = sipUri.orEmpty() }
        /** The caller (`from@example.com`). */
        fun from(from: String?) = apply { this.from = from }
        /** Custom SIP headers (names start with `X-`), as the official SDK takes them: a JSON object, read by the core. */
        fun headersJsonStartingWithXDash(headersJson: String?) = apply { this.headersJson = headersJson }
        /** Custom SIP headers (names start with `X-`). */
        fun headers(headers: Map<String, String>?) = apply { this.headers = textMap(headers, "sip.headers") }
        /** Digest auth user name. */
        fun userName(userName: String?) = apply { this.userName = userName }
        /** Digest auth password. */
        fun password(password: String?) = apply { this.password = password.orEmpty() }
        /** Encrypt media (SRTP). */
        fun secure(secure: Boolean) = apply { this.secure = secure }
        /** Include video. */
        fun video(video: Boolean) = apply { this.video = video }
        /** Let force-mute mute the call. */
        fun observeForceMute(observeForceMute: Boolean) = apply { this.observeForceMute = observeForceMute }
        /** Only these streams reach the SIP endpoint. */
        fun streams(vararg streams: String) = apply { this.streams = textList(streams.asList(), "sip.streams") }
        /** Only these streams reach the SIP endpoint. */
        @JvmName("streamsOf")
        fun streams(streams: List<String>?) = apply { this.streams = textList(streams, "sip.streams") }

        /** The options (validated by the core when used, headers JSON included). */
        fun build(): SipProperties = SipProperties(
            sipUri,
            SipDialOptions(
                from = from, headers = headers, auth = userName?.let { SipAuth(it, password) },
                // false when not set, sent as the official SDK 4.17.0 sends them (OfficialWireJavaTest)
                secure = secure ?: false, video = video ?: false, observeForceMute = observeForceMute ?: false, streams = streams,
            ),
            headersJson,
        )
    }

    /** The core's dial options (headers given as JSON text are read by the core). */
    internal fun toOptions(): SipDialOptions = headersJson?.let { options.copy(headers = native { sipHeadersFromJson(it) }) } ?: options

    override fun toString(): String = "SipProperties(sipUri=$sipUri, from=${options.from}, auth=${options.auth?.let { "<redacted>" }})"
}
