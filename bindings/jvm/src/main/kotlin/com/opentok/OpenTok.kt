package com.opentok

import com.opentok.exception.InvalidArgumentException
import com.opentok.exception.OpenTokException
import com.opentok.exception.checkUnicode
import com.opentok.exception.closedException
import com.opentok.exception.native
import com.opentok.ffi.Client
import com.opentok.ffi.ClientConfig
import com.opentok.ffi.core.Dialect
import com.opentok.ffi.core.Layout
import com.opentok.ffi.core.StreamTracks
import com.opentok.ffi.defaultLayout
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.future.future
import kotlinx.coroutines.isActive
import java.net.InetSocketAddress
import java.net.Proxy
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
    constructor(apiKey: Int, apiSecret: String?) : this(Builder(apiKey, apiSecret).newClient())

    /** A client for the production API. */
    @Throws(InvalidArgumentException::class)
    constructor(apiKey: String?, apiSecret: String?) : this(Builder(apiKey, apiSecret).newClient())

    /**
     * A client with Vonage application credentials (official Java SDK 4.x): the application id
     * (a UUID) and the path of its RSA private key PEM file. The default base URL becomes
     * `https://video.api.vonage.com` and tokens are RS256 JWTs; the core checks both values.
     */
    @Throws(InvalidArgumentException::class)
    constructor(applicationId: String?, privateKeyPath: Path?) : this(Builder(applicationId, privateKeyPath).newClient())

    /** The project's api key (the application id with application credentials). */
    val apiKey: String = client.apiKey()

    /**
     * The handle of the native token fast path (0 without it, or after [close]). It is freed only
     * once this object is unreachable, so no call can still be using it.
     */
    @Volatile
    private var tokenHandle: Long = if (TokenFast.available) client.tokenHandle().toLong() else 0L

    init {
        val h = tokenHandle
        if (h != 0L) HANDLES.register(this) { TokenFast.opentok_uniffi_token_handle_free(h) }
    }

    /** The API base URL in use. */
    val apiUrl: String = client.apiUrl()

    /** The User-Agent sent with each request. */
    val userAgent: String = client.userAgent()

    /** The layout and stream-selection operations of archives, over the client's archive methods. */
    private val archives = Composition(
        client::setArchiveLayoutBlocking, client::setArchiveLayout,
        client::addArchiveStreamBlocking, client::addArchiveStream,
        client::removeArchiveStreamBlocking, client::removeArchiveStream,
    )

    /** The same operations of broadcasts, over the client's broadcast methods. */
    private val broadcasts = Composition(
        client::setBroadcastLayoutBlocking, client::setBroadcastLayout,
        client::addBroadcastStreamBlocking, client::addBroadcastStream,
        client::removeBroadcastStreamBlocking, client::removeBroadcastStream,
    )

    /** Where [createSessionFuture] runs its coroutines (no thread of its own: the native I/O is async). */
    private val futures = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    /** Creates a relayed, manually archived session. */
    @Throws(OpenTokException::class)
    fun createSession(): Session = createSession(DEFAULT_SESSION_PROPERTIES)

    /** Creates a session (blocking). */
    @Throws(OpenTokException::class)
    fun createSession(properties: SessionProperties?): Session {
        val spec = (properties ?: DEFAULT_SESSION_PROPERTIES).toSpec()
        // The direct-mapped path (SessionFast) when it can carry the spec; the handle is read once
        // and this object kept reachable until the call returns, as in generateToken.
        val handle = tokenHandle
        try {
            if (handle != 0L && SessionFast.available && SessionFast.carries(spec)) {
                listOf(spec.location to "location", spec.archiveName to "archive_name").forEach { (v, f) -> checkUnicode(v, f) }
                return Session(this, SessionFast.create(handle, spec))
            }
        } finally {
            java.lang.ref.Reference.reachabilityFence(this)
        }
        return Session(this, native { client.createSessionBlocking(spec) })
    }

    /** Creates a session without blocking the calling thread (Kotlin coroutines). */
    @Throws(OpenTokException::class)
    suspend fun createSessionAsync(properties: SessionProperties = DEFAULT_SESSION_PROPERTIES): Session =
        Session(this, native { client.createSession(properties.toSpec()) })

    /**
     * Creates a session without blocking, for Java callers: the future completes with the
     * [Session] or exceptionally with an [OpenTokException].
     */
    @JvmOverloads
    fun createSessionFuture(properties: SessionProperties? = DEFAULT_SESSION_PROPERTIES): CompletableFuture<Session> =
        future { createSessionAsync(properties ?: DEFAULT_SESSION_PROPERTIES) }

    /** A publisher token valid for 24 hours. */
    @Throws(OpenTokException::class)
    fun generateToken(sessionId: String?): String = generateToken(sessionId, DEFAULT_TOKEN_OPTIONS)

    /** A token with the given options (pure CPU, no I/O). */
    @Throws(OpenTokException::class)
    fun generateToken(sessionId: String?, tokenOptions: TokenOptions?): String {
        // A null session id is refused as the official SDK refuses it (InvalidArgumentException
        // naming the parameter), not with Kotlin's NullPointerException; null options are the defaults.
        val id = sessionId ?: throw InvalidArgumentException("Session id must not be null", "sessionId")
        val options = tokenOptions ?: DEFAULT_TOKEN_OPTIONS
        // The handle is read once (close() zeroes the field meanwhile) and this object is kept
        // reachable until the native call returns: the handle is freed by a Cleaner once this
        // object is unreachable, which the JIT may decide right after the field read
        // (HostileJavaTest, gc-pressure).
        checkUnicode(id, "session_id")
        checkUnicode(options.data, "data")
        options.initialLayoutClassList.forEach { checkUnicode(it, "initial_layout_class_list") }
        val handle = tokenHandle
        try {
            // a NUL would end the C string of the fast path early: the uniffi path reads the id whole
            return (if (handle != 0L && id.indexOf('\u0000') < 0) TokenFast.mint(handle, id, options) else null)
                ?: native { client.generateToken(id, options.toSpec()) }
        } finally {
            java.lang.ref.Reference.reachabilityFence(this)
        }
    }

    // ---- REST API (official Java SDK 4.x names) ----
    // Three flavours per operation, each calling one typed method of the native client: blocking
    // `x(...)` (`client.xBlocking`), `suspend xAsync(...)` for Kotlin (`client.x`), and
    // `xFuture(...)` → `CompletableFuture` for Java (the suspend twin run in [futures]). The FFI
    // arguments (`toOptions()`, `listOptions(...)`, ...) and result mappers are the same; see Rest.kt.
    // Java may pass `null` anywhere: ids and required properties are refused with an
    // [InvalidArgumentException] naming the parameter ([required]), as the official SDK refuses
    // them (a future completes exceptionally with it); never Kotlin's NullPointerException.

    /** Runs a suspend twin for a `...Future` method; its exception completes the future exceptionally. */
    private fun <T> future(block: suspend () -> T): CompletableFuture<T> =
        if (futures.isActive) futures.future { block() } else CompletableFuture.failedFuture(closedException(null))

    /** Starts recording [sessionId] (routed, with a connected client). 409 ([com.opentok.exception.ConflictException]) when already recording. */
    @Throws(OpenTokException::class)
    fun startArchive(sessionId: String?, properties: ArchiveProperties?): Archive {
        val id = required(sessionId, "sessionId")
        val options = required(properties, "properties").toOptions()
        return native { Archive(client.startArchiveBlocking(id, options)) }
    }

    /** Starts recording with the default properties. */
    @Throws(OpenTokException::class)
    fun startArchive(sessionId: String?): Archive = startArchive(sessionId, DEFAULT_ARCHIVE_PROPERTIES)

    /** Starts recording with just a name (official overload; `null` is no name). */
    @Throws(OpenTokException::class)
    fun startArchive(sessionId: String?, name: String?): Archive = startArchive(sessionId, ArchiveProperties.Builder().name(name).build())

    /** Suspending [startArchive]. */
    @Throws(OpenTokException::class)
    suspend fun startArchiveAsync(sessionId: String, properties: ArchiveProperties = DEFAULT_ARCHIVE_PROPERTIES): Archive =
        native { Archive(client.startArchive(sessionId, properties.toOptions())) }

    /** [startArchive] as a future. */
    @JvmOverloads
    fun startArchiveFuture(sessionId: String?, properties: ArchiveProperties? = DEFAULT_ARCHIVE_PROPERTIES): CompletableFuture<Archive> =
        future { startArchiveAsync(required(sessionId, "sessionId"), required(properties, "properties")) }

    /** Stops a recording archive; answers it (`stopped`). */
    @Throws(OpenTokException::class)
    fun stopArchive(archiveId: String?): Archive {
        val id = required(archiveId, "archiveId")
        return native { Archive(client.stopArchiveBlocking(id)) }
    }

    /** Suspending [stopArchive]. */
    @Throws(OpenTokException::class)
    suspend fun stopArchiveAsync(archiveId: String): Archive = native { Archive(client.stopArchive(archiveId)) }

    /** [stopArchive] as a future. */
    fun stopArchiveFuture(archiveId: String?): CompletableFuture<Archive> = future { stopArchiveAsync(required(archiveId, "archiveId")) }

    /** Reads an archive. 404 ([com.opentok.exception.NotFoundException]) when unknown. */
    @Throws(OpenTokException::class)
    fun getArchive(archiveId: String?): Archive {
        val id = required(archiveId, "archiveId")
        return native { Archive(client.getArchiveBlocking(id)) }
    }

    /** Suspending [getArchive]. */
    @Throws(OpenTokException::class)
    suspend fun getArchiveAsync(archiveId: String): Archive = native { Archive(client.getArchive(archiveId)) }

    /** [getArchive] as a future. */
    fun getArchiveFuture(archiveId: String?): CompletableFuture<Archive> = future { getArchiveAsync(required(archiveId, "archiveId")) }

    /** Lists archives, newest first: one session's ([sessionId] `null`: all); [offset] and [count] (1–1000) page. */
    @Throws(OpenTokException::class)
    fun listArchives(sessionId: String?, offset: Int, count: Int): ArchiveList = listArchivesOf(sessionId, offset, count)

    private fun listArchivesOf(sessionId: String?, offset: Int?, count: Int?): ArchiveList {
        val options = listOptions(sessionId, offset, count)
        return native { ArchiveList(client.listArchivesBlocking(options)) }
    }

    /** The first page of all archives. */
    @Throws(OpenTokException::class)
    fun listArchives(): ArchiveList = listArchivesOf(null, null, null)

    /** The archives of one session (`null` is refused, as in the official SDK). */
    @Throws(OpenTokException::class)
    fun listArchives(sessionId: String?): ArchiveList = listArchivesOf(required(sessionId, "sessionId"), null, null)

    /** A page of all archives. */
    @Throws(OpenTokException::class)
    fun listArchives(offset: Int, count: Int): ArchiveList = listArchivesOf(null, offset, count)

    /** Suspending [listArchives]. */
    @Throws(OpenTokException::class)
    suspend fun listArchivesAsync(sessionId: String? = null, offset: Int? = null, count: Int? = null): ArchiveList =
        native { ArchiveList(client.listArchives(listOptions(sessionId, offset, count))) }

    /** [listArchives] as a future (every argument optional). */
    @JvmOverloads
    fun listArchivesFuture(sessionId: String? = null, offset: Int? = null, count: Int? = null): CompletableFuture<ArchiveList> =
        future { listArchivesAsync(sessionId, offset, count) }

    /** Deletes a stopped archive (409 while recording). */
    @Throws(OpenTokException::class)
    fun deleteArchive(archiveId: String?) {
        val id = required(archiveId, "archiveId")
        native { client.deleteArchiveBlocking(id) }
    }

    /** Suspending [deleteArchive]. */
    @Throws(OpenTokException::class)
    suspend fun deleteArchiveAsync(archiveId: String) = native { client.deleteArchive(archiveId) }

    /** [deleteArchive] as a future. */
    fun deleteArchiveFuture(archiveId: String?): CompletableFuture<Unit> = future { deleteArchiveAsync(required(archiveId, "archiveId")) }

    /** Changes the layout of a recording composed archive. */
    @Throws(OpenTokException::class)
    @JvmName("setArchiveLayoutTo")
    fun setArchiveLayout(archiveId: String?, layout: ArchiveLayout?) =
        archives.setLayout(required(archiveId, "archiveId"), required(layout, "layout"))

    /** Changes the layout to the one in [properties] (the official signature); without one, the core's default (`bestFit`). */
    @Throws(OpenTokException::class)
    fun setArchiveLayout(archiveId: String?, properties: ArchiveProperties?) =
        archives.setLayoutOrDefault(required(archiveId, "archiveId"), required(properties, "properties").layout)

    /** Suspending [setArchiveLayout]. */
    @Throws(OpenTokException::class)
    suspend fun setArchiveLayoutAsync(archiveId: String, layout: ArchiveLayout) = archives.setLayoutAsync(archiveId, layout)

    /** [setArchiveLayout] as a future. */
    fun setArchiveLayoutFuture(archiveId: String?, layout: ArchiveLayout?): CompletableFuture<Unit> =
        future { setArchiveLayoutAsync(required(archiveId, "archiveId"), required(layout, "layout")) }

    /** Adds a stream to an archive in manual stream mode. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun addArchiveStream(archiveId: String?, streamId: String?, hasAudio: Boolean = true, hasVideo: Boolean = true) =
        archives.addStream(required(archiveId, "archiveId"), required(streamId, "streamId"), hasAudio, hasVideo)

    /** Suspending [addArchiveStream]. */
    @Throws(OpenTokException::class)
    suspend fun addArchiveStreamAsync(archiveId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true) =
        archives.addStreamAsync(archiveId, streamId, hasAudio, hasVideo)

    /** [addArchiveStream] as a future. */
    @JvmOverloads
    fun addArchiveStreamFuture(archiveId: String?, streamId: String?, hasAudio: Boolean = true, hasVideo: Boolean = true): CompletableFuture<Unit> =
        future { addArchiveStreamAsync(required(archiveId, "archiveId"), required(streamId, "streamId"), hasAudio, hasVideo) }

    /** Removes a stream from an archive in manual stream mode. */
    @Throws(OpenTokException::class)
    fun removeArchiveStream(archiveId: String?, streamId: String?) =
        archives.removeStream(required(archiveId, "archiveId"), required(streamId, "streamId"))

    /** Suspending [removeArchiveStream]. */
    @Throws(OpenTokException::class)
    suspend fun removeArchiveStreamAsync(archiveId: String, streamId: String) = archives.removeStreamAsync(archiveId, streamId)

    /** [removeArchiveStream] as a future. */
    fun removeArchiveStreamFuture(archiveId: String?, streamId: String?): CompletableFuture<Unit> =
        future { removeArchiveStreamAsync(required(archiveId, "archiveId"), required(streamId, "streamId")) }

    /** Starts a live-streaming broadcast (HLS and/or RTMP) of [sessionId]. */
    @Throws(OpenTokException::class)
    fun startBroadcast(sessionId: String?, properties: BroadcastProperties?): Broadcast {
        val id = required(sessionId, "sessionId")
        val options = required(properties, "properties").toOptions()
        return native { Broadcast(client.startBroadcastBlocking(id, options)) }
    }

    /** Suspending [startBroadcast]. */
    @Throws(OpenTokException::class)
    suspend fun startBroadcastAsync(sessionId: String, properties: BroadcastProperties): Broadcast =
        native { Broadcast(client.startBroadcast(sessionId, properties.toOptions())) }

    /** [startBroadcast] as a future. */
    fun startBroadcastFuture(sessionId: String?, properties: BroadcastProperties?): CompletableFuture<Broadcast> =
        future { startBroadcastAsync(required(sessionId, "sessionId"), required(properties, "properties")) }

    /** Stops a broadcast; answers it. */
    @Throws(OpenTokException::class)
    fun stopBroadcast(broadcastId: String?): Broadcast {
        val id = required(broadcastId, "broadcastId")
        return native { Broadcast(client.stopBroadcastBlocking(id)) }
    }

    /** Suspending [stopBroadcast]. */
    @Throws(OpenTokException::class)
    suspend fun stopBroadcastAsync(broadcastId: String): Broadcast = native { Broadcast(client.stopBroadcast(broadcastId)) }

    /** [stopBroadcast] as a future. */
    fun stopBroadcastFuture(broadcastId: String?): CompletableFuture<Broadcast> =
        future { stopBroadcastAsync(required(broadcastId, "broadcastId")) }

    /** Reads a broadcast. */
    @Throws(OpenTokException::class)
    fun getBroadcast(broadcastId: String?): Broadcast {
        val id = required(broadcastId, "broadcastId")
        return native { Broadcast(client.getBroadcastBlocking(id)) }
    }

    /** Suspending [getBroadcast]. */
    @Throws(OpenTokException::class)
    suspend fun getBroadcastAsync(broadcastId: String): Broadcast = native { Broadcast(client.getBroadcast(broadcastId)) }

    /** [getBroadcast] as a future. */
    fun getBroadcastFuture(broadcastId: String?): CompletableFuture<Broadcast> =
        future { getBroadcastAsync(required(broadcastId, "broadcastId")) }

    /** Lists broadcasts (not in the official Java SDK): all or one session's, paged. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listBroadcasts(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList {
        val options = listOptions(sessionId, offset, count)
        return native { BroadcastList(client.listBroadcastsBlocking(options)) }
    }

    /** Suspending [listBroadcasts]. */
    @Throws(OpenTokException::class)
    suspend fun listBroadcastsAsync(sessionId: String? = null, offset: Int? = null, count: Int? = null): BroadcastList =
        native { BroadcastList(client.listBroadcasts(listOptions(sessionId, offset, count))) }

    /** [listBroadcasts] as a future. */
    @JvmOverloads
    fun listBroadcastsFuture(sessionId: String? = null, offset: Int? = null, count: Int? = null): CompletableFuture<BroadcastList> =
        future { listBroadcastsAsync(sessionId, offset, count) }

    /** Changes the layout of a running broadcast. */
    @Throws(OpenTokException::class)
    @JvmName("setBroadcastLayoutTo")
    fun setBroadcastLayout(broadcastId: String?, layout: ArchiveLayout?) =
        broadcasts.setLayout(required(broadcastId, "broadcastId"), required(layout, "layout"))

    /** Changes the layout to the one in [properties] (the official signature); without one, the core's default (`bestFit`). */
    @Throws(OpenTokException::class)
    fun setBroadcastLayout(broadcastId: String?, properties: BroadcastProperties?) =
        broadcasts.setLayoutOrDefault(required(broadcastId, "broadcastId"), required(properties, "properties").layout)

    /** Suspending [setBroadcastLayout]. */
    @Throws(OpenTokException::class)
    suspend fun setBroadcastLayoutAsync(broadcastId: String, layout: ArchiveLayout) = broadcasts.setLayoutAsync(broadcastId, layout)

    /** [setBroadcastLayout] as a future. */
    fun setBroadcastLayoutFuture(broadcastId: String?, layout: ArchiveLayout?): CompletableFuture<Unit> =
        future { setBroadcastLayoutAsync(required(broadcastId, "broadcastId"), required(layout, "layout")) }

    /** Adds a stream to a broadcast in manual stream mode. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun addBroadcastStream(broadcastId: String?, streamId: String?, hasAudio: Boolean = true, hasVideo: Boolean = true) =
        broadcasts.addStream(required(broadcastId, "broadcastId"), required(streamId, "streamId"), hasAudio, hasVideo)

    /** Suspending [addBroadcastStream]. */
    @Throws(OpenTokException::class)
    suspend fun addBroadcastStreamAsync(broadcastId: String, streamId: String, hasAudio: Boolean = true, hasVideo: Boolean = true) =
        broadcasts.addStreamAsync(broadcastId, streamId, hasAudio, hasVideo)

    /** [addBroadcastStream] as a future. */
    @JvmOverloads
    fun addBroadcastStreamFuture(broadcastId: String?, streamId: String?, hasAudio: Boolean = true, hasVideo: Boolean = true): CompletableFuture<Unit> =
        future { addBroadcastStreamAsync(required(broadcastId, "broadcastId"), required(streamId, "streamId"), hasAudio, hasVideo) }

    /** Removes a stream from a broadcast in manual stream mode. */
    @Throws(OpenTokException::class)
    fun removeBroadcastStream(broadcastId: String?, streamId: String?) =
        broadcasts.removeStream(required(broadcastId, "broadcastId"), required(streamId, "streamId"))

    /** Suspending [removeBroadcastStream]. */
    @Throws(OpenTokException::class)
    suspend fun removeBroadcastStreamAsync(broadcastId: String, streamId: String) = broadcasts.removeStreamAsync(broadcastId, streamId)

    /** [removeBroadcastStream] as a future. */
    fun removeBroadcastStreamFuture(broadcastId: String?, streamId: String?): CompletableFuture<Unit> =
        future { removeBroadcastStreamAsync(required(broadcastId, "broadcastId"), required(streamId, "streamId")) }

    /** Reads one stream of a session. */
    @Throws(OpenTokException::class)
    fun getStream(sessionId: String?, streamId: String?): Stream {
        val id = required(sessionId, "sessionId")
        val stream = required(streamId, "streamId")
        return native { Stream(client.getStreamBlocking(id, stream)) }
    }

    /** Suspending [getStream]. */
    @Throws(OpenTokException::class)
    suspend fun getStreamAsync(sessionId: String, streamId: String): Stream = native { Stream(client.getStream(sessionId, streamId)) }

    /** [getStream] as a future. */
    fun getStreamFuture(sessionId: String?, streamId: String?): CompletableFuture<Stream> =
        future { getStreamAsync(required(sessionId, "sessionId"), required(streamId, "streamId")) }

    /** Lists the streams of a session. */
    @Throws(OpenTokException::class)
    fun listStreams(sessionId: String?): StreamList {
        val id = required(sessionId, "sessionId")
        return native { StreamList(client.listStreamsBlocking(id)) }
    }

    /** Suspending [listStreams]. */
    @Throws(OpenTokException::class)
    suspend fun listStreamsAsync(sessionId: String): StreamList = native { StreamList(client.listStreams(sessionId)) }

    /** [listStreams] as a future. */
    fun listStreamsFuture(sessionId: String?): CompletableFuture<StreamList> = future { listStreamsAsync(required(sessionId, "sessionId")) }

    /** Sets the layout classes of several streams at once. */
    @Throws(OpenTokException::class)
    fun setStreamLayouts(sessionId: String?, properties: StreamListProperties?) {
        val id = required(sessionId, "sessionId")
        val items = required(properties, "properties").items
        native { client.setStreamClassListsBlocking(id, items) }
    }

    /** Suspending [setStreamLayouts]. */
    @Throws(OpenTokException::class)
    suspend fun setStreamLayoutsAsync(sessionId: String, properties: StreamListProperties) = native { client.setStreamClassLists(sessionId, properties.items) }

    /** [setStreamLayouts] as a future. */
    fun setStreamLayoutsFuture(sessionId: String?, properties: StreamListProperties?): CompletableFuture<Unit> =
        future { setStreamLayoutsAsync(required(sessionId, "sessionId"), required(properties, "properties")) }

    /** Disconnects a client from a session. 404 when it is not connected. */
    @Throws(OpenTokException::class)
    fun forceDisconnect(sessionId: String?, connectionId: String?) {
        val id = required(sessionId, "sessionId")
        val connection = required(connectionId, "connectionId")
        native { client.forceDisconnectBlocking(id, connection) }
    }

    /** Suspending [forceDisconnect]. */
    @Throws(OpenTokException::class)
    suspend fun forceDisconnectAsync(sessionId: String, connectionId: String) = native { client.forceDisconnect(sessionId, connectionId) }

    /** [forceDisconnect] as a future. */
    fun forceDisconnectFuture(sessionId: String?, connectionId: String?): CompletableFuture<Unit> =
        future { forceDisconnectAsync(required(sessionId, "sessionId"), required(connectionId, "connectionId")) }

    /** Mutes one stream's audio. */
    @Throws(OpenTokException::class)
    fun forceMuteStream(sessionId: String?, streamId: String?) {
        val id = required(sessionId, "sessionId")
        val stream = required(streamId, "streamId")
        native { client.muteStreamBlocking(id, stream) }
    }

    /** Suspending [forceMuteStream]. */
    @Throws(OpenTokException::class)
    suspend fun forceMuteStreamAsync(sessionId: String, streamId: String) = native { client.muteStream(sessionId, streamId) }

    /** [forceMuteStream] as a future. */
    fun forceMuteStreamFuture(sessionId: String?, streamId: String?): CompletableFuture<Unit> =
        future { forceMuteStreamAsync(required(sessionId, "sessionId"), required(streamId, "streamId")) }

    /** Mutes every stream but the excluded ones, and streams published later. */
    @Throws(OpenTokException::class)
    fun forceMuteAll(sessionId: String?, properties: MuteAllProperties?) {
        val id = required(sessionId, "sessionId")
        val options = required(properties, "properties").options
        native { client.muteAllBlocking(id, options) }
    }

    /** Suspending [forceMuteAll]. */
    @Throws(OpenTokException::class)
    suspend fun forceMuteAllAsync(sessionId: String, properties: MuteAllProperties) = native { client.muteAll(sessionId, properties.options) }

    /** [forceMuteAll] as a future. */
    fun forceMuteAllFuture(sessionId: String?, properties: MuteAllProperties?): CompletableFuture<Unit> =
        future { forceMuteAllAsync(required(sessionId, "sessionId"), required(properties, "properties")) }

    /** Stops muting streams published later. */
    @Throws(OpenTokException::class)
    fun disableForceMute(sessionId: String?) {
        val id = required(sessionId, "sessionId")
        native { client.disableForceMuteBlocking(id) }
    }

    /** Suspending [disableForceMute]. */
    @Throws(OpenTokException::class)
    suspend fun disableForceMuteAsync(sessionId: String) = native { client.disableForceMute(sessionId) }

    /** [disableForceMute] as a future. */
    fun disableForceMuteFuture(sessionId: String?): CompletableFuture<Unit> = future { disableForceMuteAsync(required(sessionId, "sessionId")) }

    /** Signals every client of a session. 413 ([com.opentok.exception.PayloadTooLargeException]) over 8 kB. */
    @Throws(OpenTokException::class)
    fun signal(sessionId: String?, properties: SignalProperties?) = signalTo(sessionId, null, properties)

    /** Signals one connection. */
    @Throws(OpenTokException::class)
    fun signal(sessionId: String?, connectionId: String?, properties: SignalProperties?) =
        signalTo(sessionId, required(connectionId, "connectionId"), properties)

    private fun signalTo(sessionId: String?, connectionId: String?, properties: SignalProperties?) {
        val id = required(sessionId, "sessionId")
        val signal = required(properties, "properties").signal
        native { client.signalBlocking(id, connectionId, signal) }
    }

    /** Suspending [signal] (to one connection when [connectionId] is set). */
    @Throws(OpenTokException::class)
    suspend fun signalAsync(sessionId: String, connectionId: String?, properties: SignalProperties) =
        native { client.signal(sessionId, connectionId, properties.signal) }

    /** [signal] as a future (to one connection when [connectionId] is not `null`). */
    fun signalFuture(sessionId: String?, connectionId: String?, properties: SignalProperties?): CompletableFuture<Unit> =
        future { signalAsync(required(sessionId, "sessionId"), connectionId, required(properties, "properties")) }

    /** Lists the connections of a session. */
    @Throws(OpenTokException::class)
    fun listConnections(sessionId: String?): ConnectionList {
        val id = required(sessionId, "sessionId")
        return native { ConnectionList(client.listConnectionsBlocking(id)) }
    }

    /** Suspending [listConnections]. */
    @Throws(OpenTokException::class)
    suspend fun listConnectionsAsync(sessionId: String): ConnectionList = native { ConnectionList(client.listConnections(sessionId)) }

    /** [listConnections] as a future. */
    fun listConnectionsFuture(sessionId: String?): CompletableFuture<ConnectionList> =
        future { listConnectionsAsync(required(sessionId, "sessionId")) }

    /** Dials a SIP endpoint into a session, joining with [token]. */
    @Throws(OpenTokException::class)
    fun dial(sessionId: String?, token: String?, properties: SipProperties?): Sip {
        val id = required(sessionId, "sessionId")
        val tok = required(token, "token")
        val sip = required(properties, "properties")
        val options = sip.toOptions()
        return native { Sip(client.dialBlocking(id, tok, sip.sipUri, options)) }
    }

    /** Suspending [dial]. */
    @Throws(OpenTokException::class)
    suspend fun dialAsync(sessionId: String, token: String, properties: SipProperties): Sip =
        native { Sip(client.dial(sessionId, token, properties.sipUri, properties.toOptions())) }

    /** [dial] as a future. */
    fun dialFuture(sessionId: String?, token: String?, properties: SipProperties?): CompletableFuture<Sip> =
        future { dialAsync(required(sessionId, "sessionId"), required(token, "token"), required(properties, "properties")) }

    /** Plays DTMF digits (`[0-9*#p]+`) to every SIP participant of a session. */
    @Throws(OpenTokException::class)
    fun playDTMF(sessionId: String?, dtmfDigits: String?) = playDtmfTo(sessionId, null, dtmfDigits)

    /** Plays DTMF digits to one connection. */
    @Throws(OpenTokException::class)
    fun playDTMF(sessionId: String?, connectionId: String?, dtmfDigits: String?) =
        playDtmfTo(sessionId, required(connectionId, "connectionId"), dtmfDigits)

    private fun playDtmfTo(sessionId: String?, connectionId: String?, dtmfDigits: String?) {
        val id = required(sessionId, "sessionId")
        val digits = required(dtmfDigits, "dtmfDigits")
        native { client.playDtmfBlocking(id, connectionId, digits) }
    }

    /** Suspending [playDTMF] (to one connection when [connectionId] is set). */
    @Throws(OpenTokException::class)
    suspend fun playDTMFAsync(sessionId: String, connectionId: String?, dtmfDigits: String) = native { client.playDtmf(sessionId, connectionId, dtmfDigits) }

    /** [playDTMF] as a future (to one connection when [connectionId] is not `null`). */
    fun playDTMFFuture(sessionId: String?, connectionId: String?, dtmfDigits: String?): CompletableFuture<Unit> =
        future { playDTMFAsync(required(sessionId, "sessionId"), connectionId, required(dtmfDigits, "dtmfDigits")) }

    /** Starts live captions (needs a moderator [token]); `null` properties are the defaults, as in the official SDK. */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun startCaptions(sessionId: String?, token: String?, properties: CaptionProperties? = DEFAULT_CAPTION_PROPERTIES): Caption {
        val id = required(sessionId, "sessionId")
        val tok = required(token, "token")
        val options = (properties ?: DEFAULT_CAPTION_PROPERTIES).options
        return native { Caption(client.startCaptionsBlocking(id, tok, options)) }
    }

    /** Suspending [startCaptions]. */
    @Throws(OpenTokException::class)
    suspend fun startCaptionsAsync(sessionId: String, token: String, properties: CaptionProperties = DEFAULT_CAPTION_PROPERTIES): Caption =
        native { Caption(client.startCaptions(sessionId, token, properties.options)) }

    /** [startCaptions] as a future. */
    @JvmOverloads
    fun startCaptionsFuture(sessionId: String?, token: String?, properties: CaptionProperties? = DEFAULT_CAPTION_PROPERTIES): CompletableFuture<Caption> =
        future { startCaptionsAsync(required(sessionId, "sessionId"), required(token, "token"), properties ?: DEFAULT_CAPTION_PROPERTIES) }

    /** Stops live captions. */
    @Throws(OpenTokException::class)
    fun stopCaptions(captionsId: String?) {
        val id = required(captionsId, "captionsId")
        native { client.stopCaptionsBlocking(id) }
    }

    /** Suspending [stopCaptions]. */
    @Throws(OpenTokException::class)
    suspend fun stopCaptionsAsync(captionsId: String) = native { client.stopCaptions(captionsId) }

    /** [stopCaptions] as a future. */
    fun stopCaptionsFuture(captionsId: String?): CompletableFuture<Unit> = future { stopCaptionsAsync(required(captionsId, "captionsId")) }

    /** Reads the state of live captions (not in the official SDK). */
    @Throws(OpenTokException::class)
    fun getCaptions(captionsId: String?): CaptionStatus {
        val id = required(captionsId, "captionsId")
        return native { CaptionStatus(client.getCaptionsBlocking(id)) }
    }

    /** Suspending [getCaptions]. */
    @Throws(OpenTokException::class)
    suspend fun getCaptionsAsync(captionsId: String): CaptionStatus = native { CaptionStatus(client.getCaptions(captionsId)) }

    /** [getCaptions] as a future. */
    fun getCaptionsFuture(captionsId: String?): CompletableFuture<CaptionStatus> = future { getCaptionsAsync(required(captionsId, "captionsId")) }

    /** Starts an Experience Composer render publishing into [sessionId]. */
    @Throws(OpenTokException::class)
    fun startRender(sessionId: String?, token: String?, properties: RenderProperties?): Render {
        val id = required(sessionId, "sessionId")
        val tok = required(token, "token")
        val options = required(properties, "properties").toOptions()
        return native { Render(client.startRenderBlocking(id, tok, options)) }
    }

    /** Suspending [startRender]. */
    @Throws(OpenTokException::class)
    suspend fun startRenderAsync(sessionId: String, token: String, properties: RenderProperties): Render =
        native { Render(client.startRender(sessionId, token, properties.toOptions())) }

    /** [startRender] as a future. */
    fun startRenderFuture(sessionId: String?, token: String?, properties: RenderProperties?): CompletableFuture<Render> =
        future { startRenderAsync(required(sessionId, "sessionId"), required(token, "token"), required(properties, "properties")) }

    /** Reads a render. */
    @Throws(OpenTokException::class)
    fun getRender(renderId: String?): Render {
        val id = required(renderId, "renderId")
        return native { Render(client.getRenderBlocking(id)) }
    }

    /** Suspending [getRender]. */
    @Throws(OpenTokException::class)
    suspend fun getRenderAsync(renderId: String): Render = native { Render(client.getRender(renderId)) }

    /** [getRender] as a future. */
    fun getRenderFuture(renderId: String?): CompletableFuture<Render> = future { getRenderAsync(required(renderId, "renderId")) }

    /** Stops a render. */
    @Throws(OpenTokException::class)
    fun stopRender(renderId: String?) {
        val id = required(renderId, "renderId")
        native { client.stopRenderBlocking(id) }
    }

    /** Suspending [stopRender]. */
    @Throws(OpenTokException::class)
    suspend fun stopRenderAsync(renderId: String) = native { client.stopRender(renderId) }

    /** [stopRender] as a future. */
    fun stopRenderFuture(renderId: String?): CompletableFuture<Unit> = future { stopRenderAsync(required(renderId, "renderId")) }

    /** Lists renders, paged ([count] 1–1000). */
    @Throws(OpenTokException::class)
    @JvmOverloads
    fun listRenders(offset: Int? = null, count: Int? = null): RenderList {
        val options = listOptions(null, offset, count)
        return native { RenderList(client.listRendersBlocking(options)) }
    }

    /** Suspending [listRenders]. */
    @Throws(OpenTokException::class)
    suspend fun listRendersAsync(offset: Int? = null, count: Int? = null): RenderList =
        native { RenderList(client.listRenders(listOptions(null, offset, count))) }

    /** [listRenders] as a future. */
    @JvmOverloads
    fun listRendersFuture(offset: Int? = null, count: Int? = null): CompletableFuture<RenderList> = future { listRendersAsync(offset, count) }

    /** Streams a session's audio to a WebSocket (the Audio Connector). */
    @Throws(OpenTokException::class)
    fun connectAudioStream(sessionId: String?, token: String?, properties: AudioConnectorProperties?): AudioConnector {
        val id = required(sessionId, "sessionId")
        val tok = required(token, "token")
        val options = required(properties, "properties").options
        return native { AudioConnector(client.connectAudioBlocking(id, tok, options)) }
    }

    /** Suspending [connectAudioStream]. */
    @Throws(OpenTokException::class)
    suspend fun connectAudioStreamAsync(sessionId: String, token: String, properties: AudioConnectorProperties): AudioConnector =
        native { AudioConnector(client.connectAudio(sessionId, token, properties.options)) }

    /** [connectAudioStream] as a future. */
    fun connectAudioStreamFuture(sessionId: String?, token: String?, properties: AudioConnectorProperties?): CompletableFuture<AudioConnector> =
        future { connectAudioStreamAsync(required(sessionId, "sessionId"), required(token, "token"), required(properties, "properties")) }

    /** Stops an Audio Connector (not in the official SDK). */
    @Throws(OpenTokException::class)
    fun stopAudioConnector(connectorId: String?) {
        val id = required(connectorId, "connectorId")
        native { client.stopAudioConnectorBlocking(id) }
    }

    /** Suspending [stopAudioConnector]. */
    @Throws(OpenTokException::class)
    suspend fun stopAudioConnectorAsync(connectorId: String) = native { client.stopAudioConnector(connectorId) }

    /** [stopAudioConnector] as a future. */
    fun stopAudioConnectorFuture(connectorId: String?): CompletableFuture<Unit> =
        future { stopAudioConnectorAsync(required(connectorId, "connectorId")) }

    /** Lists registered callbacks (not in the official Java SDK). */
    @Throws(OpenTokException::class)
    fun listCallbacks(): List<Callback> = native { client.listCallbacksBlocking().map(::Callback) }

    /** Suspending [listCallbacks]. */
    @Throws(OpenTokException::class)
    suspend fun listCallbacksAsync(): List<Callback> = native { client.listCallbacks().map(::Callback) }

    /** [listCallbacks] as a future. */
    fun listCallbacksFuture(): CompletableFuture<List<Callback>> = future { listCallbacksAsync() }

    /** Registers a callback URL for [group] (`connection`, `stream`, `archive`) and [event]. */
    @Throws(OpenTokException::class)
    fun registerCallback(group: String?, event: String?, url: String?): Callback {
        val options = Callback.options(required(group, "group"), required(event, "event"), required(url, "url"))
        return native { Callback(client.registerCallbackBlocking(options)) }
    }

    /** Suspending [registerCallback]. */
    @Throws(OpenTokException::class)
    suspend fun registerCallbackAsync(group: String, event: String, url: String): Callback =
        native { Callback(client.registerCallback(Callback.options(group, event, url))) }

    /** [registerCallback] as a future. */
    fun registerCallbackFuture(group: String?, event: String?, url: String?): CompletableFuture<Callback> =
        future { registerCallbackAsync(required(group, "group"), required(event, "event"), required(url, "url")) }

    /** Deletes a registered callback. */
    @Throws(OpenTokException::class)
    fun deleteCallback(callbackId: String?) {
        val id = required(callbackId, "callbackId")
        native { client.deleteCallbackBlocking(id) }
    }

    /** Suspending [deleteCallback]. */
    @Throws(OpenTokException::class)
    suspend fun deleteCallbackAsync(callbackId: String) = native { client.deleteCallback(callbackId) }

    /** [deleteCallback] as a future. */
    fun deleteCallbackFuture(callbackId: String?): CompletableFuture<Unit> = future { deleteCallbackAsync(required(callbackId, "callbackId")) }

    /** Cancels pending `...Future` calls and releases the native client. */
    override fun close() {
        tokenHandle = 0L
        futures.cancel()
        client.close()
    }

    override fun toString(): String = "OpenTok(apiKey=$apiKey, apiUrl=$apiUrl)"

    private companion object {
        val HANDLES: java.lang.ref.Cleaner = java.lang.ref.Cleaner.create()
        val DEFAULT_TOKEN_OPTIONS: TokenOptions = TokenOptions.Builder().build()
        val DEFAULT_SESSION_PROPERTIES: SessionProperties = SessionProperties.Builder().build()
        val DEFAULT_ARCHIVE_PROPERTIES: ArchiveProperties = ArchiveProperties.Builder().build()
        val DEFAULT_CAPTION_PROPERTIES: CaptionProperties = CaptionProperties.Builder().build()
    }

    /**
     * Configures an [OpenTok]: API URL, timeouts, proxy, user-agent suffix, retries.
     * Unset values keep the core's defaults (30 s request timeout, 10 s connect timeout, 2 retries).
     */
    class Builder private constructor(private val connect: (ClientConfig) -> Client) {
        /**
         * A builder from the two values the official SDKs take: an api key and its secret, or an
         * application id and its private key (PEM text, or a key file path). The core decides
         * which from the second value.
         */
        constructor(apiKey: String?, apiSecret: String?) :
            this({ config -> Client(required(apiKey, "apiKey"), required(apiSecret, "apiSecret"), config) })

        /** A builder with a numeric api key (as in the official SDK). */
        constructor(apiKey: Int, apiSecret: String?) : this(apiKey.toString(), apiSecret)

        /**
         * A builder with Vonage application credentials (official Java SDK 4.x): the application
         * id and the path of its RSA private key PEM file, read by the core when the client is
         * built. Without [apiUrl] the core's default for applications, `https://video.api.vonage.com`, is used.
         */
        constructor(applicationId: String?, privateKeyPath: Path?) :
            this({ config -> Client.withKeyFile(required(applicationId, "applicationId"), required(privateKeyPath, "privateKeyPath").toString(), config) })

        companion object {
            /**
             * A builder with Vonage application credentials given as the private key's PEM text
             * (`-----BEGIN PRIVATE KEY-----...`), e.g. from a secret store instead of a file.
             */
            @JvmStatic
            fun withPrivateKey(applicationId: String?, privateKeyPem: String?): Builder =
                Builder { config -> Client.withApplication(required(applicationId, "applicationId"), required(privateKeyPem, "privateKeyPem"), config) }
        }

        private var config = ClientConfig(binding = "jvm/" + System.getProperty("java.version", "unknown"), dialect = Dialect.JAVA)

        /** The API base URL (e.g. the emulator's `http://127.0.0.1:PORT`). */
        fun apiUrl(apiUrl: String?) = apply { config.apiUrl = apiUrl }

        /** Time allowed for a whole request, in seconds (the official SDK's unit). */
        fun requestTimeout(seconds: Int) = apply { config.requestTimeoutMs = nonNegativeMillis(seconds.toLong() * 1000) }

        /** Time allowed for a whole request. */
        fun requestTimeout(timeout: Duration?) = apply { config.requestTimeoutMs = timeout?.let { nonNegativeMillis(saturatedMillis(it)) } }

        /** Time allowed to open a connection. */
        fun connectTimeout(timeout: Duration?) = apply { config.connectTimeoutMs = timeout?.let { nonNegativeMillis(saturatedMillis(it)) } }

        /** A `java.net.Proxy` (HTTP or SOCKS); `Proxy.NO_PROXY` means none. */
        fun proxy(proxy: Proxy?) = apply { config.proxyUrl = proxy?.let { proxyUrl(it) } }

        /** A `java.net.Proxy` with credentials. */
        fun proxy(proxy: Proxy?, username: String?, password: String?) = apply {
            config.proxyUrl = proxy?.let { proxyUrl(it) }
            config.proxyUsername = username
            config.proxyPassword = password
        }

        /** A proxy URL: `http://host:port`, `https://host:port` or `socks5://host:port`. */
        @JvmName("proxyUrl")
        fun proxy(url: String?) = apply { config.proxyUrl = url }

        /** Text appended to the User-Agent (your app's name and version). */
        fun appendToUserAgent(suffix: String?) = apply { config.userAgentSuffix = suffix }

        /** Retries of idempotent or unsent requests (0 turns retries off). */
        fun maxRetries(retries: Int) = apply { config.maxRetries = retries.coerceAtLeast(0).toUInt() }

        /** Test hook: a fixed clock in unix seconds, making tokens reproducible. */
        fun fixedClockForTesting(unixSeconds: Long) = apply { config.fixedNow = unixSeconds }

        /** Test hook: a fixed token nonce. */
        fun fixedNonceForTesting(nonce: Int) = apply { config.fixedNonce = nonce.toUInt() }

        /** The client; bad credentials or options throw [InvalidArgumentException]. */
        @Throws(InvalidArgumentException::class)
        fun build(): OpenTok = OpenTok(newClient())

        internal fun newClient(): Client = native { connect(config.copy()) }

        private fun nonNegativeMillis(ms: Long): ULong = ms.coerceAtLeast(0).toULong()

        private fun proxyUrl(proxy: Proxy): String? {
            if (proxy.type() == Proxy.Type.DIRECT) return null
            val address = proxy.address() as? InetSocketAddress ?: return null
            val scheme = if (proxy.type() == Proxy.Type.SOCKS) "socks5" else "http"
            return "$scheme://${address.hostString}:${address.port}"
        }
    }
}

