package com.opentok

import com.opentok.ffi.core.MuteAllOptions
import com.opentok.ffi.core.Signal
import com.opentok.ffi.core.Connection as ConnectionRecord
import com.opentok.ffi.core.ConnectionList as ConnectionListRecord

/** Options of [OpenTok.forceMuteAll]: streams to leave unmuted ([MuteAllProperties.Builder]). */
class MuteAllProperties private constructor(internal val options: MuteAllOptions) {
    /** The streams left unmuted. */
    fun getExcludedStreamIds(): List<String> = options.excludedStreamIds

    /** Builds [MuteAllProperties]. */
    class Builder {
        private var excluded: List<String> = emptyList()
        /** Stream ids not to mute (sent as `excludedStreamIds`). */
        fun excludedStreamIds(ids: List<String>?) = apply { excluded = textList(ids, "excludedStreamIds") }
        /** The options. */
        fun build(): MuteAllProperties = MuteAllProperties(MuteAllOptions(excluded))
    }
}

/** A signal ([SignalProperties.Builder]): a type (1–128 of `[A-Za-z0-9_~-]`) and data (≤ 8 kB, the service's 413). */
class SignalProperties private constructor(internal val signal: Signal) {
    /** The signal type, or `null`. */
    fun type(): String? = signal.signalType
    /** The signal data. */
    fun data(): String = signal.data
    /** The official SDK's form map: `type` (when set) and `data`. */
    fun toMap(): Map<String, Collection<String>> {
        val m = LinkedHashMap<String, Collection<String>>()
        signal.signalType?.let { m["type"] = listOf(it) }
        m["data"] = listOf(signal.data)
        return m
    }

    /** Builds [SignalProperties]. */
    class Builder {
        private var type: String? = null
        private var data: String = ""
        /** Signal type. */
        fun type(type: String?) = apply { this.type = type }
        /** Signal data. */
        fun data(data: String?) = apply { this.data = data.orEmpty() }
        /** The signal (validated by the core when sent). */
        fun build(): SignalProperties = SignalProperties(Signal(type, data))
    }
}

/** A client connection of a session ([OpenTok.listConnections]), from the core's record. */
class Connection internal constructor(record: ConnectionRecord) {
    /** Connection id. */
    val connectionId: String = record.connectionId
    /** `connecting` or `connected`. */
    val connectionState: String? = record.connectionState
    /** When it connected, unix milliseconds (0 when the service did not say). */
    val createdAt: Long = record.createdAt ?: 0

    override fun toString(): String = "Connection(connectionId=$connectionId, connectionState=$connectionState, createdAt=$createdAt)"
}

/** The connections of a session. */
class ConnectionList internal constructor(page: ConnectionListRecord) : Page<Connection>(page.items.map(::Connection), page.count) {
    /** How many connections the session has (official name; same as [getTotalCount]). */
    fun getCount(): Int = getTotalCount()

    /** The session. */
    val sessionId: String? = page.sessionId
    /** The project. */
    val projectId: String? = page.projectId
}
