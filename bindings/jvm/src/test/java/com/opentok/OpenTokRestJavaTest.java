package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.opentok.exception.ConflictException;
import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.NotFoundException;
import com.opentok.exception.OpenTokException;
import com.opentok.exception.PayloadTooLargeException;
import com.opentok.exception.RequestException;
import com.opentok.testing.Emulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The REST API from plain Java, written the way an app on the official Java SDK 4.x writes it:
 * builders, getters, checked OpenTokExceptions told apart by class and getStatus().
 */
class OpenTokRestJavaTest extends EmulatorJavaTest {
    private String routedSessionWithClient() throws OpenTokException {
        String sessionId = opentok.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).getSessionId();
        emulator.connectNew(opentok, sessionId, Role.PUBLISHER);
        return sessionId;
    }

    /** A stream published in [sessionId] by a fresh simulated client. */
    private String streamOf(String sessionId) throws OpenTokException {
        return emulator.publish(sessionId, emulator.connectNew(opentok, sessionId, Role.PUBLISHER));
    }

    @Test
    void archiveAsInTheOfficialSdk() throws OpenTokException {
        String sessionId = routedSessionWithClient();
        ArchiveProperties properties = new ArchiveProperties.Builder()
                .name("Java archive")
                .hasAudio(true)
                .hasVideo(true)
                .outputMode(Archive.OutputMode.COMPOSED)
                .layout(new ArchiveLayout(ArchiveLayout.Type.BESTFIT))
                .build();
        Archive archive = opentok.startArchive(sessionId, properties);
        assertEquals(Archive.Status.STARTED, archive.getStatus());
        assertEquals("Java archive", archive.getName());
        assertTrue(archive.hasAudio());

        // The 409 "already archiving" and the 404 "no clients" are told apart by class and status.
        try {
            opentok.startArchive(sessionId);
            fail("a second archive of the same session started");
        } catch (ConflictException e) {
            assertEquals(409, e.getStatus());
            assertEquals("conflict", e.getKind());
        }
        String empty = opentok.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).getSessionId();
        RequestException noClients = assertThrows(RequestException.class, () -> opentok.startArchive(empty, "x"));
        assertEquals(404, noClients.getStatus());
        assertTrue(noClients instanceof NotFoundException);

        opentok.setArchiveLayout(archive.getId(), new ArchiveProperties.Builder()
                .layout(new ArchiveLayout(ArchiveLayout.Type.CUSTOM, "stream.instructor { width: 100%; }")).build());
        Archive stopped = opentok.stopArchive(archive.getId());
        assertEquals(Archive.Status.STOPPED, stopped.getStatus());

        ArchiveList archives = opentok.listArchives(sessionId);
        assertEquals(1, archives.getTotalCount());
        List<String> ids = new ArrayList<>();
        for (Archive a : archives) {
            ids.add(a.getId());
        }
        assertEquals(List.of(archive.getId()), ids);
        InvalidArgumentException badCount = assertThrows(InvalidArgumentException.class, () -> opentok.listArchives(0, 5000));
        assertEquals("count", badCount.getField());

        opentok.deleteArchive(archive.getId());
        assertThrows(NotFoundException.class, () -> opentok.getArchive("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void typedCallsKeepTheServiceAnswer() throws OpenTokException {
        // A placeholder session id is sent as is; the emulator's 404 comes back with its status.
        RequestException placeholder = assertThrows(RequestException.class, () -> opentok.listStreams("SESSIONID"));
        assertEquals(404, placeholder.getStatus());
        assertTrue(placeholder instanceof NotFoundException);
        assertThrows(NotFoundException.class, () -> opentok.startArchive("SESSIONID", new ArchiveProperties.Builder().name("x").build()));

        // Values as the core settled them: the project's key in partnerId, audio and video on.
        String sessionId = routedSessionWithClient();
        Archive archive = opentok.startArchive(sessionId, "values");
        assertEquals("123456", archive.getPartnerId());
        assertTrue(archive.hasAudio());
        assertTrue(archive.hasVideo());
        opentok.stopArchive(archive.getId());
        Broadcast broadcast = opentok.startBroadcast(sessionId, new BroadcastProperties.Builder()
                .addHlsProperties(new Hls.Builder().build()).build());
        assertEquals("123456", broadcast.getPartnerId());
        assertEquals("123456", broadcast.getProjectId());
        opentok.stopBroadcast(broadcast.getId());
    }

    @Test
    void broadcastWithBuilders() throws OpenTokException {
        String sessionId = routedSessionWithClient();
        BroadcastProperties properties = new BroadcastProperties.Builder()
                .addHlsProperties(new Hls.Builder().lowLatency(true).build())
                .addRtmpProperties(new RtmpProperties.Builder().id("foo").serverUrl("rtmp://myfooserver/myfooapp").streamName("myfoostream").build())
                .maxDuration(5400)
                .resolution("1280x720")
                .layout(new BroadcastLayout(BroadcastLayout.Type.PIP))
                .build();
        Broadcast broadcast = opentok.startBroadcast(sessionId, properties);
        assertEquals(sessionId, broadcast.getSessionId());
        assertEquals("foo", broadcast.getRtmpList().get(0).getId());
        assertEquals(broadcast.getId(), opentok.getBroadcast(broadcast.getId()).getId());
        assertEquals(1, opentok.listBroadcasts(sessionId).size());
        opentok.setBroadcastLayout(broadcast.getId(), new BroadcastProperties.Builder()
                .layout(new BroadcastLayout(BroadcastLayout.Type.VERTICAL)).build());
        assertEquals("stopped", opentok.stopBroadcast(broadcast.getId()).getStatus());
        InvalidArgumentException noOutputs = assertThrows(InvalidArgumentException.class,
                () -> opentok.startBroadcast(sessionId, new BroadcastProperties.Builder().maxDuration(60).build()));
        assertEquals("outputs", noOutputs.getField());
    }

    @Test
    void streamsModerationSignalsConnections() throws OpenTokException {
        String sessionId = opentok.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()).getSessionId();
        String connectionId = emulator.connectNew(opentok, sessionId, Role.MODERATOR);
        String streamId = emulator.publish(sessionId, connectionId);

        StreamList streams = opentok.listStreams(sessionId);
        assertEquals(1, streams.getTotalCount());
        Stream stream = opentok.getStream(sessionId, streamId);
        assertEquals("cam", stream.getName());
        opentok.setStreamLayouts(sessionId, new StreamListProperties.Builder()
                .addStreamProperties(new StreamProperties.Builder().id(streamId).addLayoutClass("full").build())
                .build());
        assertEquals(List.of("full"), opentok.getStream(sessionId, streamId).getLayoutClassList());

        opentok.forceMuteStream(sessionId, streamId);
        opentok.forceMuteAll(sessionId, new MuteAllProperties.Builder().excludedStreamIds(Arrays.asList(streamId)).build());
        opentok.disableForceMute(sessionId);

        opentok.signal(sessionId, new SignalProperties.Builder().type("test").data("all").build());
        opentok.signal(sessionId, connectionId, new SignalProperties.Builder().type("test").data("one").build());
        assertEquals(2, emulator.signals(sessionId, connectionId).size());
        PayloadTooLargeException big = assertThrows(PayloadTooLargeException.class,
                () -> opentok.signal(sessionId, new SignalProperties.Builder().type("t").data("x".repeat(8193)).build()));
        assertEquals(413, big.getStatus());

        ConnectionList connections = opentok.listConnections(sessionId);
        assertEquals(connectionId, connections.get(0).getConnectionId());
        opentok.forceDisconnect(sessionId, connectionId);
        assertEquals(0, opentok.listConnections(sessionId).size());
        assertThrows(NotFoundException.class, () -> opentok.forceDisconnect(sessionId, connectionId));
    }

    @Test
    void sipCaptionsRendersAudioConnectorCallbacks() throws OpenTokException {
        String sessionId = routedSessionWithClient();
        String token = opentok.generateToken(sessionId, new TokenOptions.Builder().role(Role.MODERATOR).build());

        Sip sip = opentok.dial(sessionId, token, new SipProperties.Builder()
                .sipUri("sip:user@sip.partner.com;transport=tls")
                .from("from@example.com")
                .headersJsonStartingWithXDash("{\"X-Foo\": \"bar\"}")
                .userName("username").password("password")
                .secure(true)
                .build());
        assertNotNull(sip.getConnectionId());
        opentok.playDTMF(sessionId, "1713");
        opentok.playDTMF(sessionId, sip.getConnectionId(), "9");
        assertThrows(InvalidArgumentException.class, () -> opentok.playDTMF(sessionId, "abc"));

        Caption caption = opentok.startCaptions(sessionId, token, new CaptionProperties.Builder().languageCode("en-US").build());
        assertEquals("started", opentok.getCaptions(caption.getCaptionsId()).getStatus());
        opentok.stopCaptions(caption.getCaptionsId());

        Render render = opentok.startRender(sessionId, token, new RenderProperties.Builder()
                .url(java.net.URI.create("https://example.com/page"))
                .maxDuration(1800)
                .resolution(RenderProperties.Resolution.HD_HORIZONTAL)
                .properties(new RenderProperties.Properties("Composed stream"))
                .build());
        assertEquals(render.getId(), opentok.getRender(render.getId()).getId());
        assertTrue(opentok.listRenders().getTotalCount() >= 1);
        opentok.stopRender(render.getId());

        AudioConnector connector = opentok.connectAudioStream(sessionId, token,
                new AudioConnectorProperties.Builder(java.net.URI.create("wss://service.com/ws-endpoint"))
                        .addStreams(streamOf(sessionId))
                        .addHeaders(Map.of("X-CustomHeader", "value"))
                        .addHeader("X-Other", "2")
                        .audioRate(8000)
                        .build());
        assertNotNull(connector.getConnectionId());
        assertEquals("2", emulator.audioConnector(connector.getId()).getAsJsonObject("headers").get("X-Other").getAsString());
        assertEquals(1, emulator.audioConnector(connector.getId()).getAsJsonArray("streams").size());
        opentok.stopAudioConnector(connector.getId());

        Callback callback = opentok.registerCallback("archive", "status", "https://example.com/archive");
        assertTrue(opentok.listCallbacks().stream().anyMatch(c -> c.getId().equals(callback.getId())));
        opentok.deleteCallback(callback.getId());
        assertThrows(NotFoundException.class, () -> opentok.deleteCallback(callback.getId()));
        assertFalse(opentok.listCallbacks().stream().anyMatch(c -> c.getId().equals(callback.getId())));
    }
}
