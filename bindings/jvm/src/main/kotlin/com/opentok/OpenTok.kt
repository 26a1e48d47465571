package com.opentok

import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.OpenTokException
import com.opentok.exception.native
import com.opentok.ffi.Client
import com.opentok.ffi.ClientConfig
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.future.future
import java.net.InetSocketAddress
import java.net.Proxy
import java.time.Duration
import java.util.concurrent.CompletableFuture

/**
 * The OpenTok server SDK entry point, with the official Java SDK's names:
 *
 * ```kotlin
 * val opentok = OpenTok(apiKey, apiSecret)                       // or OpenTok.Builder(...)...build()
 * val session = opentok.createSession(SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build())
 * val token = opentok.generateToken(session.sessionId, TokenOptions.Builder().role(Role.MODERATOR).build())
 * ```
 *
 * Blocking methods are for Java and plain threads; `suspend` twins ([createSessionAsync]) are for
 * coroutines. All rules, signing and HTTP live in the native core; errors are [OpenTokException]s.
 * An instance is thread-safe; [close] releases the native client.
 */
class OpenTok private constructor(private val client: Client) : AutoCloseable {

    /** A client for the production API with a numeric api key (as in the official SDK). */
    @Throws(InvalidArgumentException::class)
    constructor(apiKey: Int, apiSecret: String) : this(Builder(apiKey, apiSecret).newClient())

    /** A client for the production API. */
    @Throws(InvalidArgumentException::class)
    constructor(apiKey: String, apiSecret: String) : this(Builder(apiKey, apiSecret).newClient())

    /** The project's api key. */
    val apiKey: String = client.apiKey()

    /** The API base URL in use. */
    val apiUrl: String = client.apiUrl()

    /** The User-Agent sent with each request. */
    val userAgent: String = client.userAgent()

    /** Where [createSessionFuture] runs its coroutines (no thread of its own: the native I/O is async). */
    private val futures = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    /** Creates a relayed, manually archived session. */
    @Throws(OpenTokException::class)
    fun createSession(): Session = createSession(SessionProperties.Builder().build())

    /** Creates a session (blocking). */
    @Throws(OpenTokException::class)
    fun createSession(properties: SessionProperties): Session =
        Session(this, native { client.createSessionBlocking(properties.toSpec()) })

    /** Creates a session without blocking the calling thread (Kotlin coroutines). */
    @Throws(OpenTokException::class)
    suspend fun createSessionAsync(properties: SessionProperties = SessionProperties.Builder().build()): Session =
        Session(this, native { client.createSession(properties.toSpec()) })

    /**
     * Creates a session without blocking, for Java callers: the future completes with the
     * [Session] or exceptionally with an [OpenTokException].
     */
    @JvmOverloads
    fun createSessionFuture(properties: SessionProperties = SessionProperties.Builder().build()): CompletableFuture<Session> =
        futures.future { createSessionAsync(properties) }

    /** A publisher token valid for 24 hours. */
    @Throws(OpenTokException::class)
    fun generateToken(sessionId: String): String = generateToken(sessionId, TokenOptions.Builder().build())

    /** A token with the given options (pure CPU, no I/O). */
    @Throws(OpenTokException::class)
    fun generateToken(sessionId: String, tokenOptions: TokenOptions): String =
        native { client.generateToken(sessionId, tokenOptions.toSpec()) }

    /** Cancels pending [createSessionFuture] calls and releases the native client. */
    override fun close() {
        futures.cancel()
        client.close()
    }

    override fun toString(): String = "OpenTok(apiKey=$apiKey, apiUrl=$apiUrl)"

    /**
     * Configures an [OpenTok]: API URL, timeouts, proxy, user-agent suffix, retries.
     * Unset values keep the core's defaults (30 s request timeout, 10 s connect timeout, 2 retries).
     */
    class Builder(private val apiKey: String, private val apiSecret: String) {
        /** A builder with a numeric api key (as in the official SDK). */
        constructor(apiKey: Int, apiSecret: String) : this(apiKey.toString(), apiSecret)

        private var config = ClientConfig(binding = "jvm/" + System.getProperty("java.version", "unknown"))

        /** The API base URL (e.g. the emulator's `http://127.0.0.1:PORT`). */
        fun apiUrl(apiUrl: String) = apply { config.apiUrl = apiUrl }

        /** Time allowed for a whole request, in seconds (the official SDK's unit). */
        fun requestTimeout(seconds: Int) = apply { config.requestTimeoutMs = nonNegativeMillis(seconds.toLong() * 1000) }

        /** Time allowed for a whole request. */
        fun requestTimeout(timeout: Duration) = apply { config.requestTimeoutMs = nonNegativeMillis(timeout.toMillis()) }

        /** Time allowed to open a connection. */
        fun connectTimeout(timeout: Duration) = apply { config.connectTimeoutMs = nonNegativeMillis(timeout.toMillis()) }

        /** A `java.net.Proxy` (HTTP or SOCKS); `Proxy.NO_PROXY` means none. */
        fun proxy(proxy: Proxy) = apply { config.proxyUrl = proxyUrl(proxy) }

        /** A `java.net.Proxy` with credentials. */
        fun proxy(proxy: Proxy, username: String, password: String) = apply {
            config.proxyUrl = proxyUrl(proxy)
            config.proxyUsername = username
            config.proxyPassword = password
        }

        /** A proxy URL: `http://host:port`, `https://host:port` or `socks5://host:port`. */
        fun proxy(url: String) = apply { config.proxyUrl = url }

        /** Text appended to the User-Agent (your app's name and version). */
        fun appendToUserAgent(suffix: String) = apply { config.userAgentSuffix = suffix }

        /** Retries of idempotent or unsent requests (0 turns retries off). */
        fun maxRetries(retries: Int) = apply { config.maxRetries = retries.coerceAtLeast(0).toUInt() }

        /** Test hook: a fixed clock in unix seconds, making tokens reproducible. */
        fun fixedClockForTesting(unixSeconds: Long) = apply { config.fixedNow = unixSeconds }

        /** Test hook: a fixed token nonce. */
        fun fixedNonceForTesting(nonce: Int) = apply { config.fixedNonce = nonce.toUInt() }

        /** The client; bad credentials or options throw [InvalidArgumentException]. */
        @Throws(InvalidArgumentException::class)
        fun build(): OpenTok = OpenTok(newClient())

        internal fun newClient(): Client = native { Client(apiKey, apiSecret, config.copy()) }

        private fun nonNegativeMillis(ms: Long): ULong = ms.coerceAtLeast(0).toULong()

        private fun proxyUrl(proxy: Proxy): String? {
            if (proxy.type() == Proxy.Type.DIRECT) return null
            val address = proxy.address() as? InetSocketAddress ?: return null
            val scheme = if (proxy.type() == Proxy.Type.SOCKS) "socks5" else "http"
            return "$scheme://${address.hostString}:${address.port}"
        }
    }
}
