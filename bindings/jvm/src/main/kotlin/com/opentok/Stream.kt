package com.opentok

import com.opentok.ffi.core.StreamClassList
import com.opentok.ffi.core.Stream as StreamRecord
import com.opentok.ffi.core.StreamList as StreamListRecord

/** A stream published in a session (the official `com.opentok.Stream`), from the core's record. */
class Stream internal constructor(record: StreamRecord) {
    /** Stream id. */
    val id: String = record.id
    /** `camera`, `screen` or `custom`. */
    val videoType: String? = record.videoType
    /** Name given by the publisher. */
    val name: String? = record.name
    /** Layout classes of the stream. */
    val layoutClassList: List<String> = record.layoutClassList

    override fun toString(): String = "Stream(id=$id, videoType=$videoType, name=$name, layoutClassList=$layoutClassList)"
}

/** The streams of a session ([OpenTok.listStreams]). */
class StreamList internal constructor(page: StreamListRecord) : Page<Stream>(page.items.map(::Stream), page.count)

/** New layout classes for one stream ([StreamProperties.Builder]): the core's [StreamClassList]. */
class StreamProperties private constructor(internal val item: StreamClassList) {
    /** The stream id. */
    fun id(): String = item.id
    /** The layout classes. */
    fun getLayoutClassList(): List<String> = item.layoutClassList

    /** Builds [StreamProperties]. */
    class Builder {
        private var id: String = ""
        private val classes = mutableListOf<String>()
        /** The stream id (required; the core checks it). */
        fun id(id: String?) = apply { this.id = id ?: "" }
        /** Adds a layout class. */
        fun addLayoutClass(layoutClass: String?) = apply { classes += required(layoutClass, "layoutClass") }
        /** The stream's classes. */
        fun build(): StreamProperties = StreamProperties(StreamClassList(id, classes.toList()))
    }

    internal companion object {
        fun of(item: StreamClassList) = StreamProperties(item)
    }
}

/** The layout classes of several streams, set at once by [OpenTok.setStreamLayouts]. */
class StreamListProperties private constructor(internal val items: List<StreamClassList>) {
    /** The streams and their layout classes. */
    fun getStreamList(): List<StreamProperties> = items.map { StreamProperties.of(it) }

    /** Builds [StreamListProperties]. */
    class Builder {
        private val items = mutableListOf<StreamClassList>()
        /** Adds one stream's classes. */
        fun addStreamProperties(stream: StreamProperties?) = apply { items += required(stream, "stream").item }
        /** The list (the core requires at least one item). */
        fun build(): StreamListProperties = StreamListProperties(items.toList())
    }
}
