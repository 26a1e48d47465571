package com.opentok

import com.opentok.exception.AuthenticationException
import com.opentok.exception.InvalidArgumentException
import com.opentok.ffi.Client
import com.opentok.ffi.SessionInfo
import com.opentok.testing.Emulator
import com.sun.net.httpserver.HttpServer
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.net.InetSocketAddress
import java.util.concurrent.atomic.AtomicInteger
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertNotEquals
import kotlin.test.assertTrue

/**
 * The direct-mapped createSession path (SessionFast, bindings/src/session_fast.rs) against the
 * uniffi path it stands in for: the same answers, the same typed errors, one request per call.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionFastTest {
    private lateinit var emulator: Emulator
    private lateinit var opentok: OpenTok

    @BeforeAll
    fun start() {
        emulator = Emulator.start()
        opentok = OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(emulator.url).build()
    }

    @AfterAll
    fun stop() {
        opentok.close()
        emulator.close()
    }

    /** The uniffi client inside [opentok], to call the path the fast one replaces. */
    private fun uniffiClient(): Client =
        OpenTok::class.java.getDeclaredField("client").apply { isAccessible = true }.get(opentok) as Client

    private fun comparable(info: SessionInfo) = info.copy(sessionId = "", createDt = null)

    @Test
    fun `the direct-mapped path is bound, so createSession takes it`() {
        assertTrue(SessionFast.available, "SessionFast could not bind opentok_uniffi_create_session_fast")
    }

    @Test
    fun `every property combination answers as the uniffi path does`() {
        val cases = listOf(
            SessionProperties.Builder().build(),
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build(),
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).archiveName("é-名前")
                .archiveResolution(Resolution.HD_HORIZONTAL).location("12.34.56.78").build(),
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).endToEndEncryption(true).build(),
        )
        for (props in cases) {
            val fast = opentok.createSession(props)
            val slow = uniffiClient().createSessionBlocking(props.toSpec())
            assertNotEquals(fast.sessionId, slow.sessionId)
            assertTrue(fast.sessionId.startsWith("1_"), fast.sessionId)
            assertEquals(props.toString(), fast.properties.toString())
            val fastInfo = SessionFast.create(
                OpenTok::class.java.getDeclaredField("tokenHandle").apply { isAccessible = true }.getLong(opentok),
                props.toSpec(),
            )
            assertEquals(comparable(slow), comparable(fastInfo), "for $props")
        }
    }

    @Test
    fun `a refused option is the uniffi path's typed error, naming the field`() {
        val e = assertFailsWith<InvalidArgumentException> {
            opentok.createSession(SessionProperties.Builder().location("not-an-ip").unchecked())
        }
        assertEquals("location", e.field)
    }

    @Test
    fun `the builder's direct-mapped check refuses what checkSessionSpec refuses, with the same error`() {
        val builders = listOf(
            SessionProperties.Builder().archiveMode(ArchiveMode.ALWAYS),
            SessionProperties.Builder().endToEndEncryption(),
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).endToEndEncryption(),
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveName("no automatic archives"),
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).archiveName("x".repeat(81)),
        )
        for (b in builders) {
            val spec = b.unchecked().toSpec().copy(location = null)
            val slow = assertFailsWith<InvalidArgumentException>("uniffi check of $spec") {
                com.opentok.exception.native { com.opentok.ffi.checkSessionSpec(spec) }
            }
            val fast = assertFailsWith<InvalidArgumentException>("fast check of $spec") { SessionFast.check(spec) }
            assertEquals(slow.field, fast.field, "field for $spec")
            assertEquals(slow.message, fast.message, "message for $spec")
            val built = assertFailsWith<IllegalStateException> { b.build() }
            assertEquals(fast.message, built.message)
        }
        // a lone surrogate: named by field here (uniffi's string conversion cannot name it)
        val surrogate = SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).archiveName("bad \uD800 name")
        assertEquals("archive_name", assertFailsWith<InvalidArgumentException> { SessionFast.check(surrogate.unchecked().toSpec()) }.field)
        assertFailsWith<IllegalStateException> { surrogate.build() }
        // valid combinations pass both
        SessionFast.check(SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).archiveName("a").unchecked().toSpec())
        SessionProperties.Builder().mediaMode(MediaMode.ROUTED).endToEndEncryption().build()
    }

    @Test
    fun `a lone surrogate in the archive name is refused by name, not sent as a question mark`() {
        val props = SessionProperties.Builder().mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS)
            .archiveName("bad \uD800 name").unchecked()
        val e = assertFailsWith<InvalidArgumentException> { opentok.createSession(props) }
        assertEquals("archive_name", e.field)
    }

    @Test
    fun `an error answer is sent once and raised as the uniffi path raises it`() {
        val requests = AtomicInteger()
        val server = HttpServer.create(InetSocketAddress("127.0.0.1", 0), 0)
        server.createContext("/") { ex ->
            requests.incrementAndGet()
            val body = """{"code":403,"message":"Invalid credentials"}""".toByteArray()
            ex.responseHeaders.add("Content-Type", "application/json")
            ex.sendResponseHeaders(403, body.size.toLong())
            ex.responseBody.use { it.write(body) }
        }
        server.start()
        try {
            OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl("http://127.0.0.1:${server.address.port}").build().use { ot ->
                val e = assertFailsWith<AuthenticationException> { ot.createSession() }
                assertEquals(403, e.status)
                assertContains(e.message!!, "403")
                assertEquals(1, requests.get(), "one request per createSession")
                // the error was taken: the next successful-looking state does not carry it over
                assertFailsWith<AuthenticationException> { ot.createSession() }
                assertEquals(2, requests.get())
            }
        } finally {
            server.stop(0)
        }
    }
}
