package com.opentok

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonObject

/** A stream published in a session (the official `com.opentok.Stream`). */
class Stream internal constructor(json: JsonObject) {
    /** Stream id. */
    val id: String = json.str("id") ?: ""
    /** `camera`, `screen` or `custom`. */
    val videoType: String? = json.str("videoType")
    /** Name given by the publisher. */
    val name: String? = json.str("name")
    /** Layout classes of the stream. */
    val layoutClassList: List<String> = json.strings("layoutClassList")

    override fun toString(): String = "Stream(id=$id, videoType=$videoType, name=$name, layoutClassList=$layoutClassList)"
}

/** The streams of a session ([OpenTok.listStreams]). */
class StreamList internal constructor(items: List<Stream>, private val total: Int) : ArrayList<Stream>(items) {
    /** How many streams the session has. */
    fun getTotalCount(): Int = total

    internal companion object {
        fun of(json: JsonElement): StreamList = json.page(::Stream).let { (items, total) -> StreamList(items, total) }
    }
}

/** New layout classes for one stream ([StreamProperties.Builder]). */
class StreamProperties private constructor(internal val json: JsonObject) {
    /** Builds [StreamProperties]. */
    class Builder {
        private var id: String? = null
        private val classes = mutableListOf<String>()
        /** The stream id. */
        fun id(id: String) = apply { this.id = id }
        /** Adds a layout class. */
        fun addLayoutClass(layoutClass: String) = apply { classes += layoutClass }
        /** The stream's classes. */
        fun build(): StreamProperties = StreamProperties(jsonOf("id" to id, "layoutClassList" to classes))
    }
}

/** The layout classes of several streams, set at once by [OpenTok.setStreamLayouts]. */
class StreamListProperties private constructor(internal val json: JsonArray) {
    /** Builds [StreamListProperties]. */
    class Builder {
        private val items = JsonArray()
        /** Adds one stream's classes. */
        fun addStreamProperties(stream: StreamProperties) = apply { items.add(stream.json) }
        /** The list (the core requires at least one item). */
        fun build(): StreamListProperties = StreamListProperties(items.deepCopy())
    }
}
