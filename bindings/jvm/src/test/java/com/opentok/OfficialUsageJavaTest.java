package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.OpenTokException;
import com.opentok.testing.Emulator;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls written against the official Java SDK 4.17 (com.tokbox:opentok-server-sdk), compiled here
 * unchanged: no checked exceptions to declare (OpenTokException is a RuntimeException in both),
 * the options classes' read-back and toMap(), the layout and broadcast classes as the official
 * ones take them, and null arguments refused with InvalidArgumentException.
 */
class OfficialUsageJavaTest extends EmulatorJavaTest {
    // No `throws` on the test methods and no try/catch: as in an app on the official SDK.
    @Test
    void sessionsAndTokensWithoutCheckedExceptions() {
        SessionProperties props = new SessionProperties.Builder()
                .mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).archiveName("auto").build();
        assertEquals(MediaMode.ROUTED, props.mediaMode());
        assertEquals(ArchiveMode.ALWAYS, props.archiveMode());
        assertEquals("auto", props.archiveName());
        assertNull(props.archiveResolution());
        Map<String, List<String>> form = props.toMap();
        assertEquals(Collections.singletonList("disabled"), form.get("p2p.preference"));
        assertEquals(Collections.singletonList("always"), form.get("archiveMode"));
        assertFalse(form.containsKey("e2ee"), "e2ee only when on, as the official SDK sends it");
        Map<String, List<String>> defaults = new SessionProperties.Builder().build().toMap();
        assertEquals(Collections.singletonList("enabled"), defaults.get("p2p.preference"));
        assertEquals(Collections.singletonList("manual"), defaults.get("archiveMode"));

        Session session = opentok.createSession(props);
        String token = opentok.generateToken(session.getSessionId());
        assertTrue(token.startsWith("eyJ"), token);
        TokenOptions options = new TokenOptions.Builder().role(Role.MODERATOR).data("name=Johnny")
                .expireTime(System.currentTimeMillis() / 1000 + 3600).initialLayoutClassList(Arrays.asList("focus", "main")).build();
        assertEquals(Role.MODERATOR, options.getRole());
        assertTrue(options.getExpireTime() > 0);
        String moderator = session.generateToken(options);
        assertEquals("moderator", Tokens.decode(moderator).getRole());
        assertEquals("focus main", Tokens.decode(moderator).getInitialLayoutClassList());
        // the fast path and the uniffi path agree on errors: the core's message and field
        OpenTokException e = assertThrows(OpenTokException.class,
                () -> opentok.generateToken(session.getSessionId(), new TokenOptions.Builder().expireTime(1L).build()));
        assertTrue(e instanceof InvalidArgumentException, e.toString());
        assertEquals("expire_time", e.getField());
    }

    @Test
    void nullArgumentsAreInvalidArgumentsNotNullPointers() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> opentok.generateToken(null));
        assertTrue(e.getMessage().contains("Session id"), e.getMessage());
        assertEquals("sessionId", e.getField());
        assertThrows(InvalidArgumentException.class, () -> opentok.generateToken(null, new TokenOptions.Builder().build()));
        // null options and properties are the defaults, as in the official SDK
        Session s = opentok.createSession(null);
        assertTrue(opentok.generateToken(s.getSessionId(), null).startsWith("eyJ"));
    }

    @Test
    void optionsClassesReadBackAndMapAsTheOfficialOnes() {
        ArchiveLayout screenshare = new ArchiveLayout(ScreenShareLayoutType.PIP);
        assertEquals(ArchiveLayout.Type.BESTFIT, screenshare.getType());
        assertEquals(ScreenShareLayoutType.PIP, screenshare.getScreenshareType());
        BroadcastLayout custom = new BroadcastLayout(ArchiveLayout.Type.BESTFIT);
        custom.setType(ArchiveLayout.Type.CUSTOM);
        custom.setStylesheet("stream { width: 100%; }");
        assertEquals("stream { width: 100%; }", custom.getStylesheet());
        new BroadcastLayout(ScreenShareLayoutType.VERTICAL);

        ArchiveProperties archive = new ArchiveProperties.Builder().name("standup").hasVideo(false)
                .outputMode(Archive.OutputMode.COMPOSED).layout(screenshare).maxBitrate(500000).build();
        assertEquals("standup", archive.name());
        assertFalse(archive.hasVideo());
        assertTrue(archive.hasAudio());
        assertEquals(Archive.OutputMode.COMPOSED, archive.outputMode());
        assertEquals(Integer.valueOf(500000), archive.maxBitrate());
        assertEquals(Collections.singletonList("standup"), archive.toMap().get("name"));
        assertEquals(Collections.singletonList("false"), archive.toMap().get("hasVideo"));

        SignalProperties signal = new SignalProperties.Builder().type("chat").data("hi").build();
        assertEquals("chat", signal.type());
        assertEquals(Collections.singletonList("hi"), signal.toMap().get("data"));

        Hls hls = new Hls.Builder().dvr(true).build();
        assertTrue(hls.dvr());
        BroadcastProperties broadcast = new BroadcastProperties.Builder().hls(hls)
                .addRtmpProperties(new RtmpProperties.Builder().id("foo").serverUrl("rtmps://x.example/live").streamName("key").build())
                .layout(custom).streamMode(Broadcast.StreamMode.MANUAL).maxDuration(600).build();
        assertTrue(broadcast.hasHls());
        assertEquals("foo", broadcast.rtmpList().get(0).id());
        assertEquals(Broadcast.StreamMode.MANUAL, broadcast.streamMode());
        assertEquals(600, broadcast.maxDuration());
        assertEquals(ArchiveLayout.Type.CUSTOM, broadcast.layout().getType());

        CaptionProperties captions = CaptionProperties.Builder().languageCode("en-US").maxDuration(1800).build();
        assertEquals("en-US", captions.getLanguageCode());
        assertEquals(1800, captions.getMaxDuration());

        AudioConnectorProperties audio = new AudioConnectorProperties.Builder(URI.create("wss://service.example/ws"))
                .addStream("stream-1").addHeader("X-Key", "v").build();
        assertEquals(URI.create("wss://service.example/ws"), audio.uri());
        assertEquals(Collections.singletonList("stream-1"), List.copyOf(audio.streams()));
        assertEquals("v", audio.headers().get("X-Key"));
        assertEquals("websocket", audio.type());

        RenderProperties render = RenderProperties.Builder().url("https://example.com/composer/page")
                .resolution(RenderProperties.Resolution.SD_VERTICAL).properties(new RenderProperties.Properties("composer")).build();
        assertEquals(RenderProperties.Resolution.SD_VERTICAL, render.resolution());
        assertEquals("480x640", RenderProperties.Resolution.SD_VERTICAL.toString());
        assertEquals("composer", render.properties().name());
    }
}
