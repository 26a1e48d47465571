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

    /**
     * The T1 token the official Java SDK 4.17 makes for a `t1` case's values (its
     * `Session.generateToken`, rewritten here as the tests' oracle; the case's `token` is the
     * Python SDK's, whose layout differs): `create_time`, `expire_time`, `session_id`, `nonce` (an
     * int), `role`, `scope`, then the layout classes and the `URLEncoder`-encoded data; HMAC-SHA1
     * hex; base64 with `-` and `_`.
     */
    @JvmStatic
    fun officialJavaT1(case: JsonObject): String {
        val input = case["input"].asJsonObject
        val fields = case["fields"].asJsonObject
        val secret = input["api_secret"]?.asString ?: doc["api_secret"].asString
        val signed = StringBuilder()
            .append("create_time=").append(fields["create_time"].asString)
            .append("&expire_time=").append(fields["expire_time"].asString)
            .append("&session_id=").append(input["session_id"].asString)
            .append("&nonce=").append(input["nonce"].asInt)
            .append("&role=").append(fields["role"].asString)
            .append("&scope=session.connect")
        input["initial_layout_class_list"]?.asJsonArray?.map { it.asString }?.takeIf { it.isNotEmpty() }?.let {
            signed.append("&initial_layout_class_list=").append(it.joinToString(" "))
        }
        input["data"]?.asString?.takeIf { it.isNotEmpty() }?.let {
            signed.append("&connection_data=").append(java.net.URLEncoder.encode(it, "UTF-8"))
        }
        val mac = javax.crypto.Mac.getInstance("HmacSHA1")
        mac.init(javax.crypto.spec.SecretKeySpec(secret.toByteArray(), "HmacSHA1"))
        val sig = mac.doFinal(signed.toString().toByteArray()).joinToString("") { "%02x".format(it) }
        val inner = "partner_id=${input["api_key"].asString}&sig=$sig:$signed"
        return "T1==" + java.util.Base64.getEncoder().encodeToString(inner.toByteArray()).replace('+', '-').replace('/', '_')
    }
}
