package com.opentok.testing

import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File

/** `tests/vectors/tokens.json`, located by the `opentok.vectors` system property. */
object Vectors {
    /** The whole vectors document. */
    @JvmStatic
    val doc: JsonObject by lazy {
        val path = System.getProperty("opentok.vectors") ?: error("system property opentok.vectors is not set")
        JsonParser.parseString(File(path).readText()).asJsonObject
    }

    /** The cases of one section (`t1`, `jwt`, `reject`, `node_tokens`). */
    @JvmStatic
    fun cases(section: String): List<JsonObject> = doc.getAsJsonArray(section).map { it.asJsonObject }
}
