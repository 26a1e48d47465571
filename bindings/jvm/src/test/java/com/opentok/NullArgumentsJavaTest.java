package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opentok.exception.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code null} from Java, as an app on the official SDK may pass it: every public method of
 * {@link OpenTok} refuses a null id, token or required properties with an
 * {@link InvalidArgumentException} naming the parameter (the official SDK's exception class),
 * never Kotlin's NullPointerException; null options that the official SDK takes as "the
 * defaults" or "unset" work as such against the emulator.
 */
class NullArgumentsJavaTest extends EmulatorJavaTest {
    private static final String SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";

    @Test
    void everyOpenTokMethodRefusesNullNamingTheParameter() {
        TokenOptions t = new TokenOptions.Builder().build();
        ArchiveProperties ap = new ArchiveProperties.Builder().build();
        BroadcastProperties bp = new BroadcastProperties.Builder().addHlsProperties(new Hls.Builder().build()).build();
        ArchiveLayout layout = new ArchiveLayout(ArchiveLayout.Type.BESTFIT);
        StreamListProperties slp = new StreamListProperties.Builder()
                .addStreamProperties(new StreamProperties.Builder().id("s").addLayoutClass("c").build()).build();
        MuteAllProperties mute = new MuteAllProperties.Builder().build();
        SignalProperties signal = new SignalProperties.Builder().type("t").data("d").build();
        SipProperties sip = new SipProperties.Builder().sipUri("sip:a@example.com").build();
        RenderProperties render = new RenderProperties.Builder().url("https://example.com/page").build();
        AudioConnectorProperties audio = new AudioConnectorProperties.Builder("ws://example.com/a").build();

        List<Map.Entry<String, Executable>> calls = new ArrayList<>();
        calls.add(Map.entry("sessionId", () -> opentok.generateToken(null)));
        calls.add(Map.entry("sessionId", () -> opentok.generateToken(null, t)));
        calls.add(Map.entry("sessionId", () -> opentok.startArchive(null)));
        calls.add(Map.entry("sessionId", () -> opentok.startArchive(null, "name")));
        calls.add(Map.entry("sessionId", () -> opentok.startArchive(null, ap)));
        calls.add(Map.entry("properties", () -> opentok.startArchive(SID, (ArchiveProperties) null)));
        calls.add(Map.entry("archiveId", () -> opentok.stopArchive(null)));
        calls.add(Map.entry("archiveId", () -> opentok.getArchive(null)));
        calls.add(Map.entry("archiveId", () -> opentok.deleteArchive(null)));
        calls.add(Map.entry("sessionId", () -> opentok.listArchives((String) null)));
        calls.add(Map.entry("archiveId", () -> opentok.setArchiveLayout(null, ap)));
        calls.add(Map.entry("properties", () -> opentok.setArchiveLayout("a", (ArchiveProperties) null)));
        calls.add(Map.entry("layout", () -> opentok.setArchiveLayoutTo("a", null)));
        calls.add(Map.entry("archiveId", () -> opentok.addArchiveStream(null, "s", true, true)));
        calls.add(Map.entry("streamId", () -> opentok.addArchiveStream("a", null, true, true)));
        calls.add(Map.entry("archiveId", () -> opentok.removeArchiveStream(null, "s")));
        calls.add(Map.entry("streamId", () -> opentok.removeArchiveStream("a", null)));
        calls.add(Map.entry("sessionId", () -> opentok.startBroadcast(null, bp)));
        calls.add(Map.entry("properties", () -> opentok.startBroadcast(SID, null)));
        calls.add(Map.entry("broadcastId", () -> opentok.stopBroadcast(null)));
        calls.add(Map.entry("broadcastId", () -> opentok.getBroadcast(null)));
        calls.add(Map.entry("broadcastId", () -> opentok.setBroadcastLayout(null, bp)));
        calls.add(Map.entry("properties", () -> opentok.setBroadcastLayout("b", (BroadcastProperties) null)));
        calls.add(Map.entry("layout", () -> opentok.setBroadcastLayoutTo("b", null)));
        calls.add(Map.entry("broadcastId", () -> opentok.addBroadcastStream(null, "s", true, true)));
        calls.add(Map.entry("streamId", () -> opentok.addBroadcastStream("b", null, true, true)));
        calls.add(Map.entry("broadcastId", () -> opentok.removeBroadcastStream(null, "s")));
        calls.add(Map.entry("streamId", () -> opentok.removeBroadcastStream("b", null)));
        calls.add(Map.entry("sessionId", () -> opentok.getStream(null, "s")));
        calls.add(Map.entry("streamId", () -> opentok.getStream(SID, null)));
        calls.add(Map.entry("sessionId", () -> opentok.listStreams(null)));
        calls.add(Map.entry("sessionId", () -> opentok.setStreamLayouts(null, slp)));
        calls.add(Map.entry("properties", () -> opentok.setStreamLayouts(SID, null)));
        calls.add(Map.entry("sessionId", () -> opentok.forceDisconnect(null, "c")));
        calls.add(Map.entry("connectionId", () -> opentok.forceDisconnect(SID, null)));
        calls.add(Map.entry("sessionId", () -> opentok.forceMuteStream(null, "s")));
        calls.add(Map.entry("streamId", () -> opentok.forceMuteStream(SID, null)));
        calls.add(Map.entry("sessionId", () -> opentok.forceMuteAll(null, mute)));
        calls.add(Map.entry("properties", () -> opentok.forceMuteAll(SID, null)));
        calls.add(Map.entry("sessionId", () -> opentok.disableForceMute(null)));
        calls.add(Map.entry("sessionId", () -> opentok.signal(null, signal)));
        calls.add(Map.entry("properties", () -> opentok.signal(SID, null)));
        calls.add(Map.entry("connectionId", () -> opentok.signal(SID, null, signal)));
        calls.add(Map.entry("sessionId", () -> opentok.listConnections(null)));
        calls.add(Map.entry("sessionId", () -> opentok.dial(null, "tok", sip)));
        calls.add(Map.entry("token", () -> opentok.dial(SID, null, sip)));
        calls.add(Map.entry("properties", () -> opentok.dial(SID, "tok", null)));
        calls.add(Map.entry("sessionId", () -> opentok.playDTMF(null, "1")));
        calls.add(Map.entry("dtmfDigits", () -> opentok.playDTMF(SID, null)));
        calls.add(Map.entry("connectionId", () -> opentok.playDTMF(SID, null, "1")));
        calls.add(Map.entry("sessionId", () -> opentok.startCaptions(null, "tok", null)));
        calls.add(Map.entry("token", () -> opentok.startCaptions(SID, null, null)));
        calls.add(Map.entry("captionsId", () -> opentok.stopCaptions(null)));
        calls.add(Map.entry("captionsId", () -> opentok.getCaptions(null)));
        calls.add(Map.entry("sessionId", () -> opentok.startRender(null, "tok", render)));
        calls.add(Map.entry("token", () -> opentok.startRender(SID, null, render)));
        calls.add(Map.entry("properties", () -> opentok.startRender(SID, "tok", null)));
        calls.add(Map.entry("renderId", () -> opentok.getRender(null)));
        calls.add(Map.entry("renderId", () -> opentok.stopRender(null)));
        calls.add(Map.entry("sessionId", () -> opentok.connectAudioStream(null, "tok", audio)));
        calls.add(Map.entry("token", () -> opentok.connectAudioStream(SID, null, audio)));
        calls.add(Map.entry("properties", () -> opentok.connectAudioStream(SID, "tok", null)));
        calls.add(Map.entry("connectorId", () -> opentok.stopAudioConnector(null)));
        calls.add(Map.entry("group", () -> opentok.registerCallback(null, "e", "https://example.com/hook")));
        calls.add(Map.entry("event", () -> opentok.registerCallback("connection", null, "https://example.com/hook")));
        calls.add(Map.entry("url", () -> opentok.registerCallback("connection", "e", null)));
        calls.add(Map.entry("callbackId", () -> opentok.deleteCallback(null)));
        calls.add(Map.entry("token", () -> Tokens.decode(null)));
        calls.add(Map.entry("apiSecret", () -> Tokens.verify("T1==x", null)));
        // builders: null where the official SDK adds an element
        calls.add(Map.entry("layoutClass", () -> new StreamProperties.Builder().addLayoutClass(null)));
        calls.add(Map.entry("stream", () -> new StreamListProperties.Builder().addStreamProperties(null)));
        calls.add(Map.entry("rtmp", () -> new BroadcastProperties.Builder().addRtmpProperties(null)));
        calls.add(Map.entry("stream", () -> new AudioConnectorProperties.Builder("ws://example.com/a").addStream(null)));
        calls.add(Map.entry("key", () -> new AudioConnectorProperties.Builder("ws://example.com/a").addHeader(null, "v")));

        assertEquals(74, calls.size());
        for (Map.Entry<String, Executable> call : calls) {
            String field = call.getKey();
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call.getValue(), field);
            assertEquals(field, e.getField(), e.getMessage());
            assertEquals("invalid_argument", e.getKind());
            assertTrue(e.getMessage().contains("must not be null"), e.getMessage());
        }
    }

    @Test
    void nullOptionsAreTheDefaultsOrUnsetAsInTheOfficialSdk() {
        Session session = opentok.createSession(null);
        assertEquals(MediaMode.RELAYED, session.getProperties().mediaMode());
        assertNotNull(opentok.generateToken(session.getSessionId(), null));
        assertNotNull(session.generateToken(null));
        SessionProperties props = new SessionProperties.Builder()
                .location(null).mediaMode(null).archiveMode(null).archiveName(null).archiveResolution(null).build();
        assertEquals(ArchiveMode.MANUAL, props.archiveMode());
        String token = opentok.generateToken(opentok.createSession(props).getSessionId(), new TokenOptions.Builder()
                .role(null).data(null).initialLayoutClassList(null).build());
        assertEquals("publisher", Tokens.decode(token).getRole());
        // A routed session with a client: a null-named archive starts unnamed, null builder values are unset.
        String routed = opentok.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).getSessionId();
        emulator.connectNew(opentok, routed, Role.PUBLISHER);
        Archive archive = opentok.startArchive(routed, (String) null);
        assertEquals(null, archive.getName());
        opentok.stopArchive(archive.getId());
        Archive second = opentok.startArchive(routed, new ArchiveProperties.Builder()
                .name(null).outputMode(null).streamMode(null).resolution((String) null).layout(null).multiArchiveTag(null).build());
        assertEquals(Archive.OutputMode.COMPOSED, second.getOutputMode());
        opentok.stopArchive(second.getId());
        // startCaptions with null properties is the defaults (official)
        String moderator = opentok.generateToken(routed, new TokenOptions.Builder().role(Role.MODERATOR).build());
        Caption caption = opentok.startCaptions(routed, moderator, null);
        opentok.stopCaptions(caption.getCaptionsId());
    }
}
