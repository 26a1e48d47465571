package com.opentok

import com.google.gson.JsonParser
import com.opentok.exception.InvalidArgumentException
import com.opentok.ffi.core.Event
import com.opentok.testing.Emulator
import com.sun.net.httpserver.HttpServer
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import java.net.InetSocketAddress
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.nio.file.Paths
import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertNull

/**
 * Webhook events from Kotlin: the shared documents of tests/events/ parsed by [Events.parse], read
 * with `when` over the sealed class; their type, session and status are what
 * tests/events/expected.json lists (EventsJavaTest walks every field path).
 */
class EventsTest {
    private val docs = Paths.get("..", "..", "tests", "events").toAbsolutePath().normalize()
    private fun read(name: String) = Files.readString(docs.resolve(name))
    private val expected = JsonParser.parseString(read("expected.json")).asJsonObject

    /** What an app's handler does: one line per event, by variant. */
    private fun describe(event: Event): String = when (event) {
        is Event.ConnectionCreated -> "joined ${event.event.connection.id}"
        is Event.ConnectionDestroyed -> "left ${event.event.connection.id} (${event.event.reason})"
        is Event.StreamCreated -> "published ${event.event.stream.id} ${event.event.stream.videoType}"
        is Event.StreamDestroyed -> "unpublished ${event.event.stream.id} (${event.event.reason})"
        is Event.SessionCreated, is Event.SessionDestroyed, is Event.SessionNotification -> "session ${event.name}"
        is Event.CallCreated, is Event.CallUpdated, is Event.CallDestroyed -> "call ${event.name}"
        is Event.ArchiveChanged -> "archive ${event.event.archive.id} ${event.event.status}"
        is Event.BroadcastChanged -> "broadcast ${event.event.broadcast.id} ${event.event.status}"
        is Event.CaptionsChanged -> "captions ${event.event.captionId} ${event.event.status}"
        is Event.RenderChanged -> "render ${event.event.render.id} ${event.event.status}"
        is Event.Unknown -> "unknown"
    }

    private fun statusOf(event: Event): String? = when (event) {
        is Event.ArchiveChanged -> event.event.status
        is Event.BroadcastChanged -> event.event.status
        is Event.CaptionsChanged -> event.event.status
        is Event.RenderChanged -> event.event.status
        else -> null
    }

    @TestFactory
    fun everyDocumentHasItsTypeSessionAndStatus(): List<DynamicTest> =
        expected.getAsJsonObject("events").entrySet().map { (file, want) ->
            DynamicTest.dynamicTest(file) {
                val w = want.asJsonObject
                val event = Events.parse(read(file))
                assertEquals(w["type"].asString, event.name)
                assertEquals(w["session_id"].asString, event.sessionId)
                assertEquals(if (w["status"].isJsonNull) null else w["status"].asString, statusOf(event))
                assertEquals(event, Events.parse(Events.toJson(event).toByteArray()))
            }
        }

    @Test
    fun handlersReadTheVariantsTheyMatch() {
        assertEquals("joined c053fcc8-c681-41d5-8ec2-7a9e1434a21e", describe(Events.parse(read("connection_created.json"))))
        assertEquals("unpublished 63245362-e00e-4834-8371-9397deb3e027 (forceUnpublished)", describe(Events.parse(read("stream_destroyed.json"))))
        assertEquals("archive 5b1521e5-6f2b-4d53-9ad6-5dbd02d3e07f transcoding", describe(Events.parse(read("archive_unknown_status.json"))))
        val stopped = assertIs<Event.BroadcastChanged>(Events.parse(read("broadcast_stopped.json")))
        assertEquals(3600L, stopped.event.broadcast.maxDuration)
        assertEquals("https://example.com/1748b707/hls.m3u8", stopped.event.broadcast.broadcastUrls?.hls)
        val unknown = assertIs<Event.Unknown>(Events.parse(read("unknown_event.json")))
        assertEquals(JsonParser.parseString(read("unknown_event.json")), JsonParser.parseString(unknown.raw))
        assertNull(Events.parse("[1]").sessionId)
    }

    @Test
    fun aBodyThatIsNotJsonIsAnInvalidArgumentNamingTheRule() {
        val e = assertFailsWith<InvalidArgumentException> { Events.parse("{\"event\":") }
        assertEquals("body", e.field)
        kotlin.test.assertContains(e.message ?: "", "must be a JSON document")
    }

    /**
     * The end-to-end check: a real listener registered as the project's callback receives,
     * parsed by [Events.parse], connectionCreated, streamCreated, archive started / stopped /
     * available, and broadcast stopped once the emulator's clock passes the broadcast's maxDuration.
     */
    @Test
    fun theEmulatorDeliversASessionsEventsInOrder() {
        val bodies = ConcurrentLinkedQueue<ByteArray>()
        val receiver = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        receiver.createContext("/") { exchange ->
            bodies.add(exchange.requestBody.readBytes())
            exchange.sendResponseHeaders(200, -1)
            exchange.close()
        }
        receiver.start()
        val http = HttpClient.newHttpClient()
        Emulator.start().use { emulator ->
            try {
                fun send(method: String, path: String, body: String): Int = http.send(
                    HttpRequest.newBuilder(URI.create(emulator.url + path)).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(),
                ).statusCode()
                val hook = "http://127.0.0.1:${receiver.address.port}/hook"
                assertEquals(200, send("PUT", "/emulator/v1/projects/${Emulator.API_KEY}/callback-url", "{\"url\": \"$hook\"}"))
                val opentok = OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(emulator.url).build()
                val sessionId = opentok.createSession(SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).sessionId
                val connectionId = emulator.connectNew(opentok, sessionId)
                emulator.publish(sessionId, connectionId, "cam")
                val archive = opentok.startArchive(sessionId)
                opentok.stopArchive(archive.id)
                val broadcast = opentok.startBroadcast(
                    sessionId,
                    BroadcastProperties.Builder().addHlsProperties(Hls.Builder().build()).maxDuration(60).build(),
                )
                assertEquals(200, send("POST", "/emulator/v1/clock", "{\"advance\": 61}"))

                fun label(e: Event): String = when (e) {
                    is Event.ArchiveChanged -> "archive ${e.event.status}"
                    is Event.BroadcastChanged -> "broadcast ${e.event.status}"
                    else -> e.name
                }
                fun mine(): List<Event> = bodies.toList().map { Events.parse(it) }.filter { it.sessionId == sessionId }
                val deadline = System.nanoTime() + 15_000_000_000L
                while (mine().none { label(it) == "broadcast stopped" } && System.nanoTime() < deadline) Thread.sleep(20)
                val seen = mine().map(::label)
                val wanted = listOf("connectionCreated", "streamCreated", "archive started", "archive stopped", "archive available", "broadcast stopped")
                assertEquals(wanted, seen.filter { it in wanted }, seen.toString())
                val byLabel = mine().associateBy(::label)
                assertEquals(archive.id, assertIs<Event.ArchiveChanged>(byLabel["archive available"]).event.archive.id)
                assertEquals(broadcast.id, assertIs<Event.BroadcastChanged>(byLabel["broadcast stopped"]).event.broadcast.id)
                assertEquals("cam", assertIs<Event.StreamCreated>(byLabel["streamCreated"]).event.stream.name)
            } finally {
                receiver.stop(0)
            }
        }
    }
}
