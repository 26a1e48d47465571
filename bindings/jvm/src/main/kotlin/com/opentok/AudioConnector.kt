package com.opentok

import com.google.gson.JsonObject

/** An Audio Connector WebSocket connection ([OpenTok.connectAudioStream]), the official `AudioConnector`. */
class AudioConnector internal constructor(json: JsonObject) {
    /** Audio Connector id. */
    val id: String = json.str("id") ?: ""
    /** The connection it joined as. */
    val connectionId: String = json.str("connectionId") ?: ""

    override fun toString(): String = "AudioConnector(id=$id, connectionId=$connectionId)"
}

/** Options of [OpenTok.connectAudioStream] ([AudioConnectorProperties.Builder]). */
class AudioConnectorProperties private constructor(internal val json: JsonObject) {
    /** Builds [AudioConnectorProperties] for the WebSocket [uri] (`ws://` or `wss://`). */
    class Builder(private val uri: String) {
        /** A builder for the WebSocket [uri]. */
        constructor(uri: java.net.URI) : this(uri.toString())

        private val streams = mutableListOf<String>()
        private val headers = linkedMapOf<String, String>()
        private var audioRate: Int? = null
        private var bidirectional: Boolean? = null
        private var audioTransport: Map<String, Any?>? = null
        /** Adds a stream to send (none: every stream of the session). */
        fun addStream(stream: String) = apply { streams += stream }
        /** Adds streams to send. */
        fun addStreams(vararg streams: String) = apply { this.streams += streams }
        /** Adds streams to send. */
        fun addStreams(streams: Collection<String>) = apply { this.streams += streams }
        /** Only these streams are sent (replaces any added). */
        fun streams(streams: List<String>) = apply { this.streams.clear(); this.streams += streams }
        /** Adds a header of the WebSocket request. */
        fun addHeader(key: String, value: String) = apply { headers[key] = value }
        /** Adds headers of the WebSocket request. */
        fun addHeaders(headers: Map<String, String>) = apply { this.headers.putAll(headers) }
        /** Headers of the WebSocket request (replaces any added). */
        fun headers(headers: Map<String, String>) = apply { this.headers.clear(); this.headers.putAll(headers) }
        /** Audio sample rate: 8000, 16000 or 24000. */
        fun audioRate(audioRate: Int) = apply { this.audioRate = audioRate }
        /** Also play audio received from the WebSocket into the session. */
        fun bidirectional(bidirectional: Boolean) = apply { this.bidirectional = bidirectional }
        /** The `audioTransport` object (`transport`, `encoding`, `audio_field`, ...), sent as an object. */
        fun audioTransport(audioTransport: Map<String, Any?>) = apply { this.audioTransport = audioTransport.toMap() }
        /** The options. */
        fun build(): AudioConnectorProperties = AudioConnectorProperties(
            jsonOf(
                "uri" to uri, "streams" to streams.takeIf { it.isNotEmpty() }?.toList(),
                "headers" to headers.takeIf { it.isNotEmpty() }?.toMap(), "audioRate" to audioRate, "bidirectional" to bidirectional,
                "audioTransport" to audioTransport,
            ),
        )
    }
}

/** A registered callback ([OpenTok.listCallbacks], [OpenTok.registerCallback]; not in the official Java SDK). */
class Callback internal constructor(json: JsonObject) {
    /** Callback id. */
    val id: String = json.str("id") ?: ""
    /** `connection`, `stream` or `archive`. */
    val group: String? = json.str("group")
    /** The event, e.g. `connectionCreated`. */
    val event: String? = json.str("event")
    /** Where events are posted. */
    val url: String? = json.str("url")
    /** Registration time, unix milliseconds. */
    val createdAt: Long = json.long("createdAt") ?: 0

    override fun toString(): String = "Callback(id=$id, group=$group, event=$event, url=$url)"
}
