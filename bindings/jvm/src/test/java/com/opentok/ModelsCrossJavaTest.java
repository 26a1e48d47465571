package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.opentok.exception.OpenTokException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cross-binding model documents (tests/models/): an archive, a broadcast and a render with
 * odd-but-plausible fields, served by a real loopback server (tests/models/serve.py), read through
 * this package show the values of tests/models/expected.json, which every other binding checks too.
 */
class ModelsCrossJavaTest {
    private static final Path MODELS = Paths.get("..", "..", "tests", "models").toAbsolutePath().normalize();
    private static Process server;
    private static OpenTok opentok;
    private static JsonObject expected;

    @BeforeAll
    static void start() throws Exception {
        expected = JsonParser.parseString(Files.readString(MODELS.resolve("expected.json"))).getAsJsonObject();
        server = new ProcessBuilder("python3", MODELS.resolve("serve.py").toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String url = out.readLine();
        if (url == null || !url.startsWith("http://")) throw new IllegalStateException("serve.py did not start: " + url);
        opentok = new OpenTok.Builder(123456, "1234567890abcdef1234567890abcdef1234567890").apiUrl(url).build();
    }

    @AfterAll
    static void stop() {
        if (opentok != null) opentok.close();
        if (server != null) server.destroy();
    }

    private static String s(JsonObject o, String k) {
        return o.get(k).getAsString();
    }

    private static long l(JsonObject o, String k) {
        return o.get(k).getAsLong();
    }

    private static boolean b(JsonObject o, String k) {
        return o.get(k).getAsBoolean();
    }

    private static List<String> strings(JsonObject o, String k) {
        List<String> out = new ArrayList<>();
        o.getAsJsonArray(k).forEach(e -> out.add(e.getAsString()));
        return out;
    }

    @Test
    void archiveShowsTheExpectedValues() throws OpenTokException {
        JsonObject want = expected.getAsJsonObject("archive");
        Archive a = opentok.getArchive(s(want, "id"));
        assertEquals(Arrays.asList(s(want, "id"), s(want, "status"), s(want, "name"), s(want, "session_id")),
                Arrays.asList(a.getId(), a.getStatus().name().toLowerCase(Locale.ROOT), a.getName(), a.getSessionId()));
        assertEquals(Arrays.asList(s(want, "partner_id"), s(want, "project_id")), Arrays.asList(a.getPartnerId(), a.getProjectId()));
        assertEquals(Arrays.asList(b(want, "has_audio"), b(want, "has_video")), Arrays.asList(a.hasAudio(), a.hasVideo()));
        assertEquals(Arrays.asList(l(want, "size"), l(want, "duration"), l(want, "created_at")),
                Arrays.asList(a.getSize(), (long) a.getDuration(), a.getCreatedAt()));
        assertEquals(Arrays.asList(s(want, "output_mode"), s(want, "url"), s(want, "resolution")),
                Arrays.asList(a.getOutputMode().name().toLowerCase(Locale.ROOT), a.getUrl(), a.getResolution()));
    }

    @Test
    void broadcastShowsTheExpectedValues() throws OpenTokException {
        JsonObject want = expected.getAsJsonObject("broadcast");
        Broadcast br = opentok.getBroadcast(s(want, "id"));
        assertEquals(Arrays.asList(s(want, "id"), s(want, "status"), s(want, "session_id")),
                Arrays.asList(br.getId(), br.getStatus(), br.getSessionId()));
        assertEquals(Arrays.asList(s(want, "partner_id"), s(want, "project_id")), Arrays.asList(br.getPartnerId(), br.getProjectId()));
        assertEquals(Arrays.asList(l(want, "created_at"), l(want, "updated_at"), l(want, "max_duration")),
                Arrays.asList(br.getCreatedAt(), br.getUpdatedAt(), (long) br.getMaxDuration()));
        assertEquals(Arrays.asList(b(want, "has_audio"), b(want, "has_video"), s(want, "resolution")),
                Arrays.asList(br.hasAudio(), br.hasVideo(), br.getResolution()));
        assertEquals(s(want, "hls"), br.getHls());
        List<String> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (Rtmp r : br.getRtmpList()) {
            ids.add(r.getId());
            statuses.add(r.getStatus());
        }
        assertEquals(strings(want, "rtmp_ids"), ids);
        assertEquals(strings(want, "rtmp_statuses"), statuses);
    }

    @Test
    void renderShowsTheExpectedValues() throws OpenTokException {
        JsonObject want = expected.getAsJsonObject("render");
        Render r = opentok.getRender(s(want, "id"));
        assertEquals(Arrays.asList(s(want, "id"), s(want, "status"), s(want, "session_id"), s(want, "stream_id")),
                Arrays.asList(r.getId(), r.getStatus(), r.getSessionId(), r.getStreamId()));
        assertEquals(Arrays.asList(s(want, "application_id"), s(want, "project_id")), Arrays.asList(r.getApplicationId(), r.getProjectId()));
        assertEquals(l(want, "created_at"), r.getCreatedAt());
    }
}
