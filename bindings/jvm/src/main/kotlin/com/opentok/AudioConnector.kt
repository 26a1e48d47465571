package com.opentok

import com.opentok.ffi.core.AudioConnection
import com.opentok.ffi.core.AudioConnectorOptions
import com.opentok.ffi.core.AudioTransport
import com.opentok.ffi.core.CallbackOptions
import com.opentok.ffi.core.Callback as CallbackRecord

/** An Audio Connector WebSocket connection ([OpenTok.connectAudioStream]), the official `AudioConnector`. */
class AudioConnector internal constructor(record: AudioConnection) {
    /** Audio Connector id. */
    val id: String = record.id
    /** The connection it joined as. */
    val connectionId: String = record.connectionId

    override fun toString(): String = "AudioConnector(id=$id, connectionId=$connectionId)"
}

/** Options of [OpenTok.connectAudioStream] ([AudioConnectorProperties.Builder]): the core's [AudioConnectorOptions] record. */
class AudioConnectorProperties private constructor(internal val options: AudioConnectorOptions) {
    /** The WebSocket URI. */
    fun uri(): java.net.URI = java.net.URI.create(options.uri)
    /** The streams sent (empty: every stream). */
    fun streams(): Collection<String> = options.streams
    /** The headers of the WebSocket request. */
    fun headers(): Map<String, String> = options.headers
    /** The connection type: `websocket`. */
    fun type(): String = "websocket"

    /** Builds [AudioConnectorProperties] for the WebSocket [uri] (`ws://` or `wss://`). */
    class Builder(uri: String?) {
        /** A builder for the WebSocket [uri]. */
        constructor(uri: java.net.URI?) : this(uri?.toString())

        private val uri: String = required(uri, "uri")

        private val streams = mutableListOf<String>()
        private val headers = linkedMapOf<String, String>()
        private var audioRate: Int? = null
        private var bidirectional: Boolean? = null
        private var audioTransport: AudioTransport? = null
        /** Adds a stream to send (none: every stream of the session). */
        fun addStream(stream: String?) = apply { streams += required(stream, "stream") }
        /** Adds streams to send. */
        fun addStreams(vararg streams: String) = apply { this.streams += textList(streams.asList(), "streams") }
        /** Adds streams to send. */
        fun addStreams(streams: Collection<String>?) = apply { this.streams += textList(required(streams, "streams"), "streams") }
        /** Only these streams are sent (replaces any added). */
        fun streams(streams: List<String>?) = apply { this.streams.clear(); this.streams += textList(streams, "streams") }
        /** Adds a header of the WebSocket request. */
        fun addHeader(key: String?, value: String?) = apply { headers[required(key, "key")] = required(value, "value") }
        /** Adds headers of the WebSocket request. */
        fun addHeaders(headers: Map<String, String>?) = apply { this.headers.putAll(textMap(required(headers, "headers"), "headers")) }
        /** Headers of the WebSocket request (replaces any added). */
        fun headers(headers: Map<String, String>?) = apply { this.headers.clear(); this.headers.putAll(textMap(headers, "headers")) }
        /** Audio sample rate: 8000, 16000 or 24000. */
        fun audioRate(audioRate: Int) = apply { this.audioRate = audioRate }
        /** Also play audio received from the WebSocket into the session. */
        fun bidirectional(bidirectional: Boolean) = apply { this.bidirectional = bidirectional }
        /** The `audioTransport` settings as the core's record. */
        fun audioTransport(audioTransport: AudioTransport?) = apply { this.audioTransport = audioTransport }
        /**
         * The `audioTransport` object by its API keys: `transport`, `encoding`, `audio_field`,
         * `receive_audio_field` (text) and `static_fields` (a map of text).
         */
        fun audioTransport(audioTransport: Map<String, Any?>) = apply {
            this.audioTransport = AudioTransport(
                transport = audioTransport["transport"]?.toString(),
                encoding = audioTransport["encoding"]?.toString(),
                audioField = audioTransport["audio_field"]?.toString(),
                receiveAudioField = audioTransport["receive_audio_field"]?.toString(),
                staticFields = (audioTransport["static_fields"] as? Map<*, *>)?.entries?.associate { (k, v) -> k.toString() to v.toString() },
            )
        }
        /** The options. */
        fun build(): AudioConnectorProperties = AudioConnectorProperties(
            AudioConnectorOptions(uri, streams.toList(), headers.toMap(), audioRate?.unsigned("audioRate"), bidirectional, audioTransport),
        )
    }
}

/** A registered callback ([OpenTok.listCallbacks], [OpenTok.registerCallback]; not in the official Java SDK). */
class Callback internal constructor(record: CallbackRecord) {
    /** Callback id. */
    val id: String = record.id
    /** `connection`, `stream` or `archive`. */
    val group: String? = record.group
    /** The event, e.g. `connectionCreated`. */
    val event: String? = record.event
    /** Where events are posted. */
    val url: String? = record.url
    /** Registration time, unix milliseconds (0 when the service did not say). */
    val createdAt: Long = record.createdAt ?: 0

    override fun toString(): String = "Callback(id=$id, group=$group, event=$event, url=$url)"

    internal companion object {
        /** The core's registration options. */
        fun options(group: String, event: String, url: String) = CallbackOptions(group, event, url)
    }
}
