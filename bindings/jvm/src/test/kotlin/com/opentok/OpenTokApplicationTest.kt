package com.opentok

import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.NotFoundException
import com.opentok.testing.Emulator
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import java.nio.file.Files
import kotlin.test.assertContains
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse

/** Vonage application credentials (application id + private key) against an emulator serving the test application. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenTokApplicationTest {
    private lateinit var emulator: Emulator
    private lateinit var opentok: OpenTok

    @BeforeAll
    fun start() {
        emulator = Emulator.startWithApplication()
        opentok = OpenTok.Builder(Emulator.APP_ID, Emulator.keyFile("app_private.pem")).apiUrl(emulator.url).build()
    }

    @AfterAll
    fun stop() {
        opentok.close()
        emulator.close()
    }

    @Test
    fun `application session admits its RS256 token and REST calls authenticate`() {
        val session = opentok.createSession(SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build())
        val token = session.generateToken(TokenOptions.Builder().role(Role.MODERATOR).data("name=app").build())
        val decoded = Tokens.decode(token)
        assertEquals("RS256", decoded.algorithm)
        assertEquals(Emulator.APP_ID, decoded.projectId)
        assertEquals(session.sessionId, decoded.sessionId)

        val connect = emulator.connect(session.sessionId, token)
        assertEquals(201, connect.status, connect.body.toString())
        assertEquals("moderator", connect.body["role"].asString)

        val connections = opentok.listConnections(session.sessionId)
        assertEquals(listOf(connect.body["connectionId"].asString), connections.map { it.connectionId })
        // An error path of a REST call signed with the application key: the emulator authenticates it, then answers 404.
        val e = assertFailsWith<NotFoundException> { opentok.getArchive("00000000-0000-0000-0000-000000000000") }
        assertEquals(404, e.status)
    }

    @Test
    fun `the PEM text works like the key file and the default URL is Vonage's`() {
        val pem = Files.readString(Emulator.keyFile("app_private.pem"))
        OpenTok.Builder.withPrivateKey(Emulator.APP_ID, pem).apiUrl(emulator.url).build().use { client ->
            val session = client.createSession()
            assertEquals(201, emulator.connect(session.sessionId, client.generateToken(session.sessionId)).status)
        }
        OpenTok(Emulator.APP_ID, Emulator.keyFile("app_private.pem")).use { client ->
            assertEquals("https://video.api.vonage.com", client.apiUrl.trimEnd('/'))
            assertEquals(Emulator.APP_ID, client.apiKey)
        }
        // The two-string constructor takes the PEM text or the key file's path too: the core decides.
        for (secretOrKey in listOf(pem, Emulator.keyFile("app_private.pem").toString())) {
            OpenTok.Builder(Emulator.APP_ID, secretOrKey).apiUrl(emulator.url).build().use { client ->
                val session = client.createSession()
                assertEquals(201, emulator.connect(session.sessionId, client.generateToken(session.sessionId)).status)
            }
        }
    }

    @Test
    fun `bad application credentials name the field`() {
        val key = Emulator.keyFile("app_private.pem")
        val badId = assertFailsWith<InvalidArgumentException> { OpenTok("not-a-uuid", key) }
        assertEquals("application_id", badId.field)
        assertContains(badId.message!!, "not-a-uuid")

        val notPem = assertFailsWith<InvalidArgumentException> { OpenTok.Builder.withPrivateKey(Emulator.APP_ID, "hello").build() }
        assertEquals("private_key", notPem.field)
        assertFalse(notPem.message!!.contains("hello"), notPem.message)

        // A public key file is not a private key: the core refuses it too.
        val publicKey = assertFailsWith<InvalidArgumentException> { OpenTok(Emulator.APP_ID, Emulator.keyFile("app_public.pem")) }
        assertEquals("private_key", publicKey.field)

        // The core reads the key file: a missing one is its private_key error, naming the path.
        val missing = assertFailsWith<InvalidArgumentException> { OpenTok(Emulator.APP_ID, key.resolveSibling("nope.pem")) }
        assertEquals("private_key", missing.field)
        assertContains(missing.message!!, "nope.pem")
    }
}
