package com.opentok.emulator

import com.opentok.OpenTok
import java.io.BufferedReader
import java.io.File
import java.io.InputStreamReader
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.concurrent.TimeUnit

/** No `opentok-emulator` binary was found (the message says where it looked). */
class EmulatorNotFoundException(message: String) : IllegalStateException(message)

/** The emulator process exited or stayed silent instead of announcing its address. */
class EmulatorStartException(message: String) : IllegalStateException(message)

/**
 * A running `opentok-emulator` process on a free loopback port, in memory (`--port 0
 * --in-memory`): its [url], the credentials of the project it serves ([apiKey], [apiSecret]) and
 * its [pid]. [client] builds an [OpenTok] pointed at it; [close] ends the process.
 *
 * ```java
 * try (OpenTokEmulator emu = OpenTokEmulator.start()) {
 *     OpenTok opentok = emu.client();
 *     String sessionId = opentok.createSession().getSessionId();
 * }
 * ```
 * JUnit 5 tests use [OpenTokEmulatorExtension] instead.
 */
class OpenTokEmulator private constructor(
    private val process: Process,
    /** `http://127.0.0.1:PORT`. */
    val url: String,
    /** The api key of the project it serves. */
    val apiKey: String,
    /** The secret of the project it serves. */
    val apiSecret: String,
) : AutoCloseable {

    /** The emulator's process id. */
    val pid: Long get() = process.pid()

    /** Whether the process is still running. */
    val isAlive: Boolean get() = process.isAlive

    /** A new client for this emulator's project (the caller closes it). */
    fun client(): OpenTok = OpenTok.Builder(apiKey, apiSecret).apiUrl(url).build()

    /** Ends the process (SIGTERM, then SIGKILL after 5 s) and waits for it. Idempotent. */
    override fun close() {
        RUNNING.remove(this)
        if (process.isAlive) {
            process.destroy()
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly()
                process.waitFor(5, TimeUnit.SECONDS)
            }
        }
    }

    override fun toString(): String = "OpenTokEmulator(url=$url, apiKey=$apiKey, pid=$pid)"

    companion object {
        /** The development project the emulator serves without `--project`. */
        const val DEFAULT_API_KEY = "123456"

        /** The development project's secret. */
        const val DEFAULT_API_SECRET = "1234567890abcdef1234567890abcdef1234567890"

        private const val COMMAND = "opentok-emulator"
        private val RUNNING: MutableSet<OpenTokEmulator> = java.util.concurrent.ConcurrentHashMap.newKeySet()

        init {
            Runtime.getRuntime().addShutdownHook(Thread({ RUNNING.toList().forEach { it.process.destroyForcibly() } }, "opentok-emulator-stop"))
        }

        /** Starts the development project's emulator with extra command-line [args]. */
        @JvmStatic
        fun start(vararg args: String): OpenTokEmulator = start(null, null, null, args.toList())

        /**
         * Starts an emulator from [binary] (null: [findBinary]) serving [apiKey]/[apiSecret] (null:
         * the development project), with extra [args]; waits up to [timeoutMillis] for it to
         * listen. A process that does not come up is killed and an [EmulatorStartException]
         * carries its output.
         */
        @JvmStatic
        @JvmOverloads
        fun start(binary: String?, apiKey: String?, apiSecret: String?, args: List<String>, timeoutMillis: Long = 20_000): OpenTokEmulator {
            val bin = findBinary(binary)
            val key = apiKey ?: DEFAULT_API_KEY
            val secret = apiSecret ?: DEFAULT_API_SECRET
            val argv = mutableListOf(bin, "--port", "0", "--in-memory")
            if (apiKey != null || apiSecret != null) argv += listOf("--project", "$key:$secret")
            argv += args
            val err = Files.createTempFile("opentok-emulator", ".stderr").toFile().apply { deleteOnExit() }
            val process = ProcessBuilder(argv).redirectError(err).start()
            val reader = BufferedReader(InputStreamReader(process.inputStream))
            var first: String? = null
            val readFirst = Thread({ first = runCatching { reader.readLine() }.getOrNull() }, "emulator-first-line").apply { isDaemon = true; start() }
            readFirst.join(timeoutMillis)
            val silent = readFirst.isAlive
            val line = first
            if (silent || line == null || !line.startsWith("listening on http://")) {
                process.destroyForcibly()
                process.waitFor(5, TimeUnit.SECONDS)
                val why = when {
                    silent -> "it was silent $timeoutMillis ms"
                    line == null -> "it exited before printing its address (status ${process.exitValue()})"
                    else -> "it printed \"$line\""
                }
                val stderr = err.readText().trim().takeLast(500)
                err.delete()
                throw EmulatorStartException("opentok-emulator ($bin) did not start: $why${if (stderr.isEmpty()) "" else ": $stderr"}")
            }
            // Keep draining stdout so the emulator never blocks on a full pipe.
            Thread({ runCatching { while (reader.readLine() != null) Unit } }, "emulator-stdout").apply { isDaemon = true }.start()
            val emu = OpenTokEmulator(process, line.removePrefix("listening on ").trim().trimEnd('/'), key, secret)
            RUNNING += emu
            return emu
        }

        /**
         * The emulator binary: [binary] when given, else the `opentok.emulator.bin` system property,
         * else `$EMULATOR_BIN`, else the binary inside the `opentok-emulator` jar on the class path
         * (extracted once to a temporary file), else `opentok-emulator` on PATH (e.g. from
         * `pip install opentok-emulator`). Throws [EmulatorNotFoundException] naming what was tried.
         */
        @JvmStatic
        @JvmOverloads
        fun findBinary(binary: String? = null): String {
            val given = listOf(
                binary to "the binary argument",
                System.getProperty("opentok.emulator.bin") to "system property opentok.emulator.bin",
                System.getenv("EMULATOR_BIN") to "\$EMULATOR_BIN",
            ).firstOrNull { (v, _) -> !v.isNullOrBlank() && !v.startsWith("\${") }
            if (given != null) {
                val file = File(given.first!!)
                if (file.isFile && file.canExecute()) return file.path
                throw EmulatorNotFoundException("opentok-emulator binary \"${given.first}\" does not exist or is not executable (from ${given.second})")
            }
            packaged()?.let { return it }
            val path = System.getenv("PATH").orEmpty().split(File.pathSeparator).filter { it.isNotEmpty() }
            path.map { File(it, COMMAND) }.firstOrNull { it.isFile && it.canExecute() }?.let { return it.path }
            throw EmulatorNotFoundException(
                "opentok-emulator not found (tried system property opentok.emulator.bin, \$EMULATOR_BIN, " +
                    "the class path resource ${resourceName()}, PATH): add com.opentok.native:opentok-emulator " +
                    "as a test dependency, `pip install opentok-emulator`, or set EMULATOR_BIN to the binary",
            )
        }

        /** Where the `opentok-emulator` jar keeps the binary of this platform. */
        private fun resourceName(): String {
            val arch = when (val a = System.getProperty("os.arch")) { "amd64", "x86_64" -> "x86-64"; "aarch64", "arm64" -> "aarch64"; else -> a }
            val os = System.getProperty("os.name").lowercase().let { if (it.startsWith("linux")) "linux" else it.replace(' ', '-') }
            return "com/opentok/emulator/$os-$arch/$COMMAND"
        }

        @Volatile private var extracted: String? = null

        @Synchronized
        private fun packaged(): String? {
            extracted?.let { return it }
            val res = OpenTokEmulator::class.java.classLoader.getResourceAsStream(resourceName()) ?: return null
            val dir = Files.createTempDirectory("opentok-emulator")
            val file: Path = dir.resolve(COMMAND)
            res.use { Files.copy(it, file, StandardCopyOption.REPLACE_EXISTING) }
            file.toFile().setExecutable(true)
            file.toFile().deleteOnExit()
            dir.toFile().deleteOnExit()
            return file.toString().also { extracted = it }
        }
    }
}
