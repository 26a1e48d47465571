package com.opentok

import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.google.gson.JsonPrimitive
import com.opentok.exception.InvalidResponseException
import com.opentok.exception.native
import com.opentok.ffi.Client

/**
 * Calls the native `rest` / `rest_blocking` dispatch (contract in `bindings/src/rest.rs`):
 * the core method name and a JSON array of its arguments in, the core's model as JSON out.
 * No OpenTok rule lives here: options are JSON objects the core's `from_json` validates.
 */
internal class Rest(private val client: Client) {
    /** Runs [operation] blocking the calling thread. */
    fun call(operation: String, vararg args: Any?): JsonElement =
        parse(operation, native { client.restBlocking(operation, encode(args)) })

    /** Runs [operation] suspending the coroutine. */
    suspend fun callAsync(operation: String, vararg args: Any?): JsonElement =
        parse(operation, native { client.rest(operation, encode(args)) })

    private fun encode(args: Array<out Any?>): String {
        val a = JsonArray()
        for (x in args) a.add(toJson(x))
        return a.toString()
    }

    private fun parse(operation: String, text: String): JsonElement =
        try {
            JsonParser.parseString(text)
        } catch (e: RuntimeException) {
            throw InvalidResponseException("$operation: the native answer is not JSON: ${e.message}", null, null)
        }
}

/** Kotlin/Java values as JSON: strings, numbers, booleans, lists, maps, JSON elements, null. */
internal fun toJson(x: Any?): JsonElement = when (x) {
    null -> JsonNull.INSTANCE
    is JsonElement -> x
    is String -> JsonPrimitive(x)
    is Number -> JsonPrimitive(x)
    is Boolean -> JsonPrimitive(x)
    is Enum<*> -> JsonPrimitive(x.toString())
    is Map<*, *> -> JsonObject().apply { for ((k, v) in x) add(k.toString(), toJson(v)) }
    is Iterable<*> -> JsonArray().apply { for (v in x) add(toJson(v)) }
    is Array<*> -> JsonArray().apply { for (v in x) add(toJson(v)) }
    else -> JsonPrimitive(x.toString())
}

/** A JSON object of the set (non-null) entries only: unset options stay unset. */
internal fun jsonOf(vararg entries: Pair<String, Any?>): JsonObject =
    JsonObject().apply { for ((k, v) in entries) if (v != null) add(k, toJson(v)) }

// Tolerant readers of the core's answers (it already normalized types; missing means null).
internal fun JsonElement.obj(): JsonObject = if (isJsonObject) asJsonObject else JsonObject()
internal fun JsonObject.value(k: String): JsonElement? = get(k)?.takeUnless { it.isJsonNull }
internal fun JsonObject.str(k: String): String? = value(k)?.let { if (it.isJsonPrimitive) it.asString else it.toString() }
internal fun JsonObject.long(k: String): Long? = value(k)?.let { runCatching { it.asLong }.getOrNull() }
internal fun JsonObject.int(k: String): Int? = long(k)?.toInt()
internal fun JsonObject.bool(k: String): Boolean? = value(k)?.let { runCatching { it.asBoolean }.getOrNull() }
internal fun JsonObject.objects(k: String): List<JsonObject> =
    value(k)?.takeIf { it.isJsonArray }?.asJsonArray?.filter { it.isJsonObject }?.map { it.asJsonObject } ?: emptyList()
internal fun JsonObject.strings(k: String): List<String> =
    value(k)?.takeIf { it.isJsonArray }?.asJsonArray?.filter { it.isJsonPrimitive }?.map { it.asString } ?: emptyList()

/** `{"count", "items"}` pages: the items and the service's total. */
internal fun <T> JsonElement.page(item: (JsonObject) -> T): Pair<List<T>, Int> {
    val o = obj()
    val items = o.objects("items").map(item)
    return items to (o.int("count") ?: items.size)
}
