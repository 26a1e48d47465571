package com.opentok.wire;

import static com.opentok.wire.WireServer.SID;

import com.opentok.Archive;
import com.opentok.ArchiveLayout;
import com.opentok.ArchiveMode;
import com.opentok.ArchiveProperties;
import com.opentok.AudioConnectorProperties;
import com.opentok.Broadcast;
import com.opentok.BroadcastLayout;
import com.opentok.BroadcastProperties;
import com.opentok.CaptionProperties;
import com.opentok.Hls;
import com.opentok.MediaMode;
import com.opentok.MuteAllProperties;
import com.opentok.OpenTok;
import com.opentok.RenderProperties;
import com.opentok.Resolution;
import com.opentok.RtmpProperties;
import com.opentok.ScreenShareLayoutType;
import com.opentok.SessionProperties;
import com.opentok.SignalProperties;
import com.opentok.SipProperties;
import com.opentok.StreamListProperties;
import com.opentok.StreamProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every REST operation of the official Java SDK 4.17.0, once or more, with fixed inputs, written
 * against the official API only: this file compiles against the official SDK (for the recorder,
 * bindings/jvm/wire/record-official.sh) and against ours (OfficialWireJavaTest), so both make the
 * same calls in the same Java code shape.
 */
public final class WireCalls {
    public interface Call {
        void run(OpenTok ot) throws Exception;
    }

    public static final class Named {
        public final String name;
        /** "secret" (API key 123456 and secret) or "application" (Vonage application id and key). */
        public final String credentials;
        public final Call call;

        Named(String name, String credentials, Call call) {
            this.name = name;
            this.credentials = credentials;
            this.call = call;
        }
    }

    static final String ARCHIVE_ID = "b40ef09b-3811-4726-b508-e41a0f96c68f";
    static final String BROADCAST_ID = "1748b7070a81464c9759c46ad10d3734";
    static final String STREAM_ID = "8b732909-0a06-46a2-8ea8-074e64d43422";
    static final String CONNECTION_ID = "e9f8c166-6c67-440d-994a-04fb6dfed007";
    static final String RENDER_ID = "1248e7070b81464c9789f46ad10e7764";
    static final String CAPTIONS_ID = "7c0680fc-6274-4de5-a66f-d0648e8d3ac2";
    static final String TOKEN = "T1==tok";

    private static final List<Named> CALLS = new ArrayList<>();

    private static void add(String name, Call call) {
        CALLS.add(new Named(name, "secret", call));
    }

    private static void app(String name, Call call) {
        CALLS.add(new Named(name, "application", call));
    }

