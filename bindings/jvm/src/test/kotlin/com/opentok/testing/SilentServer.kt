package com.opentok.testing

import java.net.InetAddress
import java.net.ServerSocket
import java.net.Socket
import java.util.concurrent.CopyOnWriteArrayList

/**
 * A loopback socket server that accepts connections and never answers: the one fault the
 * emulator cannot produce (a request that never completes).
 */
class SilentServer : AutoCloseable {
    private val server = ServerSocket(0, 50, InetAddress.getLoopbackAddress())
    private val held = CopyOnWriteArrayList<Socket>()

    /** The loopback port it listens on. */
    val port: Int = server.localPort

    /** `http://127.0.0.1:PORT`. */
    val url: String = "http://127.0.0.1:$port"

    /** How many connections were accepted. */
    val accepted: Int get() = held.size

    init {
        Thread({
            try {
                while (!server.isClosed) held.add(server.accept())
            } catch (_: Exception) {
            }
        }, "silent-server").apply { isDaemon = true }.start()
    }

    override fun close() {
        server.close()
        held.forEach { runCatching { it.close() } }
    }

    companion object {
        /** A loopback URL where nothing listens (a port that was just closed). */
        @JvmStatic
        fun closedPortUrl(): String {
            val s = ServerSocket(0, 1, InetAddress.getLoopbackAddress())
            val port = s.localPort
            s.close()
            return "http://127.0.0.1:$port"
        }
    }
}
