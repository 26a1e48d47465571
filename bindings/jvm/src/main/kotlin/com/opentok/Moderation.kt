package com.opentok

import com.google.gson.JsonObject

/** Options of [OpenTok.forceMuteAll]: streams to leave unmuted ([MuteAllProperties.Builder]). */
class MuteAllProperties private constructor(internal val json: JsonObject) {
    /** Builds [MuteAllProperties]. */
    class Builder {
        private var excluded: List<String>? = null
        /** Stream ids not to mute (sent as `excludedStreamIds`). */
        fun excludedStreamIds(ids: List<String>) = apply { excluded = ids.toList() }
        /** The options. */
        fun build(): MuteAllProperties = MuteAllProperties(jsonOf("excludedStreamIds" to excluded))
    }
}

/** A signal ([SignalProperties.Builder]): a type (1–128 of `[A-Za-z0-9_~-]`) and data (≤ 8 kB, the service's 413). */
class SignalProperties private constructor(internal val json: JsonObject) {
    /** Builds [SignalProperties]. */
    class Builder {
        private var type: String? = null
        private var data: String? = null
        /** Signal type. */
        fun type(type: String) = apply { this.type = type }
        /** Signal data. */
        fun data(data: String) = apply { this.data = data }
        /** The signal (validated by the core when sent). */
        fun build(): SignalProperties = SignalProperties(jsonOf("type" to type, "data" to data))
    }
}

/** A client connection of a session ([OpenTok.listConnections]). */
class Connection internal constructor(json: JsonObject) {
    /** Connection id. */
    val connectionId: String = json.str("connectionId") ?: ""
    /** `connecting` or `connected`. */
    val connectionState: String? = json.str("connectionState")
    /** When it connected, unix milliseconds. */
    val createdAt: Long = json.long("createdAt") ?: 0

    override fun toString(): String = "Connection(connectionId=$connectionId, connectionState=$connectionState, createdAt=$createdAt)"
}

/** The connections of a session. */
class ConnectionList internal constructor(json: JsonObject) : ArrayList<Connection>(json.objects("items").map(::Connection)) {
    private val total: Int = json.int("count") ?: size
    /** The session. */
    val sessionId: String? = json.str("sessionId")
    /** The project. */
    val projectId: String? = json.str("projectId")
    /** How many connections the session has. */
    fun getTotalCount(): Int = total
}
