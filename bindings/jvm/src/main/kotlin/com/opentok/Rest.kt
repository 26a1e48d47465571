package com.opentok

import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.checkUnicode
import com.opentok.exception.native
import java.time.Duration
import com.opentok.ffi.core.ListOptions

/*
 * How the REST facade meets the native layer. Each REST operation of [OpenTok] is one typed
 * method of the FFI client (`com.opentok.ffi.Client`, declared by one `rest_operations!` entry in
 * `bindings/src/<area>.rs`) in two flavours: `xBlocking(...)` and `suspend x(...)`. Arguments and
 * answers are the core's own records and enums (`com.opentok.ffi.core`); no JSON crosses.
 *
 * The facade keeps the official Java SDK's classes: each options class turns itself into the
 * core's options record (`toOptions()`), each result class is built from the core's record, and
 * each `OpenTok` method pair is two one-liners around the same conversions:
 *
 *     fun getArchive(id: String): Archive = native { Archive(client.getArchiveBlocking(id)) }
 *     suspend fun getArchiveAsync(id: String): Archive = native { Archive(client.getArchive(id)) }
 *
 * Values (defaults such as `hasAudio`, aliases such as `partnerId`/`projectId`, counts) are the
 * core's: nothing is re-decided here. Errors map once, in `exception/Errors.kt`.
 */

/**
 * A page of results (the official SDK's `ArchiveList` shape): the items of this page, and
 * [getTotalCount], how many the service holds for the query.
 */
open class Page<T> internal constructor(items: List<T>, private val total: Long) : ArrayList<T>(items) {
    /** How many items the service holds for this query (not only this page). */
    fun getTotalCount(): Int = total.toInt()
}

/**
 * [value], or an [InvalidArgumentException] naming [field] when it is `null`: Java callers may
 * pass `null` where the official SDK refuses it, and get its exception class, never Kotlin's
 * NullPointerException ("Parameter specified as non-null is null").
 */
internal fun <T : Any> required(value: T?, field: String): T {
    val v = value ?: throw InvalidArgumentException("invalid $field: must not be null", field)
    if (v is String) checkUnicode(v, field)
    return v
}

/**
 * A list from Java as strings: a `null` element, or one that is not a `String` (a raw or
 * heap-polluted collection), is refused with an [InvalidArgumentException] naming [field], not a
 * NullPointerException or ClassCastException later (HostileJavaTest). `null` is the empty list.
 */
internal fun textList(values: Collection<*>?, field: String): List<String> =
    values.orEmpty().mapIndexed { i, v ->
        v as? String ?: throw InvalidArgumentException("invalid $field: element $i is ${describe(v)}, not a string", field)
    }

/** A map from Java as string names and values, checked as [textList] checks a list; `null` is the empty map. */
internal fun textMap(values: Map<*, *>?, field: String): Map<String, String> {
    val out = LinkedHashMap<String, String>()
    for ((k, v) in values.orEmpty()) {
        val name = k as? String ?: throw InvalidArgumentException("invalid $field: a name is ${describe(k)}, not a string", field)
        out[name] = v as? String ?: throw InvalidArgumentException("invalid $field.$name: the value is ${describe(v)}, not a string", "$field.$name")
    }
    return out
}

private fun describe(v: Any?): String = if (v == null) "null" else "a ${v.javaClass.name}"

/** A duration in milliseconds, [Long.MAX_VALUE] when it has more (the core then refuses it as too long). */
internal fun saturatedMillis(d: Duration): Long = try {
    d.toMillis()
} catch (e: ArithmeticException) {
    if (d.isNegative) Long.MIN_VALUE else Long.MAX_VALUE
}

/** The core's list options (`sessionId`, `offset`, `count`; the core checks the ranges). */
internal fun listOptions(sessionId: String?, offset: Int?, count: Int?) =
    ListOptions(offset = offset?.unsigned("offset"), count = count?.unsigned("count"), sessionId = sessionId)

/** The entry of [E] named [s] in any case (the core's wire spelling is lower case), or `null`. */
internal inline fun <reified E : Enum<E>> enumNamed(s: String?): E? =
    enumValues<E>().firstOrNull { it.name.equals(s, ignoreCase = true) }

/**
 * The entry whose wire [text] is the core's canonical spelling of [value]: [parse] (a core parser,
 * called through [native], so bad input throws its exception) canonicalises it; `null` when no
 * entry has that spelling.
 */
internal inline fun <E> List<E>.parsedBy(value: String, parse: (String) -> String, text: (E) -> String): E? {
    val canonical = native { parse(value) }
    return firstOrNull { text(it) == canonical }
}

/**
 * A Java `int` as the record's unsigned field. A negative value cannot be represented at all
 * (it is not an OpenTok rule: the core checks the ranges of what can be sent).
 */
internal fun Int.unsigned(field: String): UInt =
    if (this >= 0) toUInt() else throw InvalidArgumentException("invalid $field: must not be negative (got $this)", field)
