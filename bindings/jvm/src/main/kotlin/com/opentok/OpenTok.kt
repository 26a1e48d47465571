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
import java.io.IOException
import java.net.InetSocketAddress
import java.net.Proxy
import java.nio.file.Files
import java.nio.file.Path
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

    /**
     * A client with Vonage application credentials (official Java SDK 4.x): the application id
     * (a UUID) and the path of its RSA private key PEM file. The default base URL becomes
     * `https://video.api.vonage.com` and tokens are RS256 JWTs; the core checks both values.
     */
    @Throws(InvalidArgumentException::class)
    constructor(applicationId: String, privateKeyPath: Path) : this(Builder(applicationId, privateKeyPath).newClient())

    /** The project's api key (the application id with application credentials). */
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

    // ---- REST API (official Java SDK 4.x names; blocking, with `suspend` twins named ...Async) ----
    // Every call goes through the native dispatch (bindings/src/rest.rs): arguments as JSON, the
    // core validates and sends, its answer is parsed into the result classes below.

    private val rest = Rest(client)

    /** Starts recording [sessionId] (routed, with a connected client). 409 ([com.opentok.exception.ConflictException]) when already recording. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun startArchive(sessionId: String, properties: ArchiveProperties = ArchiveProperties.Builder().build()): Archive =
        Archive(rest.call("start_archive", sessionId, properties.json).obj())

    /** Starts recording with just a name (official overload). */
    @Throws(OpenTokException::class)
    fun startArchive(sessionId: String, name: String): Archive = startArchive(sessionId, ArchiveProperties.Builder().name(name).build())

    /** Suspending [startArchive]. */
    @Throws(OpenTokException::class)
    suspend fun startArchiveAsync(sessionId: String, properties: ArchiveProperties = ArchiveProperties.Builder().build()): Archive =
        Archive(rest.callAsync("start_archive", sessionId, properties.json).obj())

    /** Stops a recording archive; answers it (`stopped`). */
    @Throws(OpenTokException::class)
    fun stopArchive(archiveId: String): Archive = Archive(rest.call("stop_archive", archiveId).obj())

    /** Suspending [stopArchive]. */
    @Throws(OpenTokException::class)
    suspend fun stopArchiveAsync(archiveId: String): Archive = Archive(rest.callAsync("stop_archive", archiveId).obj())

    /** Reads an archive. 404 ([com.opentok.exception.NotFoundException]) when unknown. */
    @Throws(OpenTokException::class)
    fun getArchive(archiveId: String): Archive = Archive(rest.call("get_archive", archiveId).obj())

    /** Suspending [getArchive]. */
    @Throws(OpenTokException::class)
    suspend fun getArchiveAsync(archiveId: String): Archive = Archive(rest.callAsync("get_archive", archiveId).obj())

    /** Lists archives, newest first: all, or one session's; [offset] and [count] (1–1000) page. */
    @Throws(OpenTokException::class)
    fun listArchives(sessionId: String?, offset: Int?, count: Int?): ArchiveList =
        ArchiveList.of(rest.call("list_archives", jsonOf("sessionId" to sessionId, "offset" to offset, "count" to count)))

    /** The first page of all archives. */
    @Throws(OpenTokException::class)
    fun listArchives(): ArchiveList = listArchives(null, null, null)

    /** The archives of one session. */
    @Throws(OpenTokException::class)
    fun listArchives(sessionId: String): ArchiveList = listArchives(sessionId, null, null)

    /** A page of all archives. */
    @Throws(OpenTokException::class)
    fun listArchives(offset: Int, count: Int): ArchiveList = listArchives(null, offset, count)

    /** Suspending [listArchives]. */
    @Throws(OpenTokException::class)
    suspend fun listArchivesAsync(sessionId: String? = null, offset: Int? = null, count: Int? = null): ArchiveList =
        ArchiveList.of(rest.callAsync("list_archives", jsonOf("sessionId" to sessionId, "offset" to offset, "count" to count)))

    /** Deletes a stopped archive (409 while recording). */
    @Throws(OpenTokException::class)
    fun deleteArchive(archiveId: String) { rest.call("delete_archive", archiveId) }

    /** Suspending [deleteArchive]. */
    @Throws(OpenTokException::class)
    suspend fun deleteArchiveAsync(archiveId: String) { rest.callAsync("delete_archive", archiveId) }

    /** Changes the layout of a recording composed archive. */
    @Throws(OpenTokException::class)
    fun setArchiveLayout(archiveId: String, layout: ArchiveLayout) { rest.call("set_archive_layout", archiveId, layout.toJson()) }

    /** Changes the layout to the one in [properties] (the official signature); without one, the core's default (`bestFit`). */
    @Throws(OpenTokException::class)
    fun setArchiveLayout(archiveId: String, properties: ArchiveProperties) { rest.call("set_archive_layout", archiveId, properties.layout) }

    /** Suspending [setArchiveLayout]. */
    @Throws(OpenTokException::class)
    suspend fun setArchiveLayoutAsync(archiveId: String, layout: ArchiveLayout) { rest.callAsync("set_archive_layout", archiveId, layout.toJson()) }

    /** Adds a stream to an archive in manual stream mode. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun addArchiveStream(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true) {
        rest.call("add_archive_stream", archiveId, streamId, jsonOf("hasAudio" to hasAudio, "hasVideo" to hasVideo))
    }

    /** Suspending [addArchiveStream]. */
    @Throws(OpenTokException::class)
    suspend fun addArchiveStreamAsync(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true) {
        rest.callAsync("add_archive_stream", archiveId, streamId, jsonOf("hasAudio" to hasAudio, "hasVideo" to hasVideo))
    }

    /** Removes a stream from an archive in manual stream mode. */
    @Throws(OpenTokException::class)
    fun removeArchiveStream(archiveId: String, streamId: String) { rest.call("remove_archive_stream", archiveId, streamId) }

    /** Suspending [removeArchiveStream]. */
    @Throws(OpenTokException::class)
    suspend fun removeArchiveStreamAsync(archiveId: String, streamId: String) { rest.callAsync("remove_archive_stream", archiveId, streamId) }

    /** Starts a live-streaming broadcast (HLS and/or RTMP) of [sessionId]. */
    @Throws(OpenTokException::class)
    fun startBroadcast(sessionId: String, properties: BroadcastProperties): Broadcast =
        Broadcast(rest.call("start_broadcast", sessionId, properties.json).obj())

    /** Suspending [startBroadcast]. */
    @Throws(OpenTokException::class)
    suspend fun startBroadcastAsync(sessionId: String, properties: BroadcastProperties): Broadcast =
        Broadcast(rest.callAsync("start_broadcast", sessionId, properties.json).obj())

    /** Stops a broadcast; answers it. */
    @Throws(OpenTokException::class)
    fun stopBroadcast(broadcastId: String): Broadcast = Broadcast(rest.call("stop_broadcast", broadcastId).obj())

    /** Suspending [stopBroadcast]. */
    @Throws(OpenTokException::class)
    suspend fun stopBroadcastAsync(broadcastId: String): Broadcast = Broadcast(rest.callAsync("stop_broadcast", broadcastId).obj())

    /** Reads a broadcast. */
    @Throws(OpenTokException::class)
    fun getBroadcast(broadcastId: String): Broadcast = Broadcast(rest.call("get_broadcast", broadcastId).obj())

    /** Suspending [getBroadcast]. */
    @Throws(OpenTokException::class)
    suspend fun getBroadcastAsync(broadcastId: String): Broadcast = Broadcast(rest.callAsync("get_broadcast", broadcastId).obj())

    /** Lists broadcasts (not in the official Java SDK): all or one session's, paged. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listBroadcasts(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        BroadcastList.of(rest.call("list_broadcasts", jsonOf("sessionId" to sessionId, "offset" to offset, "count" to count)))

    /** Suspending [listBroadcasts]. */
    @Throws(OpenTokException::class)
    suspend fun listBroadcastsAsync(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        BroadcastList.of(rest.callAsync("list_broadcasts", jsonOf("sessionId" to sessionId, "offset" to offset, "count" to count)))

    /** Changes the layout of a running broadcast. */
    @Throws(OpenTokException::class)
    fun setBroadcastLayout(broadcastId: String, layout: ArchiveLayout) { rest.call("set_broadcast_layout", broadcastId, layout.toJson()) }

    /** Changes the layout to the one in [properties] (the official signature); without one, the core's default (`bestFit`). */
    @Throws(OpenTokException::class)
    fun setBroadcastLayout(broadcastId: String, properties: BroadcastProperties) { rest.call("set_broadcast_layout", broadcastId, properties.layout) }

    /** Suspending [setBroadcastLayout]. */
    @Throws(OpenTokException::class)
    suspend fun setBroadcastLayoutAsync(broadcastId: String, layout: ArchiveLayout) { rest.callAsync("set_broadcast_layout", broadcastId, layout.toJson()) }

    /** Adds a stream to a broadcast in manual stream mode. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun addBroadcastStream(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true) {
        rest.call("add_broadcast_stream", broadcastId, streamId, jsonOf("hasAudio" to hasAudio, "hasVideo" to hasVideo))
    }

    /** Suspending [addBroadcastStream]. */
    @Throws(OpenTokException::class)
    suspend fun addBroadcastStreamAsync(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true) {
        rest.callAsync("add_broadcast_stream", broadcastId, streamId, jsonOf("hasAudio" to hasAudio, "hasVideo" to hasVideo))
    }

    /** Removes a stream from a broadcast in manual stream mode. */
    @Throws(OpenTokException::class)
    fun removeBroadcastStream(broadcastId: String, streamId: String) { rest.call("remove_broadcast_stream", broadcastId, streamId) }

    /** Suspending [removeBroadcastStream]. */
    @Throws(OpenTokException::class)
    suspend fun removeBroadcastStreamAsync(broadcastId: String, streamId: String) { rest.callAsync("remove_broadcast_stream", broadcastId, streamId) }

    /** Reads one stream of a session. */
    @Throws(OpenTokException::class)
    fun getStream(sessionId: String, streamId: String): Stream = Stream(rest.call("get_stream", sessionId, streamId).obj())

    /** Suspending [getStream]. */
    @Throws(OpenTokException::class)
    suspend fun getStreamAsync(sessionId: String, streamId: String): Stream = Stream(rest.callAsync("get_stream", sessionId, streamId).obj())

    /** Lists the streams of a session. */
    @Throws(OpenTokException::class)
    fun listStreams(sessionId: String): StreamList = StreamList.of(rest.call("list_streams", sessionId))

    /** Suspending [listStreams]. */
    @Throws(OpenTokException::class)
    suspend fun listStreamsAsync(sessionId: String): StreamList = StreamList.of(rest.callAsync("list_streams", sessionId))

    /** Sets the layout classes of several streams at once. */
    @Throws(OpenTokException::class)
    fun setStreamLayouts(sessionId: String, properties: StreamListProperties) { rest.call("set_stream_class_lists", sessionId, properties.json) }

    /** Suspending [setStreamLayouts]. */
    @Throws(OpenTokException::class)
    suspend fun setStreamLayoutsAsync(sessionId: String, properties: StreamListProperties) { rest.callAsync("set_stream_class_lists", sessionId, properties.json) }

    /** Disconnects a client from a session. 404 when it is not connected. */
    @Throws(OpenTokException::class)
    fun forceDisconnect(sessionId: String, connectionId: String) { rest.call("force_disconnect", sessionId, connectionId) }

    /** Suspending [forceDisconnect]. */
    @Throws(OpenTokException::class)
    suspend fun forceDisconnectAsync(sessionId: String, connectionId: String) { rest.callAsync("force_disconnect", sessionId, connectionId) }

    /** Mutes one stream's audio. */
    @Throws(OpenTokException::class)
    fun forceMuteStream(sessionId: String, streamId: String) { rest.call("mute_stream", sessionId, streamId) }

    /** Suspending [forceMuteStream]. */
    @Throws(OpenTokException::class)
    suspend fun forceMuteStreamAsync(sessionId: String, streamId: String) { rest.callAsync("mute_stream", sessionId, streamId) }

    /** Mutes every stream but the excluded ones, and streams published later. */
    @Throws(OpenTokException::class)
    fun forceMuteAll(sessionId: String, properties: MuteAllProperties) { rest.call("mute_all", sessionId, properties.json) }

    /** Suspending [forceMuteAll]. */
    @Throws(OpenTokException::class)
    suspend fun forceMuteAllAsync(sessionId: String, properties: MuteAllProperties) { rest.callAsync("mute_all", sessionId, properties.json) }

    /** Stops muting streams published later. */
    @Throws(OpenTokException::class)
    fun disableForceMute(sessionId: String) { rest.call("disable_force_mute", sessionId) }

    /** Suspending [disableForceMute]. */
    @Throws(OpenTokException::class)
    suspend fun disableForceMuteAsync(sessionId: String) { rest.callAsync("disable_force_mute", sessionId) }

    /** Signals every client of a session. 413 ([com.opentok.exception.PayloadTooLargeException]) over 8 kB. */
    @Throws(OpenTokException::class)
    fun signal(sessionId: String, properties: SignalProperties) { rest.call("signal", sessionId, null, properties.json) }

    /** Signals one connection. */
    @Throws(OpenTokException::class)
    fun signal(sessionId: String, connectionId: String, properties: SignalProperties) { rest.call("signal", sessionId, connectionId, properties.json) }

    /** Suspending [signal] (to one connection when [connectionId] is set). */
    @Throws(OpenTokException::class)
    suspend fun signalAsync(sessionId: String, connectionId: String?, properties: SignalProperties) {
        rest.callAsync("signal", sessionId, connectionId, properties.json)
    }

    /** Lists the connections of a session. */
    @Throws(OpenTokException::class)
    fun listConnections(sessionId: String): ConnectionList = ConnectionList(rest.call("list_connections", sessionId).obj())

    /** Suspending [listConnections]. */
    @Throws(OpenTokException::class)
    suspend fun listConnectionsAsync(sessionId: String): ConnectionList = ConnectionList(rest.callAsync("list_connections", sessionId).obj())

    /** Dials a SIP endpoint into a session, joining with [token]. */
    @Throws(OpenTokException::class)
    fun dial(sessionId: String, token: String, properties: SipProperties): Sip =
        Sip(rest.call("dial", sessionId, token, properties.sipUri, properties.json).obj())

    /** Suspending [dial]. */
    @Throws(OpenTokException::class)
    suspend fun dialAsync(sessionId: String, token: String, properties: SipProperties): Sip =
        Sip(rest.callAsync("dial", sessionId, token, properties.sipUri, properties.json).obj())

    /** Plays DTMF digits (`[0-9*#p]+`) to every SIP participant of a session. */
    @Throws(OpenTokException::class)
    fun playDTMF(sessionId: String, dtmfDigits: String) { rest.call("play_dtmf", sessionId, null, dtmfDigits) }

    /** Plays DTMF digits to one connection. */
    @Throws(OpenTokException::class)
    fun playDTMF(sessionId: String, connectionId: String, dtmfDigits: String) { rest.call("play_dtmf", sessionId, connectionId, dtmfDigits) }

    /** Suspending [playDTMF] (to one connection when [connectionId] is set). */
    @Throws(OpenTokException::class)
    suspend fun playDTMFAsync(sessionId: String, connectionId: String?, dtmfDigits: String) {
        rest.callAsync("play_dtmf", sessionId, connectionId, dtmfDigits)
    }

    /** Starts live captions (needs a moderator [token]). */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun startCaptions(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties.Builder().build()): Caption =
        Caption(rest.call("start_captions", sessionId, token, properties.json).obj())

    /** Suspending [startCaptions]. */
    @Throws(OpenTokException::class)
    suspend fun startCaptionsAsync(sessionId: String, token: String, properties: CaptionProperties = CaptionProperties.Builder().build()): Caption =
        Caption(rest.callAsync("start_captions", sessionId, token, properties.json).obj())

    /** Stops live captions. */
    @Throws(OpenTokException::class)
    fun stopCaptions(captionsId: String) { rest.call("stop_captions", captionsId) }

    /** Suspending [stopCaptions]. */
    @Throws(OpenTokException::class)
    suspend fun stopCaptionsAsync(captionsId: String) { rest.callAsync("stop_captions", captionsId) }

    /** Reads the state of live captions (not in the official SDK). */
    @Throws(OpenTokException::class)
    fun getCaptions(captionsId: String): CaptionStatus = CaptionStatus(rest.call("get_captions", captionsId).obj())

    /** Suspending [getCaptions]. */
    @Throws(OpenTokException::class)
    suspend fun getCaptionsAsync(captionsId: String): CaptionStatus = CaptionStatus(rest.callAsync("get_captions", captionsId).obj())

    /** Starts an Experience Composer render publishing into [sessionId]. */
    @Throws(OpenTokException::class)
    fun startRender(sessionId: String, token: String, properties: RenderProperties): Render =
        Render(rest.call("start_render", sessionId, token, properties.json).obj())

    /** Suspending [startRender]. */
    @Throws(OpenTokException::class)
    suspend fun startRenderAsync(sessionId: String, token: String, properties: RenderProperties): Render =
        Render(rest.callAsync("start_render", sessionId, token, properties.json).obj())

    /** Reads a render. */
    @Throws(OpenTokException::class)
    fun getRender(renderId: String): Render = Render(rest.call("get_render", renderId).obj())

    /** Suspending [getRender]. */
    @Throws(OpenTokException::class)
    suspend fun getRenderAsync(renderId: String): Render = Render(rest.callAsync("get_render", renderId).obj())

    /** Stops a render. */
    @Throws(OpenTokException::class)
    fun stopRender(renderId: String) { rest.call("stop_render", renderId) }

    /** Suspending [stopRender]. */
    @Throws(OpenTokException::class)
    suspend fun stopRenderAsync(renderId: String) { rest.callAsync("stop_render", renderId) }

    /** Lists renders, paged ([count] 1–1000). */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listRenders(offset: Int? = null, count: Int? = null): RenderList =
        RenderList.of(rest.call("list_renders", jsonOf("offset" to offset, "count" to count)))

    /** Suspending [listRenders]. */
    @Throws(OpenTokException::class)
    suspend fun listRendersAsync(offset: Int? = null, count: Int? = null): RenderList =
        RenderList.of(rest.callAsync("list_renders", jsonOf("offset" to offset, "count" to count)))

    /** Streams a session's audio to a WebSocket (the Audio Connector). */
    @Throws(OpenTokException::class)
    fun connectAudioStream(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        AudioConnector(rest.call("connect_audio", sessionId, token, properties.json).obj())

    /** Suspending [connectAudioStream]. */
    @Throws(OpenTokException::class)
    suspend fun connectAudioStreamAsync(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        AudioConnector(rest.callAsync("connect_audio", sessionId, token, properties.json).obj())

    /** Stops an Audio Connector (not in the official SDK). */
    @Throws(OpenTokException::class)
    fun stopAudioConnector(connectorId: String) { rest.call("stop_audio_connector", connectorId) }

    /** Suspending [stopAudioConnector]. */
    @Throws(OpenTokException::class)
    suspend fun stopAudioConnectorAsync(connectorId: String) { rest.callAsync("stop_audio_connector", connectorId) }

    /** Lists registered callbacks (not in the official Java SDK). */
    @Throws(OpenTokException::class)
    fun listCallbacks(): List<Callback> = callbacks(rest.call("list_callbacks"))

    /** Suspending [listCallbacks]. */
    @Throws(OpenTokException::class)
    suspend fun listCallbacksAsync(): List<Callback> = callbacks(rest.callAsync("list_callbacks"))

    /** Registers a callback URL for [group] (`connection`, `stream`, `archive`) and [event]. */
    @Throws(OpenTokException::class)
    fun registerCallback(group: String, event: String, url: String): Callback =
        Callback(rest.call("register_callback", jsonOf("group" to group, "event" to event, "url" to url)).obj())

    /** Suspending [registerCallback]. */
    @Throws(OpenTokException::class)
    suspend fun registerCallbackAsync(group: String, event: String, url: String): Callback =
        Callback(rest.callAsync("register_callback", jsonOf("group" to group, "event" to event, "url" to url)).obj())

    /** Deletes a registered callback. */
    @Throws(OpenTokException::class)
    fun deleteCallback(callbackId: String) { rest.call("delete_callback", callbackId) }

    /** Suspending [deleteCallback]. */
    @Throws(OpenTokException::class)
    suspend fun deleteCallbackAsync(callbackId: String) { rest.callAsync("delete_callback", callbackId) }

    private fun callbacks(json: com.google.gson.JsonElement): List<Callback> =
        if (json.isJsonArray) json.asJsonArray.filter { it.isJsonObject }.map { Callback(it.asJsonObject) } else emptyList()

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
    class Builder private constructor(private val credentials: Credentials) {
        /** A builder with project credentials: api key and secret. */
        constructor(apiKey: String, apiSecret: String) : this(Credentials.Project(apiKey, apiSecret))

        /** A builder with a numeric api key (as in the official SDK). */
        constructor(apiKey: Int, apiSecret: String) : this(apiKey.toString(), apiSecret)

        /**
         * A builder with Vonage application credentials (official Java SDK 4.x): the application
         * id and the path of its RSA private key PEM file, read when the client is built. Without
         * [apiUrl] the core's default for applications, `https://video.api.vonage.com`, is used.
         */
        constructor(applicationId: String, privateKeyPath: Path) : this(Credentials.ApplicationKeyFile(applicationId, privateKeyPath))

        private sealed interface Credentials {
            class Project(val apiKey: String, val apiSecret: String) : Credentials
            class ApplicationKeyFile(val applicationId: String, val privateKeyPath: Path) : Credentials
            class ApplicationKey(val applicationId: String, val privateKeyPem: String) : Credentials
        }

        companion object {
            /**
             * A builder with Vonage application credentials given as the private key's PEM text
             * (`-----BEGIN PRIVATE KEY-----...`), e.g. from a secret store instead of a file.
             */
            @JvmStatic
            fun withPrivateKey(applicationId: String, privateKeyPem: String): Builder =
                Builder(Credentials.ApplicationKey(applicationId, privateKeyPem))
        }

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

        internal fun newClient(): Client = when (val c = credentials) {
            is Credentials.Project -> native { Client(c.apiKey, c.apiSecret, config.copy()) }
            is Credentials.ApplicationKeyFile -> {
                val pem = readPrivateKey(c.privateKeyPath)
                native { Client.withApplication(c.applicationId, pem, config.copy()) }
            }
            is Credentials.ApplicationKey -> native { Client.withApplication(c.applicationId, c.privateKeyPem, config.copy()) }
        }

        /** The key file's text; what it holds is the core's to judge. */
        private fun readPrivateKey(path: Path): String = try {
            Files.readString(path)
        } catch (e: IOException) {
            throw InvalidArgumentException("private_key_path: cannot read the private key file $path (${e.javaClass.simpleName})", "private_key_path", e)
        }

        private fun nonNegativeMillis(ms: Long): ULong = ms.coerceAtLeast(0).toULong()

        private fun proxyUrl(proxy: Proxy): String? {
            if (proxy.type() == Proxy.Type.DIRECT) return null
            val address = proxy.address() as? InetSocketAddress ?: return null
            val scheme = if (proxy.type() == Proxy.Type.SOCKS) "socks5" else "http"
            return "$scheme://${address.hostString}:${address.port}"
        }
    }
}
