package com.opentok

import com.opentok.exception.native
import com.opentok.ffi.core.Event
import com.opentok.ffi.eventName
import com.opentok.ffi.eventSessionId
import com.opentok.ffi.eventToJson
import com.opentok.ffi.parseEventBytes
import com.opentok.ffi.parseEvent as parseEventText

/**
 * Webhook events, typed: what the service POSTs to your app (session monitoring, SIP calls, and
 * the status callbacks of archives, broadcasts, live captions and Experience Composer renders).
 *
 * [parse] returns the core's [Event], a sealed class: `when (event) { is Event.ConnectionCreated
 * -> event.event.connection.id ... }` in Kotlin, `if (event instanceof Event.ArchiveChanged a)` in
 * Java. An event the SDK does not know is [Event.Unknown] with the body; only a body that is not
 * JSON throws [com.opentok.exception.InvalidArgumentException] (field `body`). Reading, defaults
 * and aliases are the core's (see docs/events.md).
 */
object Events {
    /** Reads a webhook body (JSON text) into its typed event. */
    @JvmStatic
    fun parse(body: String): Event = native { parseEventText(body) }

    /** Reads a webhook body (UTF-8 JSON bytes) into its typed event. */
    @JvmStatic
    fun parse(body: ByteArray): Event = native { parseEventBytes(body) }

    /** The event's name: `connectionCreated`, ..., `archive`, `broadcast`, `captions`, `render`, `unknown`. */
    @JvmStatic
    fun name(event: Event): String = eventName(event)

    /** The session the event is about, if it names one. */
    @JvmStatic
    fun sessionId(event: Event): String? = eventSessionId(event)

    /** The body the service sends for this event (JSON text). */
    @JvmStatic
    fun toJson(event: Event): String = eventToJson(event)
}

/** The event's name (see [Events.name]). */
val Event.name: String
    get() = Events.name(this)

/** The session the event is about (see [Events.sessionId]). */
val Event.sessionId: String?
    get() = Events.sessionId(this)
