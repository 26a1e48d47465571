package com.opentok

import com.opentok.exception.AuthenticationException
import com.opentok.exception.ConflictException
import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.NotFoundException
import com.opentok.exception.OpenTokException
import com.opentok.exception.PayloadTooLargeException
import com.opentok.exception.RequestException
import com.opentok.exception.RequestTimeoutException
import com.opentok.testing.Emulator
import com.opentok.testing.SilentServer
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/**
 * The REST API (official Java SDK names) against a real emulator: every operation, and an error
 * case for each (client-side rule from the core, or the emulator's status kept in the exception).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenTokRestTest {
    private lateinit var emulator: Emulator
    private lateinit var opentok: OpenTok

    @BeforeAll
    fun start() {
        emulator = Emulator.start()
        opentok = OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(emulator.url).maxRetries(0).build()
    }

    @AfterAll
    fun stop() {
        opentok.close()
        emulator.close()
    }

    /** A routed session with one connected client publishing one stream. */
    private data class Live(val sessionId: String, val connectionId: String, val streamId: String)

    private fun live(): Live {
        val sid = opentok.createSession(SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).sessionId
        val cid = emulator.connectNew(opentok, sid)
        return Live(sid, cid, emulator.publish(sid, cid))
    }

    /**
     * Stops [id] with [stop]: [statusOf] then reads `stopped`; and for [unknownId] both reading
     * and stopping answer 404 ([NotFoundException]).
     */
    private fun stopsThenUnknown(id: String, unknownId: String, stop: (String) -> Unit, statusOf: (String) -> String?) {
        stop(id)
        assertEquals("stopped", statusOf(id))
        status<NotFoundException>(404) { statusOf(unknownId) }
        status<NotFoundException>(404) { stop(unknownId) }
    }

    private fun moderatorToken(sessionId: String) = opentok.generateToken(sessionId, TokenOptions.Builder().role(Role.MODERATOR).build())

    private inline fun invalid(field: String, block: () -> Unit): InvalidArgumentException {
        val e = assertFailsWith<InvalidArgumentException> { block() }
        assertEquals(field, e.field, e.message)
        assertEquals("invalid_argument", e.kind)
        return e
    }

    private inline fun <reified E : RequestException> status(status: Int, block: () -> Unit): E {
        val e = assertFailsWith<E> { block() }
        assertEquals(status, e.status, e.message)
        return e
    }

    // ---- archives ----

    @Test
    fun `archive lifecycle, list, layout and the 404 and 409 that tell no clients from already recording`() {
        val s = live()
        val archive = opentok.startArchive(s.sessionId, ArchiveProperties.Builder().name("standup").resolution(Resolution.HD_HORIZONTAL).build())
        assertEquals(Archive.Status.STARTED, archive.status)
        assertEquals(s.sessionId, archive.sessionId)
        assertEquals("standup", archive.name)
        assertEquals(Archive.OutputMode.COMPOSED, archive.outputMode)

        val again = status<ConflictException>(409) { opentok.startArchive(s.sessionId) }
        assertEquals("conflict", again.kind)
        val empty = opentok.createSession(SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).sessionId
        status<NotFoundException>(404) { opentok.startArchive(empty) }
        val relayed = opentok.createSession().sessionId
        emulator.connectNew(opentok, relayed)
        status<ConflictException>(409) { opentok.startArchive(relayed, "relayed") }
        invalid("resolution") {
            opentok.startArchive(s.sessionId, ArchiveProperties.Builder().outputMode(Archive.OutputMode.INDIVIDUAL).resolution("1280x720").build())
        }

        assertEquals(archive.id, opentok.getArchive(archive.id).id)
        status<NotFoundException>(404) { opentok.getArchive("00000000-0000-0000-0000-000000000000") }

        val layout = ArchiveLayout(ArchiveLayout.Type.BESTFIT).apply { screenshareType = ScreenShareLayoutType.PIP }
        opentok.setArchiveLayout(archive.id, layout)
        opentok.setArchiveLayout(archive.id, ArchiveProperties.Builder().layout(ArchiveLayout(ArchiveLayout.Type.CUSTOM, "stream { width: 100%; }")).build())
        invalid("layout.stylesheet") { opentok.setArchiveLayout(archive.id, ArchiveLayout(ArchiveLayout.Type.CUSTOM)) }
        // Properties without a layout: the core reads a missing layout as its default (bestFit).
        opentok.setArchiveLayout(archive.id, ArchiveProperties.Builder().name("no layout").build())
        // Adding a stream to an archive in auto stream mode: the service's 405, kept as a plain RequestException.
        val auto = status<RequestException>(405) { opentok.addArchiveStream(archive.id, s.streamId) }
        assertEquals("request", auto.kind)

        status<ConflictException>(409) { opentok.deleteArchive(archive.id) }
        val stopped = opentok.stopArchive(archive.id)
        assertEquals(Archive.Status.STOPPED, stopped.status)
        status<ConflictException>(409) { opentok.stopArchive(archive.id) }
        val available = opentok.getArchive(archive.id)
        assertEquals(Archive.Status.AVAILABLE, available.status)
        assertTrue(available.size > 0, available.toString())

        val list = opentok.listArchives(s.sessionId)
        assertEquals(listOf(archive.id), list.map { it.id })
        assertEquals(1, list.getTotalCount())
        assertTrue(opentok.listArchives().any { it.id == archive.id })
        assertEquals(1, opentok.listArchives(0, 1).size)
        invalid("count") { opentok.listArchives(0, 1001) }
        // Session ids are the service's to judge: an unknown one filters to an empty page.
        assertEquals(0, opentok.listArchives("not-a-session-id").getTotalCount())

        opentok.deleteArchive(archive.id)
        assertEquals(Archive.Status.DELETED, opentok.getArchive(archive.id).status)
        status<NotFoundException>(404) { opentok.deleteArchive("00000000-0000-0000-0000-000000000000") }
    }

    @Test
    fun `archive streams in manual stream mode`() {
        val s = live()
        val archive = opentok.startArchive(s.sessionId, ArchiveProperties.Builder().streamMode(Archive.StreamMode.MANUAL).multiArchiveTag("manual").build())
        assertEquals(Archive.StreamMode.MANUAL, archive.streamMode)
        assertEquals("manual", archive.multiArchiveTag)
        val tagged = opentok.startArchive(
            s.sessionId,
            ArchiveProperties.Builder().multiArchiveTag("bitrate").maxBitrate(500_000).hasTranscription(true).transcriptionProperties("en-US", true).build(),
        )
        assertEquals(500_000, tagged.maxBitrate)
        assertTrue(tagged.hasTranscription)
        opentok.stopArchive(tagged.id)
        invalid("quantizationParameter") {
            opentok.startArchive(s.sessionId, ArchiveProperties.Builder().maxBitrate(500_000).quantizationParameter(20).build())
        }
        invalid("transcriptionProperties.primaryLanguageCode") {
            opentok.startArchive(s.sessionId, ArchiveProperties.Builder().hasTranscription(true).transcriptionProperties("english").build())
        }
        opentok.addArchiveStream(archive.id, s.streamId, true, false)
        val included = opentok.getArchive(archive.id).streams.single()
        assertEquals(s.streamId, included.streamId)
        assertEquals(false, included.hasVideo)
        status<ConflictException>(409) { opentok.addArchiveStream(archive.id, s.streamId) }
        opentok.removeArchiveStream(archive.id, s.streamId)
        assertTrue(opentok.getArchive(archive.id).streams.isEmpty())
        status<NotFoundException>(404) { opentok.addArchiveStream(archive.id, "no-such-stream") }
        invalid("hasAudio") { opentok.addArchiveStream(archive.id, s.streamId, false, false) }
        opentok.stopArchive(archive.id)
        status<ConflictException>(409) { opentok.removeArchiveStream(archive.id, s.streamId) }
    }

    // ---- broadcasts ----

    @Test
    fun `broadcast lifecycle with HLS and RTMP, layout, streams, list`() {
        val s = live()
        val props = BroadcastProperties.Builder()
            .addHlsProperties(Hls.Builder().dvr(true).build())
            .addRtmpProperties(RtmpProperties.Builder().id("yt").serverUrl("rtmps://live.example.com/app").streamName("key1").build())
            .layout(BroadcastLayout(ArchiveLayout.Type.PIP))
            .maxDuration(600).streamMode(Archive.StreamMode.MANUAL).build()
        val b = opentok.startBroadcast(s.sessionId, props)
        assertEquals(s.sessionId, b.sessionId)
        assertEquals(600, b.maxDuration)
        assertNotNull(b.hls, b.toString())
        assertEquals("yt", b.rtmpList.single().id)
        status<ConflictException>(409) { opentok.startBroadcast(s.sessionId, props) }
        invalid("outputs") { opentok.startBroadcast(s.sessionId, BroadcastProperties.Builder().build()) }
        invalid("outputs.hls.lowLatency") {
            opentok.startBroadcast(s.sessionId, BroadcastProperties.Builder().addHlsProperties(Hls.Builder().dvr(true).lowLatency(true).build()).build())
        }

        assertEquals(b.id, opentok.getBroadcast(b.id).id)
        status<NotFoundException>(404) { opentok.getBroadcast("no-such-broadcast") }
        assertEquals(listOf(b.id), opentok.listBroadcasts(s.sessionId).map { it.id })
        invalid("count") { opentok.listBroadcasts(null, 0, 0) }

        opentok.setBroadcastLayout(b.id, BroadcastLayout(ArchiveLayout.Type.VERTICAL))
        opentok.setBroadcastLayout(b.id, BroadcastProperties.Builder().layout(BroadcastLayout(ArchiveLayout.Type.HORIZONTAL)).build())
        invalid("layout.stylesheet") { opentok.setBroadcastLayout(b.id, BroadcastLayout(ArchiveLayout.Type.BESTFIT, "x {}")) }

        opentok.addBroadcastStream(b.id, s.streamId)
        assertEquals(s.streamId, opentok.getBroadcast(b.id).streams.single().streamId)
        status<ConflictException>(409) { opentok.addBroadcastStream(b.id, s.streamId) }
        opentok.removeBroadcastStream(b.id, s.streamId)
        assertTrue(opentok.getBroadcast(b.id).streams.isEmpty())
        status<NotFoundException>(404) { opentok.removeBroadcastStream("no-such-broadcast", s.streamId) }

        val stopped = opentok.stopBroadcast(b.id)
        assertEquals("stopped", stopped.status)
        status<ConflictException>(409) { opentok.stopBroadcast(b.id) }
    }

    // ---- streams and moderation ----

    @Test
    fun `streams get, list and class lists`() {
        val s = live()
        val stream = opentok.getStream(s.sessionId, s.streamId)
        assertEquals(s.streamId, stream.id)
        assertEquals("cam", stream.name)
        status<NotFoundException>(404) { opentok.getStream(s.sessionId, "no-such-stream") }

        val second = emulator.publish(s.sessionId, s.connectionId, "screen")
        val list = opentok.listStreams(s.sessionId)
        assertEquals(setOf(s.streamId, second), list.map { it.id }.toSet())
        assertEquals(2, list.getTotalCount())
        invalid("sessionId") { opentok.listStreams("") }

        opentok.setStreamLayouts(
            s.sessionId,
            StreamListProperties.Builder()
                .addStreamProperties(StreamProperties.Builder().id(s.streamId).addLayoutClass("full").addLayoutClass("focus").build())
                .addStreamProperties(StreamProperties.Builder().id(second).build())
                .build(),
        )
        assertEquals(listOf("full", "focus"), opentok.getStream(s.sessionId, s.streamId).layoutClassList)
        assertEquals(emptyList(), opentok.getStream(s.sessionId, second).layoutClassList)
        status<NotFoundException>(404) {
            opentok.setStreamLayouts(s.sessionId, StreamListProperties.Builder().addStreamProperties(StreamProperties.Builder().id("nope").build()).build())
        }
        assertFailsWith<InvalidArgumentException> { opentok.setStreamLayouts(s.sessionId, StreamListProperties.Builder().build()) }
    }

    @Test
    fun `force mute one, mute all with exclusions, disable, force disconnect`() {
        val s = live()
        val other = emulator.publish(s.sessionId, s.connectionId, "other")
        opentok.forceMuteStream(s.sessionId, s.streamId)
        assertEquals(mapOf(s.streamId to true, other to false), muted(s.sessionId))
        status<NotFoundException>(404) { opentok.forceMuteStream(s.sessionId, "no-such-stream") }

        opentok.forceMuteAll(s.sessionId, MuteAllProperties.Builder().excludedStreamIds(listOf(s.streamId)).build())
        assertEquals(true, muted(s.sessionId)[other])
        val later = emulator.publish(s.sessionId, s.connectionId, "later")
        assertEquals(true, muted(s.sessionId)[later], "streams published during mute-all start muted")
        status<NotFoundException>(404) { opentok.forceMuteAll("1_bogus", MuteAllProperties.Builder().build()) }

        opentok.disableForceMute(s.sessionId)
        val after = emulator.publish(s.sessionId, s.connectionId, "after")
        assertEquals(false, muted(s.sessionId)[after])
        status<NotFoundException>(404) { opentok.disableForceMute(foreignFreeSession()) }

        opentok.forceDisconnect(s.sessionId, s.connectionId)
        assertTrue(emulator.connections(s.sessionId).none { it["connectionId"].asString == s.connectionId })
        status<NotFoundException>(404) { opentok.forceDisconnect(s.sessionId, s.connectionId) }
    }

    private fun muted(sessionId: String): Map<String, Boolean> =
        emulator.streams(sessionId).associate { it["id"].asString to it["forceMuted"].asBoolean }

    /** A well-formed id of this project for a session the emulator never created. */
    private fun foreignFreeSession(): String {
        val real = opentok.createSession().sessionId
        val decoded = String(java.util.Base64.getUrlDecoder().decode(real.removePrefix("1_").padEnd((real.length - 2 + 3) / 4 * 4, '=')))
        val fields = decoded.split("~").toMutableList()
        fields[4] = "0.0000000000000000"
        return "1_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(fields.joinToString("~").toByteArray())
    }

    // ---- signals and connections ----

    @Test
    fun `signals reach the session and one connection, 413 over 8 kB, 404 for unknown connections`() {
        val s = live()
        val second = emulator.connectNew(opentok, s.sessionId)
        opentok.signal(s.sessionId, SignalProperties.Builder().type("chat").data("hello all").build())
        opentok.signal(s.sessionId, second, SignalProperties.Builder().type("dm").data("just you").build())
        assertEquals(listOf("hello all"), emulator.signals(s.sessionId, s.connectionId).map { it["data"].asString })
        assertEquals(listOf("hello all", "just you"), emulator.signals(s.sessionId, second).map { it["data"].asString })

        val big = status<PayloadTooLargeException>(413) {
            opentok.signal(s.sessionId, SignalProperties.Builder().type("big").data("x".repeat(9000)).build())
        }
        assertEquals("payload_too_large", big.kind)
        status<NotFoundException>(404) { opentok.signal(s.sessionId, "no-such-connection", SignalProperties.Builder().data("x").build()) }
        invalid("type") { opentok.signal(s.sessionId, SignalProperties.Builder().type("bad type!").data("x").build()) }
    }

    @Test
    fun `list connections`() {
        val s = live()
        val second = emulator.connectNew(opentok, s.sessionId)
        val list = opentok.listConnections(s.sessionId)
        assertEquals(setOf(s.connectionId, second), list.map { it.connectionId }.toSet())
        assertEquals(2, list.getTotalCount())
        assertEquals(s.sessionId, list.sessionId)
        status<NotFoundException>(404) { opentok.listConnections("1_not-a-session") }
    }

    // ---- SIP ----

    @Test
    fun `SIP dial joins a connection, DTMF to session and connection`() {
        val s = live()
        val token = opentok.generateToken(s.sessionId)
        val sip = opentok.dial(
            s.sessionId, token,
            SipProperties.Builder().sipUri("sip:user@sip.example.com;transport=tls").from("from@example.com")
                .headersJsonStartingWithXDash("""{"X-Room": "42"}""").userName("bob").password("s3cret-pass")
                .secure(true).video(false).observeForceMute(true).build(),
        )
        assertTrue(sip.id.isNotEmpty())
        assertTrue(opentok.listConnections(s.sessionId).any { it.connectionId == sip.connectionId })
        invalid("sip.uri") { opentok.dial(s.sessionId, token, SipProperties.Builder().sipUri("http://example.com").build()) }
        val relayed = opentok.createSession().sessionId
        status<ConflictException>(409) {
            opentok.dial(relayed, opentok.generateToken(relayed), SipProperties.Builder().sipUri("sip:a@b.c").build())
        }
        assertFalse(SipProperties.Builder().sipUri("sip:a@b.c").userName("u").password("s3cret-pass").build().toString().contains("s3cret-pass"))

        opentok.playDTMF(s.sessionId, "1234#")
        opentok.playDTMF(s.sessionId, sip.connectionId, "5p6")
        assertEquals(2, emulator.dtmf(s.sessionId).size)
        invalid("digits") { opentok.playDTMF(s.sessionId, "12a") }
        status<NotFoundException>(404) { opentok.playDTMF(s.sessionId, "no-such-connection", "1") }
    }

    // ---- captions ----

    @Test
    fun `captions start, status, stop, moderator token required, one at a time`() {
        val s = live()
        val token = moderatorToken(s.sessionId)
        val caption = opentok.startCaptions(s.sessionId, token, CaptionProperties.Builder().languageCode("en-US").maxDuration(1800).partialCaptions(true).build())
        assertTrue(caption.captionsId.isNotEmpty())
        assertEquals("started", opentok.getCaptions(caption.captionsId).status)
        status<ConflictException>(409) { opentok.startCaptions(s.sessionId, token) }
        status<AuthenticationException>(403) { opentok.startCaptions(live().sessionId, opentok.generateToken(s.sessionId)) }
        invalid("languageCode") { opentok.startCaptions(s.sessionId, token, CaptionProperties.Builder().languageCode("english").build()) }

        stopsThenUnknown(caption.captionsId, "no-such-captions", opentok::stopCaptions) { opentok.getCaptions(it).status }
    }

    // ---- renders ----

    @Test
    fun `renders start, get, list, stop`() {
        val s = live()
        val token = opentok.generateToken(s.sessionId)
        val render = opentok.startRender(
            s.sessionId, token,
            RenderProperties.Builder().url("https://example.com/composer").maxDuration(1800).resolution("1280x720").name("composer").build(),
        )
        assertEquals("starting", render.status)
        val started = opentok.getRender(render.id)
        assertEquals("started", started.status)
        assertNotNull(started.streamId)
        assertTrue(opentok.listRenders().any { it.id == render.id })
        assertTrue(opentok.listRenders(0, 1000).getTotalCount() >= 1)
        invalid("count") { opentok.listRenders(0, 1001) }
        invalid("url") { opentok.startRender(s.sessionId, token, RenderProperties.Builder().url("ftp://example.com/x").build()) }

        stopsThenUnknown(render.id, "no-such-render", opentok::stopRender) { opentok.getRender(it).status }
    }

    // ---- Audio Connector ----

    @Test
    fun `audio connector connects and stops`() {
        val s = live()
        val token = opentok.generateToken(s.sessionId)
        val ac = opentok.connectAudioStream(
            s.sessionId, token,
            AudioConnectorProperties.Builder("wss://ws.example.com/audio").streams(listOf(s.streamId)).headers(mapOf("X-Call" to "7"))
                .audioRate(16000).bidirectional(true).audioTransport(mapOf("transport" to "websocket", "encoding" to "linear16")).build(),
        )
        assertTrue(opentok.listConnections(s.sessionId).any { it.connectionId == ac.connectionId })
        val asked = emulator.audioConnector(ac.id)
        assertEquals("wss://ws.example.com/audio", asked["uri"].asString)
        assertEquals(16000, asked["audioRate"].asInt)
        assertEquals("7", asked["headers"].asJsonObject["X-Call"].asString)
        assertEquals(listOf(s.streamId), asked["streams"].asJsonArray.map { it.asString })
        assertTrue(asked["audioTransport"].isJsonObject, "audioTransport is sent as an object: $asked")
        assertEquals("linear16", asked["audioTransport"].asJsonObject["encoding"].asString)
        invalid("websocket.uri") { opentok.connectAudioStream(s.sessionId, token, AudioConnectorProperties.Builder("http://x.example.com").build()) }
        invalid("websocket.audioRate") {
            opentok.connectAudioStream(s.sessionId, token, AudioConnectorProperties.Builder("ws://x.example.com").audioRate(44100).build())
        }
        opentok.stopAudioConnector(ac.id)
        assertFalse(opentok.listConnections(s.sessionId).any { it.connectionId == ac.connectionId })
        status<NotFoundException>(404) { opentok.stopAudioConnector("no-such-connector") }
    }

    // ---- callbacks ----

    @Test
    fun `callbacks register, list, delete`() {
        val cb = opentok.registerCallback("stream", "streamCreated", "https://example.com/hooks/streams")
        assertEquals("streamCreated", cb.event)
        assertTrue(opentok.listCallbacks().any { it.id == cb.id })
        invalid("event") { opentok.registerCallback("stream", "connectionCreated", "https://example.com/hooks") }
        opentok.deleteCallback(cb.id)
        assertFalse(opentok.listCallbacks().any { it.id == cb.id })
        status<NotFoundException>(404) { opentok.deleteCallback(cb.id) }
    }

    // ---- what the core decides ----

    @Test
    fun `a placeholder session id is sent and the service's 404 comes back with its status`() {
        val sid = "SESSIONID"
        val calls: List<Pair<String, () -> Unit>> = listOf(
            "startArchive" to { opentok.startArchive(sid) },
            "startBroadcast" to { opentok.startBroadcast(sid, BroadcastProperties.Builder().addHlsProperties(Hls.Builder().build()).build()) },
            "listStreams" to { opentok.listStreams(sid) },
            "getStream" to { opentok.getStream(sid, "s1") },
            "listConnections" to { opentok.listConnections(sid) },
            "signal" to { opentok.signal(sid, SignalProperties.Builder().type("t").data("x").build()) },
            "forceMuteAll" to { opentok.forceMuteAll(sid, MuteAllProperties.Builder().build()) },
            "playDTMF" to { opentok.playDTMF(sid, "1") },
        )
        for ((name, call) in calls) {
            val e = assertFailsWith<RequestException>(name) { call() }
            assertEquals(404, e.status, "$name: ${e.message}")
            assertEquals("not_found", e.kind, name)
            assertTrue(e is NotFoundException, "$name: ${e.javaClass}")
        }
        val suspended = assertFailsWith<NotFoundException> { runBlocking { opentok.listStreamsAsync(sid) } }
        assertEquals(404, suspended.status)
        // Only an empty id is refused before sending.
        invalid("sessionId") { opentok.listStreams(" ") }
    }

    @Test
    fun `archive, broadcast and render values are the core's records`() {
        val s = live()
        // The emulator sends archives with both partnerId and projectId; broadcasts and renders
        // with projectId only: the core fills the alias, the facade shows it.
        val archive = opentok.startArchive(s.sessionId, ArchiveProperties.Builder().name("values").build())
        assertEquals(Emulator.API_KEY, archive.partnerId)
        assertEquals(Emulator.API_KEY, archive.projectId)
        assertTrue(archive.hasAudio)
        assertTrue(archive.hasVideo)
        val audioOnly = opentok.startArchive(s.sessionId, ArchiveProperties.Builder().multiArchiveTag("audio-only").hasVideo(false).build())
        assertTrue(audioOnly.hasAudio)
        assertFalse(audioOnly.hasVideo)
        opentok.stopArchive(audioOnly.id)
        opentok.stopArchive(archive.id)

        val b = opentok.startBroadcast(s.sessionId, BroadcastProperties.Builder().addHlsProperties(Hls.Builder().build()).build())
        assertEquals(Emulator.API_KEY, b.projectId)
        assertEquals(Emulator.API_KEY, b.partnerId, "partnerId from projectId, filled by the core")
        assertTrue(b.hasAudio)
        assertTrue(b.hasVideo)
        val page = opentok.listBroadcasts(s.sessionId)
        assertEquals(page.size, page.getTotalCount())
        opentok.stopBroadcast(b.id)

        val render = opentok.startRender(s.sessionId, opentok.generateToken(s.sessionId), RenderProperties.Builder().url("https://example.com/values-page").build())
        assertEquals(Emulator.API_KEY, render.projectId)
        assertEquals(Emulator.API_KEY, render.applicationId, "applicationId from projectId, filled by the core")
        opentok.stopRender(render.id)
    }

    // ---- faults the emulator cannot produce ----

    @Test
    fun `a REST call on a silent server times out (blocking) and a cancelled suspend call returns promptly`() {
        SilentServer().use { silent ->
            OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(silent.url)
                .requestTimeout(java.time.Duration.ofMillis(300)).maxRetries(0).build().use { client ->
                    val e = assertFailsWith<RequestTimeoutException> { client.getArchive("a1") }
                    assertEquals("timeout", e.kind)
                }
            OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(silent.url).maxRetries(0).build().use { client ->
                val started = System.nanoTime()
                assertNull(runBlocking { withTimeoutOrNull(300) { client.listArchivesAsync() } })
                assertTrue(System.nanoTime() - started < 5_000_000_000L)
            }
        }
    }

    // ---- suspend twins ----

    @Test
    fun `every other suspend twin against the emulator`() = runBlocking {
        val s = live()
        val token = moderatorToken(s.sessionId)
        val manual = opentok.startArchiveAsync(s.sessionId, ArchiveProperties.Builder().streamMode(Archive.StreamMode.MANUAL).build())
        opentok.setArchiveLayoutAsync(manual.id, ArchiveLayout(ArchiveLayout.Type.PIP))
        opentok.addArchiveStreamAsync(manual.id, s.streamId)
        opentok.removeArchiveStreamAsync(manual.id, s.streamId)
        opentok.stopArchiveAsync(manual.id)

        val b = opentok.startBroadcastAsync(
            s.sessionId,
            BroadcastProperties.Builder().addHlsProperties(Hls.Builder().build()).streamMode(Archive.StreamMode.MANUAL).build(),
        )
        assertEquals(b.id, opentok.getBroadcastAsync(b.id).id)
        assertEquals(listOf(b.id), opentok.listBroadcastsAsync(s.sessionId).map { it.id })
        opentok.setBroadcastLayoutAsync(b.id, BroadcastLayout(ArchiveLayout.Type.BESTFIT))
        opentok.addBroadcastStreamAsync(b.id, s.streamId, hasVideo = false)
        opentok.removeBroadcastStreamAsync(b.id, s.streamId)
        assertEquals("stopped", opentok.stopBroadcastAsync(b.id).status)

        opentok.setStreamLayoutsAsync(
            s.sessionId,
            StreamListProperties.Builder().addStreamProperties(StreamProperties.Builder().id(s.streamId).addLayoutClass("async").build()).build(),
        )
        assertEquals(listOf("async"), opentok.getStreamAsync(s.sessionId, s.streamId).layoutClassList)
        opentok.forceMuteAllAsync(s.sessionId, MuteAllProperties.Builder().build())
        assertEquals(true, muted(s.sessionId)[s.streamId])
        opentok.disableForceMuteAsync(s.sessionId)

        val sip = opentok.dialAsync(s.sessionId, token, SipProperties.Builder().sipUri("sip:async@example.com").build())
        opentok.playDTMFAsync(s.sessionId, null, "1")
        opentok.playDTMFAsync(s.sessionId, sip.connectionId, "2")
        assertEquals(2, emulator.dtmf(s.sessionId).size)

        val caption = opentok.startCaptionsAsync(s.sessionId, token)
        assertEquals("started", opentok.getCaptionsAsync(caption.captionsId).status)
        opentok.stopCaptionsAsync(caption.captionsId)

        val render = opentok.startRenderAsync(s.sessionId, token, RenderProperties.Builder().url("https://example.com/async-page").build())
        assertEquals(render.id, opentok.getRenderAsync(render.id).id)
        assertTrue(opentok.listRendersAsync().any { it.id == render.id })
        opentok.stopRenderAsync(render.id)

        val ac = opentok.connectAudioStreamAsync(s.sessionId, token, AudioConnectorProperties.Builder("ws://example.com/async").build())
        opentok.stopAudioConnectorAsync(ac.id)

        val cb = opentok.registerCallbackAsync("connection", "connectionCreated", "https://example.com/async-hook")
        assertTrue(opentok.listCallbacksAsync().any { it.id == cb.id })
        opentok.deleteCallbackAsync(cb.id)

        opentok.forceDisconnectAsync(s.sessionId, s.connectionId)
        assertFailsWith<NotFoundException> { opentok.forceDisconnectAsync(s.sessionId, s.connectionId) }
        Unit
    }

    @Test
    fun `suspend twins run the same operations without blocking`() = runBlocking {
        val s = live()
        val a = opentok.startArchiveAsync(s.sessionId, ArchiveProperties.Builder().name("async").build())
        val reads = (1..10).map { async { opentok.getArchiveAsync(a.id) } }.awaitAll()
        assertTrue(reads.all { it.id == a.id })
        assertFailsWith<ConflictException> { opentok.startArchiveAsync(s.sessionId) }
        opentok.signalAsync(s.sessionId, s.connectionId, SignalProperties.Builder().type("t").data("async").build())
        assertEquals("async", emulator.signals(s.sessionId, s.connectionId).single()["data"].asString)
        assertEquals(1, opentok.listStreamsAsync(s.sessionId).size)
        assertEquals(1, opentok.listConnectionsAsync(s.sessionId).size)
        opentok.forceMuteStreamAsync(s.sessionId, s.streamId)
        assertEquals(Archive.Status.STOPPED, opentok.stopArchiveAsync(a.id).status)
        assertEquals(listOf(a.id), opentok.listArchivesAsync(s.sessionId).map { it.id })
        opentok.deleteArchiveAsync(a.id)
        val e = assertFailsWith<NotFoundException> { opentok.getStreamAsync(s.sessionId, "nope") }
        assertEquals(404, e.status)
        val caught: OpenTokException = assertFailsWith<InvalidArgumentException> { opentok.listRendersAsync(count = 0) }
        assertContains(caught.message!!, "count")
    }

    // ---- CompletableFuture twins (the Java-facing async API, driven from Kotlin) ----

    @Test
    fun `every future twin completes against the emulator, and fails with the same exceptions`() {
        val s = live()
        val token = moderatorToken(s.sessionId)
        fun <T> CompletableFuture<T>.done(): T = get(10, TimeUnit.SECONDS)

        val a = opentok.startArchiveFuture(s.sessionId, ArchiveProperties.Builder().streamMode(Archive.StreamMode.MANUAL).build()).done()
        assertEquals(a.id, opentok.getArchiveFuture(a.id).done().id)
        opentok.setArchiveLayoutFuture(a.id, ArchiveLayout(ArchiveLayout.Type.PIP)).done()
        opentok.addArchiveStreamFuture(a.id, s.streamId).done()
        opentok.removeArchiveStreamFuture(a.id, s.streamId).done()
        assertEquals(Archive.Status.STOPPED, opentok.stopArchiveFuture(a.id).done().status)
        assertEquals(listOf(a.id), opentok.listArchivesFuture(s.sessionId).done().map { it.id })
        opentok.deleteArchiveFuture(a.id).done()

        val b = opentok.startBroadcastFuture(
            s.sessionId,
            BroadcastProperties.Builder().addHlsProperties(Hls.Builder().build()).streamMode(Archive.StreamMode.MANUAL).build(),
        ).done()
        assertEquals(b.id, opentok.getBroadcastFuture(b.id).done().id)
        assertEquals(listOf(b.id), opentok.listBroadcastsFuture(s.sessionId).done().map { it.id })
        opentok.setBroadcastLayoutFuture(b.id, BroadcastLayout(ArchiveLayout.Type.BESTFIT)).done()
        opentok.addBroadcastStreamFuture(b.id, s.streamId, true, false).done()
        opentok.removeBroadcastStreamFuture(b.id, s.streamId).done()
        assertEquals("stopped", opentok.stopBroadcastFuture(b.id).done().status)

        opentok.setStreamLayoutsFuture(
            s.sessionId,
            StreamListProperties.Builder().addStreamProperties(StreamProperties.Builder().id(s.streamId).addLayoutClass("future").build()).build(),
        ).done()
        assertEquals(listOf("future"), opentok.getStreamFuture(s.sessionId, s.streamId).done().layoutClassList)
        assertEquals(1, opentok.listStreamsFuture(s.sessionId).done().size)
        opentok.forceMuteStreamFuture(s.sessionId, s.streamId).done()
        opentok.forceMuteAllFuture(s.sessionId, MuteAllProperties.Builder().build()).done()
        opentok.disableForceMuteFuture(s.sessionId).done()
        opentok.signalFuture(s.sessionId, s.connectionId, SignalProperties.Builder().type("t").data("future").build()).done()
        assertEquals("future", emulator.signals(s.sessionId, s.connectionId).single()["data"].asString)

        val sip = opentok.dialFuture(s.sessionId, token, SipProperties.Builder().sipUri("sip:future@example.com").build()).done()
        opentok.playDTMFFuture(s.sessionId, null, "1").done()
        opentok.playDTMFFuture(s.sessionId, sip.connectionId, "2").done()
        assertEquals(2, emulator.dtmf(s.sessionId).size)
        assertTrue(opentok.listConnectionsFuture(s.sessionId).done().any { it.connectionId == sip.connectionId })

        val caption = opentok.startCaptionsFuture(s.sessionId, token).done()
        assertEquals("started", opentok.getCaptionsFuture(caption.captionsId).done().status)
        opentok.stopCaptionsFuture(caption.captionsId).done()

        val render = opentok.startRenderFuture(s.sessionId, token, RenderProperties.Builder().url("https://example.com/future-page").build()).done()
        assertEquals(render.id, opentok.getRenderFuture(render.id).done().id)
        assertTrue(opentok.listRendersFuture().done().any { it.id == render.id })
        opentok.stopRenderFuture(render.id).done()

        val ac = opentok.connectAudioStreamFuture(s.sessionId, token, AudioConnectorProperties.Builder("ws://example.com/future").build()).done()
        opentok.stopAudioConnectorFuture(ac.id).done()

        val cb = opentok.registerCallbackFuture("connection", "connectionCreated", "https://example.com/future-hook").done()
        assertTrue(opentok.listCallbacksFuture().done().any { it.id == cb.id })
        opentok.deleteCallbackFuture(cb.id).done()

        opentok.forceDisconnectFuture(s.sessionId, s.connectionId).done()
        // failures complete the future exceptionally with the blocking call's exception class
        val gone = assertFailsWith<ExecutionException> { opentok.forceDisconnectFuture(s.sessionId, s.connectionId).done() }
        assertEquals(404, (gone.cause as NotFoundException).status)
        val badCount = assertFailsWith<ExecutionException> { opentok.listArchivesFuture(null, 0, 0).done() }
        assertEquals("count", (badCount.cause as InvalidArgumentException).field)
        val noId = assertFailsWith<ExecutionException> { opentok.getArchiveFuture(null).done() }
        assertEquals("archiveId", (noId.cause as InvalidArgumentException).field)
    }
}
