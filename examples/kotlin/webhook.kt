// Webhook endpoint (Kotlin): logs every event the service (or the emulator) POSTs to it, parsed
// by Events.parse into the sealed class Event. Register its URL as the project's callback
// (session monitoring, archive and broadcast status) or as a statusCallbackUrl (captions, renders).
// Not part of `make demo`; run it with
//   cd examples/kotlin && mvn -q compile exec:java -Dexec.mainClass=WebhookKt     (PORT, default 8080)
// Standard library only: the JDK's com.sun.net.httpserver.
import com.opentok.Events
import com.opentok.exception.InvalidArgumentException
import com.opentok.ffi.core.Event
import com.opentok.name
import com.opentok.sessionId
import com.sun.net.httpserver.HttpServer
import java.net.InetSocketAddress

/** One log line per event. */
fun describe(event: Event): String = when (event) {
    is Event.ConnectionCreated -> "${event.name} ${event.sessionId} connection=${event.event.connection.id} data=${event.event.connection.data}"
    is Event.ConnectionDestroyed -> "${event.name} ${event.sessionId} connection=${event.event.connection.id} reason=${event.event.reason}"
    is Event.StreamCreated -> "${event.name} ${event.sessionId} stream=${event.event.stream.id} videoType=${event.event.stream.videoType}"
    is Event.StreamDestroyed -> "${event.name} ${event.sessionId} stream=${event.event.stream.id} reason=${event.event.reason}"
    is Event.ArchiveChanged -> "archive ${event.event.archive.id} ${event.event.status} url=${event.event.archive.url}"
    is Event.BroadcastChanged -> "broadcast ${event.event.broadcast.id} ${event.event.status}"
    is Event.Unknown -> "unknown event: ${event.raw}"
    else -> "${event.name} ${event.sessionId}"
}

fun main() {
    val port = (System.getenv("PORT") ?: "8080").toInt()
    val server = HttpServer.create(InetSocketAddress("127.0.0.1", port), 0)
    server.createContext("/") { exchange ->
        val body = exchange.requestBody.readBytes()
        val status = try {
            println(describe(Events.parse(body)))
            200
        } catch (e: InvalidArgumentException) { // not JSON
            println("rejected: ${e.message}")
            400
        }
        exchange.sendResponseHeaders(status, -1)
        exchange.close()
    }
    server.start()
    println("webhook listening on http://127.0.0.1:${server.address.port}/")
}
