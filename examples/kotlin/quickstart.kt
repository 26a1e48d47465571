// OpenTok quickstart (Kotlin): create a session, mint a token, connect a simulated client,
// record it (409 on a second start), signal it and list its connections.
// Run with `make demo-jvm` (needs OPENTOK_API_URL pointing at an emulator).
import com.opentok.ArchiveProperties
import com.opentok.MediaMode
import com.opentok.OpenTok
import com.opentok.Role
import com.opentok.SessionProperties
import com.opentok.SignalProperties
import com.opentok.TokenOptions
import com.opentok.exception.ConflictException
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse

fun main() {
    val apiUrl = System.getenv("OPENTOK_API_URL") ?: "http://127.0.0.1:4010"
    val apiKey = System.getenv("OPENTOK_API_KEY") ?: "123456"
    val apiSecret = System.getenv("OPENTOK_API_SECRET") ?: "1234567890abcdef1234567890abcdef1234567890"

    OpenTok.Builder(apiKey, apiSecret).apiUrl(apiUrl).build().use { opentok ->
        // A routed session placed near an IP address, as in the OpenTok docs.
        val session = opentok.createSession(
            SessionProperties.Builder().mediaMode(MediaMode.ROUTED).location("12.34.56.78").build(),
        )
        println("session id:  ${session.sessionId}")
        println("media mode:  ${session.properties.mediaMode.name.lowercase()}")
        println("location:    ${session.properties.location}")

        val token = session.generateToken(
            TokenOptions.Builder().role(Role.MODERATOR).data("name=Kotlin quickstart").build(),
        )
        println("token:       ${token.take(32)}... (${token.length} chars)")

        // Connect a simulated client with the token (emulator-only API).
        val request = HttpRequest.newBuilder(URI.create("$apiUrl/emulator/v1/sessions/${session.sessionId}/connections"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"$token\"}"))
            .build()
        val response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
        println("connect:     HTTP ${response.statusCode()} ${response.body()}")
        check(response.statusCode() == 201) { "the emulator refused the token" }

        // The REST API, under the official Java SDK's names.
        val archive = opentok.startArchive(session.sessionId, ArchiveProperties.Builder().name("quickstart").build())
        println("archive:     ${archive.id} ${archive.status}")
        try {
            opentok.startArchive(session.sessionId)
        } catch (e: ConflictException) {
            println("again:       ${e.javaClass.simpleName} kind=${e.kind} status=${e.status}")
        }
        opentok.signal(session.sessionId, SignalProperties.Builder().type("chat").data("hello from Kotlin").build())
        println("connections: ${opentok.listConnections(session.sessionId).map { it.connectionId }}")
        val stopped = opentok.stopArchive(archive.id)
        println("stopped:     ${stopped.status}, then ${opentok.getArchive(archive.id).status}")
    }
}
