package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.NotFoundException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The {@code ...Future} twins of the REST calls from plain Java: each answers a
 * {@link CompletableFuture} that completes with the blocking call's result, or exceptionally with
 * the blocking call's exception class, against a real emulator.
 */
class FuturesJavaTest extends EmulatorJavaTest {
    private static <T> T done(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void everyRestCallAsAFuture() throws Exception {
        String sessionId = done(opentok.createSessionFuture(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build())).getSessionId();
        String connectionId = emulator.connectNew(opentok, sessionId, Role.PUBLISHER);
        String streamId = emulator.publish(sessionId, connectionId);
        String token = opentok.generateToken(sessionId, new TokenOptions.Builder().role(Role.MODERATOR).build());

        Archive archive = done(opentok.startArchiveFuture(sessionId,
                new ArchiveProperties.Builder().name("future").streamMode(Archive.StreamMode.MANUAL).build()));
        assertEquals("future", archive.getName());
        // ten reads in flight at once
        List<CompletableFuture<Archive>> reads = IntStream.range(0, 10)
                .mapToObj(i -> opentok.getArchiveFuture(archive.getId())).collect(Collectors.toList());
        for (CompletableFuture<Archive> r : reads) {
            assertEquals(archive.getId(), done(r).getId());
        }
        done(opentok.setArchiveLayoutFuture(archive.getId(), new ArchiveLayout(ArchiveLayout.Type.VERTICAL)));
        done(opentok.addArchiveStreamFuture(archive.getId(), streamId));
        done(opentok.removeArchiveStreamFuture(archive.getId(), streamId));
        assertEquals(Archive.Status.STOPPED, done(opentok.stopArchiveFuture(archive.getId())).getStatus());
        ArchiveList archives = done(opentok.listArchivesFuture(sessionId));
        assertEquals(1, archives.getTotalCount());
        done(opentok.deleteArchiveFuture(archive.getId()));
        NotFoundException unknown = assertInstanceOf(NotFoundException.class, failure(opentok.getStreamFuture(sessionId, "nope")));
        assertEquals(404, unknown.getStatus());

        Broadcast broadcast = done(opentok.startBroadcastFuture(sessionId, new BroadcastProperties.Builder()
                .hls(new Hls.Builder().build()).streamMode(Broadcast.StreamMode.MANUAL).build()));
        assertEquals(broadcast.getId(), done(opentok.getBroadcastFuture(broadcast.getId())).getId());
        assertEquals(1, done(opentok.listBroadcastsFuture(sessionId)).size());
        done(opentok.setBroadcastLayoutFuture(broadcast.getId(), new BroadcastLayout(ArchiveLayout.Type.PIP)));
        done(opentok.addBroadcastStreamFuture(broadcast.getId(), streamId, true, true));
        done(opentok.removeBroadcastStreamFuture(broadcast.getId(), streamId));
        assertEquals("stopped", done(opentok.stopBroadcastFuture(broadcast.getId())).getStatus());

        done(opentok.setStreamLayoutsFuture(sessionId, new StreamListProperties.Builder()
                .addStreamProperties(new StreamProperties.Builder().id(streamId).addLayoutClass("java-future").build()).build()));
        assertEquals(List.of("java-future"), done(opentok.getStreamFuture(sessionId, streamId)).getLayoutClassList());
        assertEquals(1, done(opentok.listStreamsFuture(sessionId)).size());
        done(opentok.forceMuteStreamFuture(sessionId, streamId));
        done(opentok.forceMuteAllFuture(sessionId, new MuteAllProperties.Builder().excludedStreamIds(List.of(streamId)).build()));
        done(opentok.disableForceMuteFuture(sessionId));
        done(opentok.signalFuture(sessionId, null, new SignalProperties.Builder().type("chat").data("all").build()));
        done(opentok.signalFuture(sessionId, connectionId, new SignalProperties.Builder().type("chat").data("one").build()));
        assertEquals(1, done(opentok.listConnectionsFuture(sessionId)).size());

        Sip sip = done(opentok.dialFuture(sessionId, token, new SipProperties.Builder().sipUri("sip:java-future@example.com").build()));
        done(opentok.playDTMFFuture(sessionId, null, "12"));
        done(opentok.playDTMFFuture(sessionId, sip.getConnectionId(), "3"));
        assertEquals(2, emulator.dtmf(sessionId).size());

        Caption caption = done(opentok.startCaptionsFuture(sessionId, token));
        assertEquals("started", done(opentok.getCaptionsFuture(caption.getCaptionsId())).getStatus());
        done(opentok.stopCaptionsFuture(caption.getCaptionsId()));

        Render render = done(opentok.startRenderFuture(sessionId, token,
                new RenderProperties.Builder().url("https://example.com/java-future").build()));
        assertEquals(render.getId(), done(opentok.getRenderFuture(render.getId())).getId());
        assertTrue(done(opentok.listRendersFuture(0, 50)).stream().anyMatch(r -> r.getId().equals(render.getId())));
        done(opentok.stopRenderFuture(render.getId()));

        AudioConnector connector = done(opentok.connectAudioStreamFuture(sessionId, token,
                new AudioConnectorProperties.Builder("wss://example.com/java-future").build()));
        done(opentok.stopAudioConnectorFuture(connector.getId()));

        Callback callback = done(opentok.registerCallbackFuture("connection", "connectionCreated", "https://example.com/java-hook"));
        assertTrue(done(opentok.listCallbacksFuture()).stream().anyMatch(c -> c.getId().equals(callback.getId())));
        done(opentok.deleteCallbackFuture(callback.getId()));

        done(opentok.forceDisconnectFuture(sessionId, connectionId));
        assertInstanceOf(NotFoundException.class, failure(opentok.forceDisconnectFuture(sessionId, connectionId)));
    }

    @Test
    void badArgumentsCompleteExceptionallyNamingTheField() {
        InvalidArgumentException count = assertInstanceOf(InvalidArgumentException.class, failure(opentok.listRendersFuture(0, 0)));
        assertEquals("count", count.getField());
        InvalidArgumentException nullId = assertInstanceOf(InvalidArgumentException.class, failure(opentok.stopBroadcastFuture(null)));
        assertEquals("broadcastId", nullId.getField());
        InvalidArgumentException signal = assertInstanceOf(InvalidArgumentException.class,
                failure(opentok.signalFuture("SESSIONID", null, null)));
        assertEquals("properties", signal.getField());
    }
}
