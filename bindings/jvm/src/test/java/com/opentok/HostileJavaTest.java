package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.opentok.testing.Emulator;
import com.opentok.testing.SilentServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile inputs and hostile process life in a child JVM per case (issue #15; the JVM twin of
 * python/tests/test_hostile.py and node/tests/hostile.test.js): {@code java -cp <this class path>
 * com.opentok.HostileChild <case> <emulator> <silent server>}. A case passes when the child exits
 * with 0 (a segfault or abort in the native library is 134/139 and fails it), reports the end of
 * the case, reports no error outside the OpenTokException hierarchy ({@code UNTYPED}), no data
 * changed on the way, and prints each line {@link #EXPECTED} pins for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileJavaTest {
    /** Lines each case must print (exact lines; the rest of its output is checked by the rules above). */
    static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            Map.entry("huge-strings", List.of(
                    "token data 10MB: InvalidArgumentException field=data",
                    "token session id 10MB: InvalidArgumentException field=session_id",
                    "token layout class 10MB: InvalidArgumentException field=initial_layout_class_list",
                    "session location 10MB: InvalidArgumentException field=location",
                    "archive name 10MB: InvalidArgumentException field=name",
                    "api secret 10MB: InvalidArgumentException field=api_secret",
                    "decode token 10MB: InvalidTokenException kind=invalid_token")),
            Map.entry("surrogates-nul", List.of(
                    "token data lone high surrogate: InvalidArgumentException field=data",
                    "T1 token data lone low surrogate: InvalidArgumentException field=data",
                    "token layout class lone high surrogate: InvalidArgumentException field=initial_layout_class_list",
                    "token session id lone high surrogate: InvalidArgumentException field=session_id",
                    "archive name lone high surrogate: InvalidArgumentException field=null",
                    "stream id lone low surrogate: InvalidArgumentException field=streamId",
                    "secret lone high surrogate: InvalidArgumentException field=apiSecret",
                    "token data NUL: answered data kept",
                    "T1 token data NUL: answered data kept",
                    "token session id NUL: InvalidArgumentException field=session_id",
                    "signal type NUL: InvalidArgumentException field=type")),
            Map.entry("maps-lists", List.of(
                    "token 1M layout classes: InvalidArgumentException field=initial_layout_class_list",
                    "token layout classes with null: InvalidArgumentException field=initial_layout_class_list",
                    "mute all exclusions with null: InvalidArgumentException field=excludedStreamIds",
                    "sip header null value: InvalidArgumentException field=sip.headers.X-A",
                    "sip header null name: InvalidArgumentException field=sip.headers",
                    "sip header map value (heap pollution): InvalidArgumentException field=sip.headers.X-Deep",
                    "sip headers JSON nested 1M deep: InvalidArgumentException field=sip.headers",
                    "sip headers JSON array 1M deep: InvalidArgumentException field=sip.headers",
                    "sip streams with null: InvalidArgumentException field=sip.streams",
                    "audio connector header null value: InvalidArgumentException field=headers.X-A",
                    "audio connector streams with null: InvalidArgumentException field=streams",
                    "audio connector heap-polluted headers: InvalidArgumentException field=headers.X-Deep",
                    "seed createSession 100k properties: answered created",
                    "seed createSession heap-polluted properties: InvalidArgumentException field=properties.X-Deep")),
            Map.entry("numbers", List.of(
                    "expireTime(long 9223372036854775807): InvalidArgumentException field=expire_time",
                    "expireTime(long -9223372036854775808): InvalidArgumentException field=expire_time",
                    "expireTime(double NaN): InvalidArgumentException field=expire_time",
                    "expireTime(double Infinity): InvalidArgumentException field=expire_time",
                    "expireTime(\"NaN\"): InvalidArgumentException field=expire_time",
                    "expireTime(\"99999999999999999999999\"): InvalidArgumentException field=expire_time",
                    "expireTime(Instant.MAX): InvalidArgumentException field=expire_time",
                    "expiresIn(max duration): InvalidArgumentException field=expire_time",
                    "expiresIn(negative): InvalidArgumentException field=expire_time",
                    "broadcast maxDuration MIN_VALUE: InvalidArgumentException field=maxDuration",
                    "archive quantizationParameter MIN_VALUE: InvalidArgumentException field=quantizationParameter",
                    "listArchives(-1, -1): InvalidArgumentException field=offset",
                    "listArchives(MAX, MAX): InvalidArgumentException field=count",
                    "requestTimeout(Duration max): InvalidArgumentException field=timeout",
                    "connectTimeout(negative): InvalidArgumentException field=connect_timeout",
                    "maxRetries(MAX_VALUE): InvalidArgumentException field=max_retries")),
            Map.entry("nulls", List.of(
                    "OpenTok(key, null secret): InvalidArgumentException field=apiSecret",
                    "OpenTok(null id, null key): InvalidArgumentException field=apiKey",
                    "Builder apiUrl(null): answered",
                    "Builder proxy(null): answered",
                    "token all-null options: answered minted",
                    "token expireTime(null String): answered",
                    "token expiresIn(null): answered",
                    "Tokens.decode(null): InvalidArgumentException field=token",
                    "Role.fromString(null): InvalidArgumentException field=role",
                    "ArchiveLayout(null type): InvalidArgumentException field=layout.type",
                    "sip all null: InvalidArgumentException field=sip.uri",
                    "audio connector uri null: InvalidArgumentException field=uri",
                    "stream properties null id: InvalidArgumentException field=items.id",
                    "session properties all null: answered created")),
            Map.entry("threads-exit", List.of("EXITING calls done=true in flight=true")),
            Map.entry("interrupt", List.of(
                    "interrupted blocking call: RequestTimeoutException status=null",
                    "interrupted blocking call: interrupt flag kept, ended within 10 s: true",
                    "call on an interrupted thread: answered created",
                    "call on an interrupted thread: interrupt flag kept",
                    "cancelled future: cancel=true cancelled=true",
                    "after: answered minted")),
            Map.entry("hanging-exit", List.of(
                    "connection refused: ConnectionException status=null",
                    "hanging server, 1 s timeout: RequestTimeoutException status=null",
                    "hanging server: ended within 6 s: true",
                    "EXITING with 40 calls hanging")),
            Map.entry("shutdown-close", List.of(
                    "EXITING with calls running and two shutdown hooks",
                    "hook: closed both clients",
                    "hook: future after close: future failed: OpenTokException kind=closed",
                    "hook: new client in hook: answered created")),
            Map.entry("close-during-calls", List.of(
                    "closed while calls ran",
                    "calls after close: true",
                    "close twice: answered ok",
                    "token after close: OpenTokException kind=closed",
                    "REST after close: OpenTokException kind=closed",
                    "future after close: future failed: OpenTokException kind=closed")),
            Map.entry("gc-pressure", List.of("gc pressure: minted all=true untyped=0")));

    private Emulator emulator;
    private SilentServer silent;

    @BeforeAll
    void start() {
        emulator = Emulator.start();
        silent = new SilentServer();
    }

    @AfterAll
    void stop() {
        if (silent != null) silent.close();
        if (emulator != null) emulator.close();
    }

    record Child(int exitCode, List<String> lines, String stderr, boolean timedOut) {}

    Child run(String which) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:ErrorFile=target/hs_err_hostile_%p.log"));
        for (String p : System.getProperties().stringPropertyNames()) {
            if (p.startsWith("jna.") || p.startsWith("uniffi.") || p.startsWith("opentok.")) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HostileChild.class.getName(), which, emulator.getUrl(), silent.getUrl()));
        File out = File.createTempFile("hostile-" + which, ".out");
        File err = File.createTempFile("hostile-" + which, ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
            boolean finished = p.waitFor(240, TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            return new Child(finished ? p.exitValue() : -1, Files.readAllLines(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8), !finished);
        } finally {
            out.delete();
            err.delete();
        }
    }

    /** What is wrong with a child's run ("" when nothing). */
    static String verdict(String which, Child c) {
        List<String> problems = new ArrayList<>();
        if (c.timedOut) problems.add("did not end within 240 s");
        else if (c.exitCode != 0) problems.add("exit code " + c.exitCode);
        if (c.exitCode == 134 || c.exitCode == 139 || c.lines.stream().anyMatch(l -> l.contains("A fatal error has been detected"))) {
            problems.add("the JVM crashed (abort or segfault)");
        }
        boolean ended = c.lines.contains("DONE " + which) || c.lines.stream().anyMatch(l -> l.startsWith("EXITING"));
        if (!ended) problems.add("the case did not report its end");
        for (String l : c.lines) {
            if (l.contains("UNTYPED") || l.contains("CHANGED") || l.contains("STILL RUNNING")) problems.add("bad outcome: " + l);
        }
        for (String l : EXPECTED.getOrDefault(which, List.of())) {
            if (!c.lines.contains(l)) problems.add("missing line: " + l);
        }
        return String.join("\n", problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"huge-strings", "surrogates-nul", "maps-lists", "numbers", "nulls", "threads-exit", "interrupt",
            "hanging-exit", "shutdown-close", "close-during-calls", "gc-pressure"})
    void hostileCaseInAChildJvm(String which) throws Exception {
        Child c = run(which);
        String v = verdict(which, c);
        if (!v.isEmpty()) {
            fail(which + ":\n" + v + "\n--- stdout\n" + String.join("\n", c.lines) + "\n--- stderr (end)\n"
                    + c.stderr.substring(Math.max(0, c.stderr.length() - 4000)));
        }
    }

    /** The harness fails on a crash: a child that segfaults (Unsafe write to address 0) exits 134 and is reported. */
    @Test
    void aCrashingChildIsReported() throws Exception {
        Child c = run("segfault-selftest");
        assertTrue(c.exitCode == 134 || c.exitCode == 139, "exit code " + c.exitCode + "\n" + c.stderr);
        assertTrue(verdict("segfault-selftest", c).contains("the JVM crashed"), verdict("segfault-selftest", c));
        // and an untyped error is reported as such
        Child untyped = new Child(0, List.of("x: UNTYPED java.lang.NullPointerException: boom", "DONE y"), "", false);
        assertEquals(Arrays.asList("bad outcome: x: UNTYPED java.lang.NullPointerException: boom"), List.of(verdict("y", untyped).split("\n")));
    }
}
