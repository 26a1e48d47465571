package com.opentok

import com.google.gson.JsonObject
import com.google.gson.JsonParser

/** A SIP call joined to a session ([OpenTok.dial]), as the official `com.opentok.Sip`. */
class Sip internal constructor(json: JsonObject) {
    /** SIP call id. */
    val id: String = json.str("id") ?: ""
    /** The connection the call joined as. */
    val connectionId: String = json.str("connectionId") ?: ""
    /** The audio stream it publishes. */
    val streamId: String? = json.str("streamId")

    override fun toString(): String = "Sip(id=$id, connectionId=$connectionId, streamId=$streamId)"
}

/**
 * Options of [OpenTok.dial] ([SipProperties.Builder], the official names). The password never
 * appears in [toString]. The core checks the URI (`sip:`/`sips:`) and header names.
 */
class SipProperties private constructor(internal val sipUri: String?, internal val json: JsonObject) {
    /** Builds [SipProperties]. */
    class Builder {
        private var sipUri: String? = null
        private var from: String? = null
        private var headers: Map<String, String>? = null
        private var headersJson: String? = null
        private var userName: String? = null
        private var password: String? = null
        private var secure: Boolean? = null
        private var video: Boolean? = null
        private var observeForceMute: Boolean? = null
        private var streams: List<String>? = null

        /** `sip:` or `sips:` URI to call. */
        fun sipUri(sipUri: String) = apply { this.sipUri = sipUri }
        /** The caller (`from@example.com`). */
        fun from(from: String) = apply { this.from = from }
        /** Custom SIP headers (names start with `X-`), as the official SDK takes them: a JSON object. */
        fun headersJsonStartingWithXDash(headersJson: String) = apply { this.headersJson = headersJson }
        /** Custom SIP headers (names start with `X-`). */
        fun headers(headers: Map<String, String>) = apply { this.headers = headers.toMap() }
        /** Digest auth user name. */
        fun userName(userName: String) = apply { this.userName = userName }
        /** Digest auth password. */
        fun password(password: String) = apply { this.password = password }
        /** Encrypt media (SRTP). */
        fun secure(secure: Boolean) = apply { this.secure = secure }
        /** Include video. */
        fun video(video: Boolean) = apply { this.video = video }
        /** Let force-mute mute the call. */
        fun observeForceMute(observeForceMute: Boolean) = apply { this.observeForceMute = observeForceMute }
        /** Only these streams reach the SIP endpoint. */
        fun streams(vararg streams: String) = apply { this.streams = streams.toList() }
        /** Only these streams reach the SIP endpoint. */
        fun streams(streams: List<String>) = apply { this.streams = streams.toList() }

        /** The options (validated by the core when used; headers JSON that is not an object is sent as is and refused there). */
        fun build(): SipProperties {
            val h = headersJson?.let { runCatching { JsonParser.parseString(it) }.getOrElse { _ -> com.google.gson.JsonPrimitive(headersJson) } }
                ?: headers?.let(::toJson)
            return SipProperties(
                sipUri,
                jsonOf(
                    "from" to from, "headers" to h,
                    "auth" to userName?.let { jsonOf("username" to it, "password" to (password ?: "")) },
                    "secure" to secure, "video" to video, "observeForceMute" to observeForceMute, "streams" to streams,
                ),
            )
        }
    }

    override fun toString(): String = "SipProperties(sipUri=$sipUri, from=${json.str("from")}, auth=${if (json.has("auth")) "<redacted>" else null})"
}
