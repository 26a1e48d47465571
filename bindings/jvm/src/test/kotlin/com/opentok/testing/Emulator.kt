package com.opentok.testing

import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

/**
 * A real `opentok-emulator` process on an ephemeral loopback port (`--port 0 --in-memory`),
 * located by the `opentok.emulator.bin` system property (from `$EMULATOR_BIN`).
 */
class Emulator private constructor(private val emulator: com.opentok.emulator.OpenTokEmulator) : AutoCloseable {
    /** `http://127.0.0.1:PORT`. */
    val url: String = emulator.url

    /** The HTTP status and JSON body of a simulated client's connect attempt. */
    data class Connect(val status: Int, val body: JsonObject)

    /** Connects a simulated client to [sessionId] with [token] (emulator-only API). */
    fun connect(sessionId: String, token: String): Connect {
        val body = JsonObject().apply { addProperty("token", token) }.toString()
        val req = HttpRequest.newBuilder(URI.create("$url/emulator/v1/sessions/$sessionId/connections"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build()
        val res = http.send(req, HttpResponse.BodyHandlers.ofString())
        return Connect(res.statusCode(), JsonParser.parseString(res.body()).asJsonObject)
    }

    /** Publishes a stream from a simulated connection (emulator-only API); answers the stream's id. */
    @JvmOverloads
    fun publish(sessionId: String, connectionId: String, name: String = "cam"): String {
        val body = JsonObject().apply { addProperty("name", name) }
        val (status, json) = send("POST", "/emulator/v1/sessions/$sessionId/connections/$connectionId/streams", body.toString())
        check(status == 201) { "publish answered $status: $json" }
        return json.asJsonObject["id"].asString
    }

    /** A connected client of [sessionId] with a fresh token of [role]: its connection id. */
    fun connectNew(opentok: com.opentok.OpenTok, sessionId: String, role: com.opentok.Role = com.opentok.Role.PUBLISHER): String {
        val token = opentok.generateToken(sessionId, com.opentok.TokenOptions.Builder().role(role).build())
        val c = connect(sessionId, token)
        check(c.status == 201) { "connect answered ${c.status}: ${c.body}" }
        return c.body["connectionId"].asString
    }

    /** Signals a simulated connection received, oldest first (emulator-only API). */
    fun signals(sessionId: String, connectionId: String): List<JsonObject> =
        items(send("GET", "/emulator/v1/sessions/$sessionId/connections/$connectionId/signals", null).second)

    /** Streams of a session with `forceMuted` and `connectionId` (emulator-only API). */
    fun streams(sessionId: String): List<JsonObject> = items(send("GET", "/emulator/v1/sessions/$sessionId/streams", null).second)

    /** The simulated connections of a session (emulator-only API). */
    fun connections(sessionId: String): List<JsonObject> = items(send("GET", "/emulator/v1/sessions/$sessionId/connections", null).second)

    /** DTMF digits played in a session (emulator-only API). */
    fun dtmf(sessionId: String): List<JsonObject> = items(send("GET", "/emulator/v1/sessions/$sessionId/dtmf", null).second)

    /** What an Audio Connector was asked (uri, streams, headers, audioRate, audioTransport; emulator-only API). */
    fun audioConnector(id: String): JsonObject = send("GET", "/emulator/v1/audio-connectors/$id", null).second.asJsonObject

    private fun items(json: JsonElement): List<JsonObject> =
        json.asJsonObject["items"].asJsonArray.map { it.asJsonObject }

    private fun send(method: String, path: String, body: String?): Pair<Int, JsonElement> {
        val req = HttpRequest.newBuilder(URI.create(url + path))
            .header("Content-Type", "application/json")
            .method(method, body?.let { HttpRequest.BodyPublishers.ofString(it) } ?: HttpRequest.BodyPublishers.noBody())
            .build()
        val res = http.send(req, HttpResponse.BodyHandlers.ofString())
        val json = if (res.body().isBlank()) JsonNull.INSTANCE else JsonParser.parseString(res.body())
        return res.statusCode() to json
    }

    override fun close() = emulator.close()

    companion object {
        /** The development project's api key. */
        const val API_KEY = "123456"

        /** The development project's secret. */
        const val API_SECRET = "1234567890abcdef1234567890abcdef1234567890"

        private val http: HttpClient = HttpClient.newHttpClient()

        /** The test Vonage application's id (its keys are in `tests/keys/`). */
        const val APP_ID = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f"

        /** `tests/keys/<name>`, located by the `opentok.keys` system property. */
        @JvmStatic
        fun keyFile(name: String): java.nio.file.Path {
            val dir = System.getProperty("opentok.keys")?.takeIf { it.isNotBlank() && !it.startsWith("\${") }
                ?: error("system property opentok.keys is not set")
            return java.nio.file.Path.of(dir, name)
        }

        /** Starts an emulator that also serves the test application ([APP_ID], RS256 tokens and REST auth). */
        @JvmStatic
        fun startWithApplication(): Emulator = start("--application", "$APP_ID:${keyFile("app_public.pem")}")

        /**
         * Starts an emulator (with extra command-line [args]) through the package's own launcher
         * ([com.opentok.emulator.OpenTokEmulator], binary from `opentok.emulator.bin`).
         */
        @JvmStatic
        fun start(vararg args: String): Emulator = Emulator(com.opentok.emulator.OpenTokEmulator.start(*args))
    }
}
