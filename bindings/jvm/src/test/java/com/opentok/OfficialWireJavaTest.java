package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.opentok.testing.Emulator;
import com.opentok.wire.Json;
import com.opentok.wire.WireCalls;
import com.opentok.wire.WireServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Our wire against the official Java SDK 4.17.0's, request by request (issues #11, #16). The
 * official SDK is not in the registry CI reaches and shares the package com.opentok, so its
 * requests were recorded once by bindings/jvm/wire/record-official.sh (the same
 * {@link WireCalls}, compiled against the official jar, against the same {@link WireServer}) into
 * src/test/resources/official-wire-4.17.0.json. Here ours makes the same calls against an
 * in-process {@link WireServer}, and every recorded field is compared: method, path, query, the
 * non-volatile headers (Accept, Content-Type), the auth header's name, the auth JWT's header and
 * claim names, iss/ist and lifetime, and the JSON or form body field by field. A difference is
 * either in {@link #ALLOWED} (and in docs/rest-api.md, "Java wire differences") or a failure;
 * an ALLOWED entry that no longer matches anything fails too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficialWireJavaTest {
    /** One deliberate difference: calls and field paths (regexes), the values on each side, why. */
    record Allowed(String calls, String field, String official, String ours, String why) {
        boolean matches(Difference d) {
            return Pattern.matches(calls, d.call) && Pattern.matches(field, d.field)
                    && (official == null || official.equals(d.official)) && (ours == null || ours.equals(d.ours));
        }
    }

    /** A field whose value differs; values are written as compact JSON, ABSENT when not sent. */
    record Difference(String call, String field, String official, String ours) {
        @Override
        public String toString() {
            return call + ": " + field + ": official " + official + ", ours " + ours;
        }
    }

    static final String ABSENT = "<absent>";

    static final String SECRET_CALLS = "(?!application ).*";
    static final String APPLICATION_CALLS = "application .*";

    /** The deliberate differences; docs/rest-api.md, "Java wire differences", lists the same. */
    static final List<Allowed> ALLOWED = List.of(
            new Allowed(SECRET_CALLS, "requests\\[\\d+\\]\\.auth\\.headerNames", "[\"alg\"]", "[\"alg\", \"typ\"]",
                    "the REST JWT's JOSE header is the standard {alg, typ: JWT} (jose4j leaves typ out); the service reads both"),
            new Allowed(SECRET_CALLS, "requests\\[\\d+\\]\\.auth\\.lifetime", "180", "300",
                    "the REST JWT lives 300 s (the core's default, as the Node, Ruby, PHP and .NET SDKs), not jose4j's 180 s"),
            new Allowed(APPLICATION_CALLS, "requests\\[\\d+\\]\\.auth\\.claimNames",
                    "[\"application_id\", \"iat\", \"jti\"]", "[\"application_id\", \"exp\", \"iat\", \"jti\"]",
                    "the application (RS256) REST JWT carries an expiry; the official's sends none, so it never expires"),
            new Allowed(APPLICATION_CALLS, "requests\\[\\d+\\]\\.auth\\.lifetime", "null", "300",
                    "the same expiry, 300 s"),
            new Allowed(".*", "requests\\[\\d+\\]\\.headers\\.accept", "\"*/*\"", "\"application/json\"",
                    "ours asks for JSON on every request; the official sets Accept on some calls only (async-http-client's */* otherwise)"),
            new Allowed("(application )?(getBroadcast|stopBroadcast)", "requests\\[\\d+\\]\\.headers\\.content-type", "\"application/json\"", ABSENT,
                    "no body, no Content-Type (the official sets one on these bodiless requests)"),
            new Allowed("startArchive quantizationParameter", "requests\\[0\\]\\.body\\.quantizationParameter", ABSENT, "25",
                    "the official builder takes quantizationParameter but 4.17.0 never sends it (HttpClient.startArchive); ours sends it"),
            new Allowed("startBroadcast .*", "requests\\[0\\]\\.body\\.outputs\\.rtmp", "[]", ABSENT,
                    "no RTMP outputs: the empty list is left out (the service reads both as none)"),
            new Allowed("startBroadcast .*", "requests\\[0\\]\\.body\\.outputs\\.rtmp\\[\\d+\\]\\.id", "null", ABSENT,
                    "an RTMP output without an id: the id is left out, not sent as null"));

    private WireServer server;
    private List<Map<String, Object>> golden;
    private List<Map<String, Object>> ours;
    private final Set<Allowed> used = new LinkedHashSet<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    void runOurs() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/official-wire-4.17.0.json")) {
            Map<String, Object> doc = (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            golden = (List<Map<String, Object>>) doc.get("calls");
        }
        server = new WireServer();
        try (OpenTok secret = new OpenTok.Builder(WireServer.API_KEY, WireServer.API_SECRET).apiUrl(server.url()).build();
             OpenTok application = new OpenTok.Builder(WireServer.APP_ID, Emulator.keyFile("app_private.pem")).apiUrl(server.url()).build()) {
            ours = WireCalls.runAll(server, secret, application);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) server.close();
    }

    @Test
    void theGoldenFileHasEveryCallInOrder() {
        List<String> names = new ArrayList<>();
        for (WireCalls.Named c : WireCalls.calls()) names.add(c.name);
        List<String> recorded = new ArrayList<>();
        for (Map<String, Object> c : golden) recorded.add((String) c.get("name"));
        assertEquals(names, recorded, "re-record with make record-java-wire after changing WireCalls");
        for (Map<String, Object> c : golden) assertEquals("ok", c.get("outcome"), "the official SDK's own run of " + c.get("name"));
    }

    @TestFactory
    Stream<DynamicTest> sameRequestsAsTheOfficialSdk() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < golden.size(); i++) {
            Map<String, Object> theirs = golden.get(i);
            Map<String, Object> mine = ours.get(i);
            String name = (String) theirs.get("name");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertEquals(name, mine.get("name"));
                assertEquals("ok", mine.get("outcome"), name + ": ours threw");
                List<Difference> unexpected = new ArrayList<>();
                for (Difference d : differences(name, theirs, mine)) {
                    Allowed a = ALLOWED.stream().filter(x -> x.matches(d)).findFirst().orElse(null);
                    if (a == null) unexpected.add(d);
                    else synchronized (used) { used.add(a); }
                }
                if (!unexpected.isEmpty()) {
                    StringBuilder b = new StringBuilder(name + ": differences from the official Java SDK 4.17.0:");
                    for (Difference d : unexpected) b.append("\n  ").append(d);
                    fail(b.toString());
                }
            }));
        }
        tests.add(DynamicTest.dynamicTest("every allowed difference still occurs", () -> {
            List<Allowed> stale = new ArrayList<>(ALLOWED);
            stale.removeAll(used);
            assertEquals(List.of(), stale, "allowed differences that no call shows any more: remove them here and in docs/rest-api.md");
        }));
        return tests.stream();
    }

    /** The comparison can fail: a perturbed golden field is reported, with both values. */
    @Test
    @SuppressWarnings("unchecked")
    void aPerturbedGoldenFieldIsReported() {
        Map<String, Object> theirs = golden.stream().filter(c -> c.get("name").equals("signal session")).findFirst().orElseThrow();
        Map<String, Object> mine = ours.stream().filter(c -> c.get("name").equals("signal session")).findFirst().orElseThrow();
        assertEquals(List.of(), unexpected(differences("signal session", theirs, mine)));
        Map<String, Object> perturbed = (Map<String, Object>) Json.parse(Json.write(theirs));
        Map<String, Object> request = ((List<Map<String, Object>>) perturbed.get("requests")).get(0);
        ((Map<String, Object>) request.get("body")).put("type", "chat2");
        request.put("path", request.get("path") + "x");
        List<Difference> found = unexpected(differences("signal session", perturbed, mine));
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.contains(new Difference("signal session", "requests[0].body.type", "\"chat2\"", "\"chat\"")), found.toString());
        assertTrue(found.stream().anyMatch(d -> d.field.equals("requests[0].path")), found.toString());
    }

    /** The differences no {@link #ALLOWED} entry covers. */
    static List<Difference> unexpected(List<Difference> all) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : all) if (ALLOWED.stream().noneMatch(a -> a.matches(d))) out.add(d);
        return out;
    }

    // ----- field-by-field comparison -----

    static List<Difference> differences(String call, Map<String, Object> theirs, Map<String, Object> mine) {
        List<Difference> out = new ArrayList<>();
        diff(call, "requests", theirs.get("requests"), mine.get("requests"), out);
        return out;
    }

    private static void diff(String call, String path, Object theirs, Object mine, List<Difference> out) {
        if (theirs instanceof Map && mine instanceof Map) {
            Map<?, ?> t = (Map<?, ?>) theirs;
            Map<?, ?> m = (Map<?, ?>) mine;
            Set<String> keys = new TreeSet<>();
            for (Object k : t.keySet()) keys.add((String) k);
            for (Object k : m.keySet()) keys.add((String) k);
            for (String k : keys) {
                diff(call, path + "." + k, t.containsKey(k) ? t.get(k) : Absent.VALUE, m.containsKey(k) ? m.get(k) : Absent.VALUE, out);
            }
        } else if (theirs instanceof List && mine instanceof List && ((List<?>) theirs).size() == ((List<?>) mine).size()
                && !(isNames(path))) {
            List<?> t = (List<?>) theirs;
            List<?> m = (List<?>) mine;
            for (int k = 0; k < t.size(); k++) diff(call, path + "[" + k + "]", t.get(k), m.get(k), out);
        } else if (!Objects.equals(theirs, mine)) {
            out.add(new Difference(call, path, show(theirs), show(mine)));
        }
    }

    /** Name lists (JWT header and claim names) are compared whole. */
    private static boolean isNames(String path) {
        return path.endsWith("Names");
    }

    private enum Absent { VALUE }

    private static String show(Object v) {
        return v == Absent.VALUE ? ABSENT : Json.write(v).trim().replaceAll("\\s*\n\\s*", " ");
    }
}