/**
 * The layout and stream-selection operations that archives and broadcasts share (the
 * `set...Layout`, `add...Stream` and `remove...Stream` groups of [OpenTok]), over one family of
 * the FFI client's methods, blocking and suspending: the conversions (layout to the core's record,
 * no layout to the core's default, audio/video flags to [StreamTracks]) live here once.
 */
private class Composition(
    private val setLayoutBlocking: (String, Layout) -> Unit,
    private val setLayoutSuspending: suspend (String, Layout) -> Unit,
    private val addStreamBlocking: (String, String, StreamTracks) -> Unit,
    private val addStreamSuspending: suspend (String, String, StreamTracks) -> Unit,
    private val removeStreamBlocking: (String, String) -> Unit,
    private val removeStreamSuspending: suspend (String, String) -> Unit,
) {
    fun setLayout(id: String, layout: ArchiveLayout) = native { setLayoutBlocking(id, layout.toFfi()) }

    /** The layout of an options object, or without one the core's default (`bestFit`). */
    fun setLayoutOrDefault(id: String, layout: Layout?) = native { setLayoutBlocking(id, layout ?: defaultLayout()) }

    suspend fun setLayoutAsync(id: String, layout: ArchiveLayout) = native { setLayoutSuspending(id, layout.toFfi()) }

    fun addStream(id: String, streamId: String, hasAudio: Boolean, hasVideo: Boolean) =
        native { addStreamBlocking(id, streamId, StreamTracks(hasAudio, hasVideo)) }

    suspend fun addStreamAsync(id: String, streamId: String, hasAudio: Boolean, hasVideo: Boolean) =
        native { addStreamSuspending(id, streamId, StreamTracks(hasAudio, hasVideo)) }

    fun removeStream(id: String, streamId: String) = native { removeStreamBlocking(id, streamId) }

    suspend fun removeStreamAsync(id: String, streamId: String) = native { removeStreamSuspending(id, streamId) }
}
