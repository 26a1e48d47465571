package com.opentok

import com.google.gson.JsonObject
import com.google.gson.JsonParser
import com.opentok.exception.AuthenticationException
import com.opentok.exception.ConnectionException
import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.InvalidTokenException
import com.opentok.exception.OpenTokException
import com.opentok.exception.RequestException
import com.opentok.exception.RequestTimeoutException
import com.opentok.testing.Emulator
import com.opentok.testing.SilentServer
import com.opentok.testing.Vectors
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.TestInstance
import java.time.Duration
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertIs
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertNotNull
import kotlin.test.assertNull
import kotlin.test.assertTrue

/** The Kotlin API against a real emulator process: sessions, rules, tokens, vectors, errors, timeouts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenTokKotlinTest {
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

    private fun routed() = SessionProperties.Builder().mediaMode(MediaMode.ROUTED)

    // ---- sessions ----

    @Test
    fun `default session is relayed and manual and admits a publisher`() {
        val session = opentok.createSession()
        assertTrue(session.sessionId.startsWith("1_"), session.sessionId)
        assertEquals(MediaMode.RELAYED, session.properties.mediaMode)
        assertEquals(ArchiveMode.MANUAL, session.properties.archiveMode)
        assertEquals(Emulator.API_KEY, session.apiKey)
        val c = emulator.connect(session.sessionId, session.generateToken())
        assertEquals(201, c.status, c.body.toString())
        assertEquals("publisher", c.body["role"].asString)
    }

    @Test
    fun `routed always-archived session keeps location, name and resolution`() {
        val props = routed().archiveMode(ArchiveMode.ALWAYS).location("12.34.56.78")
            .archiveName("standup").archiveResolution(Resolution.HD_HORIZONTAL).build()
        val session = opentok.createSession(props)
        assertEquals(MediaMode.ROUTED, session.properties.mediaMode)
        assertEquals(ArchiveMode.ALWAYS, session.properties.archiveMode)
        assertEquals("12.34.56.78", session.properties.location)
        assertEquals("standup", session.properties.archiveName)
        assertEquals(Resolution.HD_HORIZONTAL, session.properties.archiveResolution)
        assertEquals("disabled", MediaMode.ROUTED.toString(), "official p2p.preference spelling")
    }

    @Test
    fun `e2ee routed session`() {
        val session = opentok.createSession(routed().endToEndEncryption().build())
        assertTrue(session.properties.isEndToEndEncrypted)
    }

    @Test
    fun `session rules come from the core and name the field`() {
        // As in the official SDK, build() refuses invalid combinations with IllegalStateException;
        // the rules are the core's and its InvalidArgumentException, naming the field, is the cause.
        fun refused(builder: SessionProperties.Builder): InvalidArgumentException {
            val e = assertFailsWith<IllegalStateException> { builder.build() }
            val cause = assertIs<InvalidArgumentException>(e.cause)
            assertEquals("invalid_argument", cause.kind)
            assertNull(cause.status)
            assertEquals(cause.message, e.message)
            return cause
        }
        assertContains(refused(SessionProperties.Builder().archiveMode(ArchiveMode.ALWAYS)).message!!, "archiveMode")
        assertEquals("e2ee", refused(SessionProperties.Builder().endToEndEncryption()).field)
        assertEquals("e2ee", refused(routed().archiveMode(ArchiveMode.ALWAYS).endToEndEncryption()).field)
        assertEquals("archiveName", refused(routed().archiveMode(ArchiveMode.ALWAYS).archiveName("x".repeat(81))).field)
        assertEquals("archiveName", refused(routed().archiveName("manual-mode-name")).field)
        assertEquals("archiveResolution", refused(routed().archiveResolution(Resolution.HD_VERTICAL)).field)

        // The location is the core's to check when the session is created (build() does not, as in the official SDK).
        val badLocation = assertFailsWith<InvalidArgumentException> {
            opentok.createSession(SessionProperties.Builder().location("not-an-ip").build())
        }
        assertEquals("location", badLocation.field)
        assertContains(badLocation.message!!, "not-an-ip")
    }

    @Test
    fun `enum parsing is the core's`() {
        assertEquals(MediaMode.ROUTED, MediaMode.fromString("Disabled"))
        assertEquals(ArchiveMode.ALWAYS, ArchiveMode.fromString("ALWAYS"))
        assertEquals(Resolution.FHD_VERTICAL, Resolution.fromString("1080x1920"))
        assertEquals(Role.PUBLISHER_ONLY, Role.fromString("PublisherOnly"))
        val e = assertFailsWith<InvalidArgumentException> { Role.fromString("admin") }
        assertEquals("role", e.field)
        assertFailsWith<InvalidArgumentException> { MediaMode.fromString("sideways") }
    }

    @Test
    fun `suspend createSession runs concurrently`() = runBlocking {
        val sessions = (1..20).map { i ->
            async { opentok.createSessionAsync(routed().location("10.0.0.$i").build()) }
        }.awaitAll()
        assertEquals(20, sessions.map { it.sessionId }.toSet().size)
        assertEquals((1..20).map { "10.0.0.$it" }, sessions.map { it.properties.location })
    }

    @Test
    fun `seed API createSession(location, properties)`() {
        OpenTokSDK(Emulator.API_KEY, Emulator.API_SECRET, emulator.url).use { sdk ->
            val s = sdk.createSession("12.34.56.78", mapOf("p2p.preference" to "disabled"))
            assertEquals("routed", s.mediaMode)
            assertEquals("12.34.56.78", s.location)
            assertTrue(s.sessionId.startsWith("1_"))
            val e = assertFailsWith<InvalidArgumentException> {
                sdk.createSession(null, mapOf("p2p.preference" to "sometimes"))
            }
            assertContains(e.message!!, "p2p.preference")
            val async = runBlocking { sdk.createSessionAsync() }
            assertEquals("relayed", async.mediaMode)
        }
    }

    // ---- tokens ----

    @Test
    fun `token options reach the emulator`() {
        val session = opentok.createSession(routed().build())
        val token = opentok.generateToken(
            session.sessionId,
            TokenOptions.Builder().role(Role.MODERATOR).data("name=Johnny")
                .initialLayoutClassList(listOf("focus", "small")).expiresIn(Duration.ofHours(1)).build(),
        )
        val c = emulator.connect(session.sessionId, token)
        assertEquals(201, c.status, c.body.toString())
        assertEquals("moderator", c.body["role"].asString)
        assertEquals("name=Johnny", c.body["data"].asString)

        val decoded = Tokens.verify(token, Emulator.API_SECRET)
        assertEquals("JWT", decoded.format)
        assertEquals("focus small", decoded.initialLayoutClassList)
        assertEquals(3600L, decoded.expiresAt!! - decoded.issuedAt!!)
    }

    @Test
    fun `legacy T1 token is accepted by the emulator`() {
        val session = opentok.createSession()
        val token = session.generateToken(TokenOptions.Builder().role(Role.SUBSCRIBER).useLegacyT1Token().build())
        assertTrue(token.startsWith("T1=="))
        val c = emulator.connect(session.sessionId, token)
        assertEquals(201, c.status, c.body.toString())
        assertEquals("subscriber", c.body["role"].asString)
    }

    @Test
    fun `token for another session is refused by the emulator, verification catches tampering`() {
        val a = opentok.createSession()
        val b = opentok.createSession()
        val c = emulator.connect(b.sessionId, a.generateToken())
        assertEquals(403, c.status)
        val token = a.generateToken()
        assertFailsWith<InvalidTokenException> { Tokens.verify(token, "another-secret-0000000000000000000000000") }
        assertContains(Tokens.explain(token, Emulator.API_SECRET), "valid")
    }

    @Test
    fun `token limits are the core's`() {
        val session = opentok.createSession()
        val data = assertFailsWith<InvalidArgumentException> {
            session.generateToken(TokenOptions.Builder().data("x".repeat(1001)).build())
        }
        assertEquals("data", data.field)
        val past = assertFailsWith<InvalidArgumentException> {
            session.generateToken(TokenOptions.Builder().expireTime(1_000_000_000L).build())
        }
        assertEquals("expire_time", past.field)
        assertFailsWith<InvalidArgumentException> {
            session.generateToken(TokenOptions.Builder().expiresIn(Duration.ofDays(31)).build())
        }
        assertFailsWith<InvalidArgumentException> {
            session.generateToken(TokenOptions.Builder().expiresIn(Duration.ofSeconds(-5)).build())
        }
        assertFailsWith<InvalidArgumentException> { opentok.generateToken("NOT A REAL SESSIONID") }
    }

    private fun vectorClient(input: JsonObject): OpenTok {
        val b = OpenTok.Builder(input["api_key"].asString, input["api_secret"]?.asString ?: Vectors.doc["api_secret"].asString)
            .fixedClockForTesting(input["now"].asLong)
        input["nonce"]?.let { b.fixedNonceForTesting(it.asInt) }
        return b.build()
    }

    private fun vectorOptions(name: String, input: JsonObject): TokenOptions.Builder {
        val b = TokenOptions.Builder()
        val role = input["role"]?.asString ?: if (name.startsWith("role_")) "admin" else null
        role?.let { b.role(Role.fromString(it)) }
        input["expire_time"]?.asJsonPrimitive?.let { if (it.isNumber) b.expireTime(it.asLong) else b.expireTime(it.asString) }
        input["data"]?.let { b.data(it.asString) }
        input["initial_layout_class_list"]?.let { l -> b.initialLayoutClassList(l.asJsonArray.map { it.asString }) }
        return b
    }

    @TestFactory
    fun `vectors t1 are byte-exact in the official Java SDK's layout`(): List<DynamicTest> = Vectors.cases("t1").map { case ->
        DynamicTest.dynamicTest(case["name"].asString) {
            val input = case["input"].asJsonObject
            vectorClient(input).use { client ->
                val token = client.generateToken(
                    input["session_id"].asString,
                    vectorOptions(case["name"].asString, input).useLegacyT1Token().build(),
                )
                assertEquals(Vectors.officialJavaT1(case), token)
                // what the official Java SDK's test helper (TestHelpers.decodeToken) reads from it:
                // base64, split at ':', form fields, the signature over the second part
                val parts = String(java.util.Base64.getUrlDecoder().decode(token.substring(4))).split(":")
                assertEquals(2, parts.size)
                val fields = parts.flatMap { it.split("&") }.associate { it.substringBefore("=") to java.net.URLDecoder.decode(it.substringAfter("="), "UTF-8") }
                assertEquals(input["session_id"].asString, fields["session_id"])
                assertEquals(case["fields"].asJsonObject["role"].asString, fields["role"])
                assertEquals(input["api_key"].asString, fields["partner_id"])
                input["data"]?.asString?.takeIf { it.isNotEmpty() }?.let { assertEquals(it, fields["connection_data"]) }
                // and the core reads it back
                val decoded = Tokens.decode(token)
                assertEquals(input["session_id"].asString, decoded.sessionId)
            }
        }
    }

    @TestFactory
    fun `vectors jwt yield exactly their claims`(): List<DynamicTest> = Vectors.cases("jwt").map { case ->
        DynamicTest.dynamicTest(case["name"].asString) {
            val input = case["input"].asJsonObject
            vectorClient(input).use { client ->
                val token = client.generateToken(input["session_id"].asString, vectorOptions(case["name"].asString, input).build())
                val claims = JsonParser.parseString(Tokens.decode(token).claimsJson).asJsonObject
                assertEquals(case["claims"].asJsonObject, claims)
            }
        }
    }

    @TestFactory
    fun `vectors reject raise InvalidArgumentException`(): List<DynamicTest> = Vectors.cases("reject").map { case ->
        DynamicTest.dynamicTest(case["name"].asString) {
            val input = case["input"].asJsonObject
            val e = assertFailsWith<InvalidArgumentException> {
                vectorClient(input).use { client ->
                    client.generateToken(input["session_id"].asString, vectorOptions(case["name"].asString, input).build())
                }
            }
            assertEquals("invalid_argument", e.kind)
            assertFalse(e.message!!.contains(Vectors.doc["api_secret"].asString))
        }
    }

    @TestFactory
    fun `vectors node_tokens verify with the secret`(): List<DynamicTest> = Vectors.cases("node_tokens").mapIndexed { i, case ->
        DynamicTest.dynamicTest("${i}_${case["format"].asString}") {
            val token = case["token"].asString
            val issued = assertNotNull(Tokens.decode(token).issuedAt)
            val decoded = Tokens.verify(token, Vectors.doc["api_secret"].asString, issued + 1)
            assertEquals(Vectors.doc["api_key"].asString, decoded.projectId)
            val opts = case["options"].asJsonObject
            assertEquals(opts["role"]?.asString ?: "publisher", decoded.role)
            assertFailsWith<InvalidTokenException> { Tokens.verify(token, "0".repeat(40), issued + 1) }
        }
    }

    // ---- errors and timeouts ----

    @Test
    fun `wrong secret is an authentication error with status 403`() {
        OpenTok.Builder(Emulator.API_KEY, "wrong-secret-00000000000000000000000000").apiUrl(emulator.url).build().use { bad ->
            val e = assertFailsWith<AuthenticationException> { bad.createSession() }
            assertEquals(403, e.status)
            assertEquals("authentication", e.kind)
            assertContains(e.message!!, "403")
            assertFalse(e.message!!.contains("wrong-secret-00000000000000000000000000"))
            assertTrue(e is RequestException && e is OpenTokException)
        }
    }

    @Test
    fun `bad credentials fail at construction`() {
        val e = assertFailsWith<InvalidArgumentException> { OpenTok("", Emulator.API_SECRET) }
        assertEquals("invalid_argument", e.kind)
        assertFalse(OpenTok(Emulator.API_KEY, Emulator.API_SECRET).use { it.toString() }.contains(Emulator.API_SECRET))
    }

    @Test
    fun `a server that never answers times out`() {
        SilentServer().use { silent ->
            OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(silent.url)
                .requestTimeout(Duration.ofMillis(300)).maxRetries(0).build().use { client ->
                    val started = System.nanoTime()
                    val e = assertFailsWith<RequestTimeoutException> { client.createSession() }
                    val elapsed = Duration.ofNanos(System.nanoTime() - started)
                    assertEquals("timeout", e.kind)
                    assertNull(e.status)
                    assertTrue(elapsed < Duration.ofSeconds(5), "took $elapsed")
                    assertFailsWith<RequestTimeoutException> { runBlocking { client.createSessionAsync() } }
                    assertTrue(silent.accepted >= 1)
                }
        }
    }

    @Test
    fun `cancelling a suspended createSession returns promptly`() {
        SilentServer().use { silent ->
            OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(silent.url).maxRetries(0).build().use { client ->
                val started = System.nanoTime()
                val result = runBlocking { withTimeoutOrNull(300) { client.createSessionAsync() } }
                assertNull(result)
                assertTrue(Duration.ofNanos(System.nanoTime() - started) < Duration.ofSeconds(5))
            }
        }
    }

    @Test
    fun `java net Proxy reaches the core`() {
        SilentServer().use { proxy ->
            OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl("http://opentok.invalid")
                .proxy(java.net.Proxy(java.net.Proxy.Type.HTTP, java.net.InetSocketAddress("127.0.0.1", proxy.port)))
                .requestTimeout(Duration.ofMillis(300)).maxRetries(0).build().use { client ->
                    assertFailsWith<RequestException> { client.createSession() }
                    assertTrue(proxy.accepted >= 1, "the request never reached the proxy")
                }
        }
    }

    @Test
    fun `closed port is a connection error`() {
        OpenTok.Builder(Emulator.API_KEY, Emulator.API_SECRET).apiUrl(SilentServer.closedPortUrl()).maxRetries(0).build().use { client ->
            val e = assertFailsWith<ConnectionException> { client.createSession() }
            assertEquals("connect", e.kind)
        }
    }

    @Test
    fun `builder options reach the core`() {
        OpenTok.Builder(123456, Emulator.API_SECRET).apiUrl(emulator.url).appendToUserAgent("my-app/1.0")
            .requestTimeout(5).connectTimeout(Duration.ofSeconds(2)).build().use { client ->
                assertEquals(emulator.url, client.apiUrl.trimEnd('/'))
                assertContains(client.userAgent, "my-app/1.0")
                assertContains(client.userAgent, "jvm/")
                assertEquals("123456", client.apiKey)
            }
    }

    @Test
    fun `native library travels as a classpath resource`() {
        assertNotNull(javaClass.getResource("/linux-x86-64/libopentok_uniffi.so") ?: javaClass.getResource("/linux-aarch64/libopentok_uniffi.so"))
    }
}
