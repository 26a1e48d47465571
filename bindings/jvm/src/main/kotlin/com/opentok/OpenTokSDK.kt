package com.opentok

import com.opentok.exception.OpenTokException
import com.opentok.exception.native
import com.opentok.ffi.Client
import com.opentok.ffi.ClientConfig
import com.opentok.ffi.SessionInfo

/**
 * The seed project's API, kept as a compatible alias:
 * `OpenTokSDK(apiKey, apiSecret).createSession(location, properties).getSessionId()`, where
 * `properties` holds form-style keys (`p2p.preference`, `archiveMode`, `archiveName`,
 * `archiveResolution`, `e2ee`) read by the core's form parser.
 */
class OpenTokSDK @JvmOverloads constructor(
    apiKey: String,
    apiSecret: String,
    apiUrl: String? = System.getenv("OPENTOK_API_URL"),
) : AutoCloseable {
    private val client: Client = native {
        Client(apiKey, apiSecret, ClientConfig(apiUrl = apiUrl, binding = "jvm/" + System.getProperty("java.version", "unknown")))
    }

    /** A session created by [createSession]. */
    class SdkSession internal constructor(info: SessionInfo) {
        /** The session id. */
        val sessionId: String = info.sessionId

        /** `relayed` or `routed`. */
        val mediaMode: String = info.mediaMode

        /** The location hint. */
        val location: String? = info.location

        override fun toString() = "SdkSession(sessionId=$sessionId)"
    }

    /** Creates a session near [location] with form-style [properties] (blocking). */
    @JvmOverloads
    @Throws(OpenTokException::class)
    fun createSession(location: String? = null, properties: Map<String, String> = emptyMap()): SdkSession =
        SdkSession(native { client.createSessionWithPropertiesBlocking(location, textMap(properties, "properties")) })

    /** Suspending twin of [createSession]. */
    @Throws(OpenTokException::class)
    suspend fun createSessionAsync(location: String? = null, properties: Map<String, String> = emptyMap()): SdkSession =
        SdkSession(native { client.createSessionWithProperties(location, textMap(properties, "properties")) })

    override fun close() = client.close()
}
