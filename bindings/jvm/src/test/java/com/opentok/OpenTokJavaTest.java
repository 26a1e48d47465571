package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.opentok.exception.AuthenticationException;
import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.OpenTokException;
import com.opentok.exception.RequestException;
import com.opentok.exception.RequestTimeoutException;
import com.opentok.testing.Emulator;
import com.opentok.testing.SilentServer;
import com.opentok.testing.Vectors;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same API from plain Java, the way an app using the official Java SDK writes it. */
class OpenTokJavaTest extends EmulatorJavaTest {
    @Test
    void createSessionWithBuilderOptions() throws OpenTokException {
        SessionProperties props = new SessionProperties.Builder()
                .mediaMode(MediaMode.ROUTED)
                .archiveMode(ArchiveMode.ALWAYS)
                .location("12.34.56.78")
                .build();
        Session session = opentok.createSession(props);
        assertTrue(session.getSessionId().startsWith("1_"));
        assertEquals(MediaMode.ROUTED, session.getProperties().getMediaMode());
        assertEquals(ArchiveMode.ALWAYS, session.getProperties().getArchiveMode());
        assertEquals("12.34.56.78", session.getProperties().getLocation());
        assertEquals("123456", session.getApiKey());
    }

    @Test
    void defaultSessionAndE2ee() throws OpenTokException {
        assertEquals(MediaMode.RELAYED, opentok.createSession().getProperties().getMediaMode());
        Session e2ee = opentok.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).endToEndEncryption().build());
        assertTrue(e2ee.getProperties().isEndToEndEncrypted());
    }

    @Test
    void rulesThrowAsInTheOfficialSdk() {
        // build() refuses an invalid combination with IllegalStateException (official), the core's
        // InvalidArgumentException naming the field as its cause
        IllegalStateException state = assertThrows(IllegalStateException.class,
                () -> new SessionProperties.Builder().archiveMode(ArchiveMode.ALWAYS).build());
        InvalidArgumentException e = (InvalidArgumentException) state.getCause();
        assertTrue(e.getMessage().contains("archiveMode"), e.getMessage());
        assertNull(e.getStatus());
        assertEquals("invalid_argument", e.getKind());

        InvalidArgumentException loc = assertThrows(InvalidArgumentException.class,
                () -> opentok.createSession(new SessionProperties.Builder().location("256.1.1.1").build()));
        assertEquals("location", loc.getField());
    }

    @Test
    void tokenWithRoleDataLayoutConnectsThroughTheEmulator() throws OpenTokException {
        Session session = opentok.createSession();
        TokenOptions options = new TokenOptions.Builder()
                .role(Role.MODERATOR)
                .expireTime(System.currentTimeMillis() / 1000 + 3600)
                .data("userId=42")
                .initialLayoutClassList(Arrays.asList("focus", "full"))
                .build();
        String token = opentok.generateToken(session.getSessionId(), options);
        Emulator.Connect c = emulator.connect(session.getSessionId(), token);
        assertEquals(201, c.getStatus(), c.getBody().toString());
        assertEquals("moderator", c.getBody().get("role").getAsString());
        assertEquals("userId=42", c.getBody().get("data").getAsString());

        String t1 = session.generateToken(new TokenOptions.Builder().useLegacyT1Token().build());
        assertTrue(t1.startsWith("T1=="));
        assertEquals(201, emulator.connect(session.getSessionId(), t1).getStatus());
    }

    @Test
    void t1VectorsAreByteExactInTheOfficialJavaLayout() throws OpenTokException {
        for (JsonObject c : Vectors.cases("t1")) {
            JsonObject in = c.getAsJsonObject("input");
            try (OpenTok client = new OpenTok.Builder(in.get("api_key").getAsString(), in.get("api_secret").getAsString())
                    .fixedClockForTesting(in.get("now").getAsLong())
                    .fixedNonceForTesting(in.get("nonce").getAsInt())
                    .build()) {
                TokenOptions.Builder b = new TokenOptions.Builder().role(Role.fromString(in.get("role").getAsString())).useLegacyT1Token();
                if (in.has("expire_time")) b.expireTime(in.get("expire_time").getAsLong());
                if (in.has("data")) b.data(in.get("data").getAsString());
                if (in.has("initial_layout_class_list")) {
                    java.util.List<String> classes = new java.util.ArrayList<>();
                    in.getAsJsonArray("initial_layout_class_list").forEach(x -> classes.add(x.getAsString()));
                    b.initialLayoutClassList(classes);
                }
                // the official Java SDK's layout (the vectors' own token is the Python SDK's)
                assertEquals(Vectors.officialJavaT1(c), client.generateToken(in.get("session_id").getAsString(), b.build()),
                        c.get("name").getAsString());
            }
        }
    }

    @Test
    void rejectVectorsThrowInvalidArgumentException() throws OpenTokException {
        int rejected = 0;
        for (JsonObject c : Vectors.cases("reject")) {
            JsonObject in = c.getAsJsonObject("input");
            String name = c.get("name").getAsString();
            try (OpenTok client = new OpenTok.Builder(in.get("api_key").getAsString(), Emulator.API_SECRET)
                    .fixedClockForTesting(in.get("now").getAsLong()).build()) {
                try {
                    TokenOptions.Builder b = new TokenOptions.Builder();
                    if (name.startsWith("role_")) b.role(Role.fromString("admin"));
                    if (in.has("expire_time")) b.expireTime(in.get("expire_time").getAsString());
                    if (in.has("data")) b.data(in.get("data").getAsString());
                    if (in.has("initial_layout_class_list")) {
                        java.util.List<String> classes = new java.util.ArrayList<>();
                        in.getAsJsonArray("initial_layout_class_list").forEach(x -> classes.add(x.getAsString()));
                        b.initialLayoutClassList(classes);
                    }
                    client.generateToken(in.get("session_id").getAsString(), b.build());
                    fail(name + " was accepted");
                } catch (InvalidArgumentException e) {
                    assertEquals("invalid_argument", e.getKind(), name);
                    rejected++;
                }
            }
        }
        assertEquals(Vectors.cases("reject").size(), rejected);
    }

    @Test
    void nodeTokensVerifyWithTheSecret() throws OpenTokException {
        for (JsonObject c : Vectors.cases("node_tokens")) {
            String token = c.get("token").getAsString();
            long issued = Tokens.decode(token).getIssuedAt();
            DecodedToken d = Tokens.verify(token, Emulator.API_SECRET, issued + 1);
            assertEquals("123456", d.getProjectId());
        }
    }

    @Test
    void authenticationErrorCarriesStatus() throws OpenTokException {
        try (OpenTok bad = new OpenTok.Builder("123456", "not-the-secret-000000000000000000000000").apiUrl(emulator.getUrl()).build()) {
            bad.createSession();
            fail("wrong secret was accepted");
        } catch (AuthenticationException e) {
            assertEquals(Integer.valueOf(403), e.getStatus());
            assertFalse(e.getMessage().contains("not-the-secret"));
        }
    }

    @Test
    void neverAnsweringServerTimesOut() throws OpenTokException {
        try (SilentServer silent = new SilentServer();
             OpenTok client = new OpenTok.Builder("123456", Emulator.API_SECRET)
                     .apiUrl(silent.getUrl()).requestTimeout(Duration.ofMillis(300)).maxRetries(0).build()) {
            long start = System.nanoTime();
            RequestException e = assertThrows(RequestTimeoutException.class, client::createSession);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
            assertEquals("timeout", e.getKind());
            assertNull(e.getStatus());
        }
    }

    @Test
    void createSessionFutureCompletesAndFails() throws Exception {
        CompletableFuture<Session> ok = opentok.createSessionFuture(
                new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build());
        assertEquals(MediaMode.ROUTED, ok.get(10, TimeUnit.SECONDS).getProperties().getMediaMode());

        try (OpenTok bad = new OpenTok.Builder("123456", "not-the-secret-000000000000000000000000").apiUrl(emulator.getUrl()).build()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> bad.createSessionFuture().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof AuthenticationException, String.valueOf(e.getCause()));
            assertEquals(Integer.valueOf(403), ((AuthenticationException) e.getCause()).getStatus());
        }
    }

    @Test
    void seedApi() throws OpenTokException {
        try (OpenTokSDK sdk = new OpenTokSDK("123456", Emulator.API_SECRET, emulator.getUrl())) {
            OpenTokSDK.SdkSession s = sdk.createSession("12.34.56.78", Map.of("p2p.preference", "disabled", "archiveMode", "always"));
            assertTrue(s.getSessionId().startsWith("1_"));
            assertEquals("routed", s.getMediaMode());
        }
    }
}