    static {
        // sessions
        add("createSession()", ot -> ot.createSession());
        add("createSession default properties", ot -> ot.createSession(new SessionProperties.Builder().build()));
        add("createSession relayed", ot -> ot.createSession(new SessionProperties.Builder().mediaMode(MediaMode.RELAYED).build()));
        add("createSession routed", ot -> ot.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()));
        add("createSession always archived", ot -> ot.createSession(new SessionProperties.Builder()
                .mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).build()));
        add("createSession always archived named", ot -> ot.createSession(new SessionProperties.Builder()
                .mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.ALWAYS).archiveName("n x")
                .archiveResolution(Resolution.HD_HORIZONTAL).build()));
        add("createSession location", ot -> ot.createSession(new SessionProperties.Builder().location("12.34.56.78").build()));
        add("createSession e2ee", ot -> ot.createSession(new SessionProperties.Builder()
                .mediaMode(MediaMode.ROUTED).endToEndEncryption().build()));
        add("createSession everything", ot -> ot.createSession(new SessionProperties.Builder().location("1.2.3.4")
                .mediaMode(MediaMode.ROUTED).archiveMode(ArchiveMode.MANUAL).endToEndEncryption().build()));

        // archives
        add("startArchive", ot -> ot.startArchive(SID));
        add("startArchive name", ot -> ot.startArchive(SID, "app"));
        add("startArchive properties", ot -> ot.startArchive(SID, new ArchiveProperties.Builder().name("app")
                .hasAudio(true).hasVideo(false).outputMode(Archive.OutputMode.COMPOSED)
                .layout(new ArchiveLayout(ArchiveLayout.Type.PIP)).resolution("1280x720")
                .streamMode(Archive.StreamMode.MANUAL).multiArchiveTag("t").maxBitrate(300000).build()));
        add("startArchive individual", ot -> ot.startArchive(SID, new ArchiveProperties.Builder()
                .outputMode(Archive.OutputMode.INDIVIDUAL).build()));
        add("startArchive custom layout", ot -> ot.startArchive(SID, new ArchiveProperties.Builder()
                .layout(new ArchiveLayout(ArchiveLayout.Type.CUSTOM, "stream.instructor {position: absolute;}")).build()));
        add("startArchive screenshare layout", ot -> {
            ArchiveLayout layout = new ArchiveLayout(ArchiveLayout.Type.BESTFIT);
            layout.setScreenshareType(ScreenShareLayoutType.PIP);
            ot.startArchive(SID, new ArchiveProperties.Builder().layout(layout).build());
        });
        add("startArchive quantizationParameter", ot -> ot.startArchive(SID, new ArchiveProperties.Builder()
                .quantizationParameter(25).build()));
        add("stopArchive", ot -> ot.stopArchive(ARCHIVE_ID));
        add("getArchive", ot -> ot.getArchive(ARCHIVE_ID));
        add("deleteArchive", ot -> ot.deleteArchive(ARCHIVE_ID));
        add("listArchives()", ot -> ot.listArchives());
        add("listArchives(sessionId)", ot -> ot.listArchives(SID));
        add("listArchives(offset, count)", ot -> ot.listArchives(2, 5));
        add("listArchives(sessionId, offset, count)", ot -> ot.listArchives(SID, 2, 5));
        add("setArchiveLayout", ot -> ot.setArchiveLayout(ARCHIVE_ID, new ArchiveProperties.Builder()
                .layout(new ArchiveLayout(ArchiveLayout.Type.PIP)).build()));
        add("setArchiveLayout custom", ot -> ot.setArchiveLayout(ARCHIVE_ID, new ArchiveProperties.Builder()
                .layout(new ArchiveLayout(ArchiveLayout.Type.CUSTOM, "stream.instructor {position: absolute;}")).build()));
        add("setArchiveLayout screenshare", ot -> {
            ArchiveLayout layout = new ArchiveLayout(ArchiveLayout.Type.BESTFIT);
            layout.setScreenshareType(ScreenShareLayoutType.HORIZONTAL);
            ot.setArchiveLayout(ARCHIVE_ID, new ArchiveProperties.Builder().layout(layout).build());
        });
        add("addArchiveStream", ot -> ot.addArchiveStream(ARCHIVE_ID, STREAM_ID, true, true));
        add("addArchiveStream no video", ot -> ot.addArchiveStream(ARCHIVE_ID, STREAM_ID, true, false));
        add("addArchiveStream no audio", ot -> ot.addArchiveStream(ARCHIVE_ID, STREAM_ID, false, true));
        add("removeArchiveStream", ot -> ot.removeArchiveStream(ARCHIVE_ID, STREAM_ID));

        // broadcasts
        add("startBroadcast hls", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true).build()));
        add("startBroadcast hls dvr", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder()
                .hls(new Hls.Builder().dvr(true).build()).build()));
        add("startBroadcast hls lowLatency", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder()
                .hls(new Hls.Builder().lowLatency(true).build()).build()));
        add("startBroadcast rtmp and everything", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder()
                .hasHls(true)
                .addRtmpProperties(new RtmpProperties.Builder().id("foo").serverUrl("rtmp://myfooserver/myfooapp").streamName("myfoostream").build())
                .addRtmpProperties(new RtmpProperties.Builder().id("bar").serverUrl("rtmps://mybarserver/mybarapp").streamName("mybarstream").build())
                .layout(new BroadcastLayout(ArchiveLayout.Type.PIP)).maxDuration(5400).resolution("1280x720")
                .streamMode(Broadcast.StreamMode.MANUAL).multiBroadcastTag("x").maxBitrate(2000000)
                .hasAudio(true).hasVideo(true).build()));
        add("startBroadcast rtmp only", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder()
                .addRtmpProperties(new RtmpProperties.Builder().serverUrl("rtmp://myfooserver/myfooapp").streamName("myfoostream").build())
                .build()));
        add("startBroadcast custom layout", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true)
                .layout(new BroadcastLayout(ArchiveLayout.Type.CUSTOM, "stream {position: absolute;}")).build()));
        add("startBroadcast screenshare layout", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true)
                .layout(new BroadcastLayout(ScreenShareLayoutType.PIP)).build()));
        add("startBroadcast audio only", ot -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true)
                .hasVideo(false).build()));
        add("stopBroadcast", ot -> ot.stopBroadcast(BROADCAST_ID));
        add("getBroadcast", ot -> ot.getBroadcast(BROADCAST_ID));
        add("setBroadcastLayout", ot -> ot.setBroadcastLayout(BROADCAST_ID, new BroadcastProperties.Builder()
                .layout(new BroadcastLayout(ArchiveLayout.Type.HORIZONTAL)).build()));
        add("setBroadcastLayout custom", ot -> ot.setBroadcastLayout(BROADCAST_ID, new BroadcastProperties.Builder()
                .layout(new BroadcastLayout(ArchiveLayout.Type.CUSTOM, "stream {position: absolute;}")).build()));
        add("setBroadcastLayout screenshare", ot -> {
            BroadcastLayout layout = new BroadcastLayout(ArchiveLayout.Type.BESTFIT);
            layout.setScreenshareType(ScreenShareLayoutType.VERTICAL);
            ot.setBroadcastLayout(BROADCAST_ID, new BroadcastProperties.Builder().layout(layout).build());
        });
        add("addBroadcastStream", ot -> ot.addBroadcastStream(BROADCAST_ID, STREAM_ID, true, true));
        add("addBroadcastStream no audio", ot -> ot.addBroadcastStream(BROADCAST_ID, STREAM_ID, false, true));
        add("removeBroadcastStream", ot -> ot.removeBroadcastStream(BROADCAST_ID, STREAM_ID));

        // streams
        add("getStream", ot -> ot.getStream(SID, STREAM_ID));
        add("listStreams", ot -> ot.listStreams(SID));
        add("setStreamLayouts", ot -> ot.setStreamLayouts(SID, new StreamListProperties.Builder()
                .addStreamProperties(new StreamProperties.Builder().id(STREAM_ID).addLayoutClass("focus").addLayoutClass("top").build())
                .addStreamProperties(new StreamProperties.Builder().id("other-stream").build())
                .build()));

        // moderation and signals
        add("forceDisconnect", ot -> ot.forceDisconnect(SID, CONNECTION_ID));
        add("forceMuteStream", ot -> ot.forceMuteStream(SID, STREAM_ID));
        add("forceMuteAll", ot -> ot.forceMuteAll(SID, new MuteAllProperties.Builder().excludedStreamIds(List.of(STREAM_ID)).build()));
        add("forceMuteAll no exclusions", ot -> ot.forceMuteAll(SID, new MuteAllProperties.Builder().build()));
        add("disableForceMute", ot -> ot.disableForceMute(SID));
        add("signal session", ot -> ot.signal(SID, new SignalProperties.Builder().type("chat").data("hi").build()));
        add("signal connection", ot -> ot.signal(SID, CONNECTION_ID, new SignalProperties.Builder().type("dm").data("you").build()));
        add("listConnections", ot -> ot.listConnections(SID));

        // SIP
        add("dial", ot -> ot.dial(SID, TOKEN, new SipProperties.Builder().sipUri("sip:user@sip.partner.com;transport=tls").build()));
        add("dial options", ot -> ot.dial(SID, TOKEN, new SipProperties.Builder().sipUri("sip:user@sip.partner.com;transport=tls")
                .from("from@example.com").headersJsonStartingWithXDash("{\"X-Foo\": \"bar\", \"X-Num\": \"1\"}")
                .userName("u").password("p").secure(true).video(true).observeForceMute(true)
                .streams(new String[] {STREAM_ID, "other-stream"}).build()));
        add("playDTMF session", ot -> ot.playDTMF(SID, "1713"));
        add("playDTMF connection", ot -> ot.playDTMF(SID, CONNECTION_ID, "1p2#"));

        // Audio Connector
        add("connectAudioStream", ot -> ot.connectAudioStream(SID, TOKEN, new AudioConnectorProperties.Builder("wss://example.com/ws").build()));
        add("connectAudioStream options", ot -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("h2", "v2");
            ot.connectAudioStream(SID, TOKEN, new AudioConnectorProperties.Builder(java.net.URI.create("wss://example.com/ws"))
                    .addStream(STREAM_ID).addStreams(List.of("other-stream")).addHeader("a", "b").addHeaders(headers).build());
        });

        // captions
        add("startCaptions", ot -> ot.startCaptions(SID, TOKEN, CaptionProperties.Builder().build()));
        add("startCaptions options", ot -> ot.startCaptions(SID, TOKEN, CaptionProperties.Builder().languageCode("en-US")
                .maxDuration(1800).partialCaptions(false).statusCallbackUrl("https://example.com/status").build()));
        add("stopCaptions", ot -> ot.stopCaptions(CAPTIONS_ID));

        // Experience Composer
        add("startRender", ot -> ot.startRender(SID, TOKEN, RenderProperties.Builder().url("https://webapp.customer.com").build()));
        add("startRender options", ot -> ot.startRender(SID, TOKEN, RenderProperties.Builder()
                .url(java.net.URI.create("https://webapp.customer.com/page")).maxDuration(120)
                .resolution(RenderProperties.Resolution.SD_HORIZONTAL)
                .properties(new RenderProperties.Properties("Composer")).build()));
        add("getRender", ot -> ot.getRender(RENDER_ID));
        add("listRenders()", ot -> ot.listRenders());
        add("listRenders(offset, count)", ot -> ot.listRenders(2, 10));
        add("stopRender", ot -> ot.stopRender(RENDER_ID));

        // Vonage application credentials (RS256, Authorization: Bearer)
        app("application createSession routed", ot -> ot.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build()));
        app("application startArchive", ot -> ot.startArchive(SID));
        app("application getBroadcast", ot -> ot.getBroadcast(BROADCAST_ID));
        app("application listStreams", ot -> ot.listStreams(SID));
        app("application signal", ot -> ot.signal(SID, new SignalProperties.Builder().type("chat").data("hi").build()));
    }

    public static List<Named> calls() {
        return CALLS;
    }

    /**
     * Runs each call with the client of its credential kind against [server] and returns, per
     * call, its name, outcome ("ok" or the exception's class and message) and recorded requests.
     */
    public static List<Map<String, Object>> runAll(WireServer server, OpenTok secret, OpenTok application) {
        List<Map<String, Object>> out = new ArrayList<>();
        server.take();
        for (Named c : CALLS) {
            String outcome;
            try {
                c.call.run(c.credentials.equals("secret") ? secret : application);
                outcome = "ok";
            } catch (Exception e) {
                outcome = e.getClass().getName() + ": " + e.getMessage();
            }
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("name", c.name);
            rec.put("credentials", c.credentials);
            rec.put("outcome", outcome);
            rec.put("requests", server.take());
            out.add(rec);
        }
        return out;
    }
}
