package com.opentok.wire;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A recording loopback HTTP server for the wire comparison (the Java twin of the Node suite's,
 * node/tests/official_wire.test.js): it answers every REST path plausibly (the shapes the service
 * sends, numeric projectId/partnerId) and records each request as data: method, decoded path,
 * query, the non-volatile headers, the auth header's name, the auth JWT's header and claim
 * names with its iss/ist and lifetime, and the parsed JSON or form body. Used by
 * {@code bindings/jvm/wire/OfficialWire.java} (the official SDK 4.17.0) and by
 * {@code OfficialWireJavaTest} (ours).
 */
public final class WireServer implements AutoCloseable {
    public static final int API_KEY = 123456;
    public static final String API_SECRET = "1234567890abcdef1234567890abcdef1234567890";
    public static final String SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
    public static final String APP_ID = "29f760f8-7ce1-46c9-ade3-f2dedee4ed5f";

    /** Headers left out: per request, per connection or per SDK (User-Agent), or the auth value. */
    static final Set<String> VOLATILE = Set.of("user-agent", "host", "content-length", "connection", "transfer-encoding",
            "x-opentok-auth", "authorization");

    private final HttpServer server;
    private final List<Map<String, Object>> log = new ArrayList<>();

    public WireServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "wire-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests recorded since the last call, in arrival order. */
    public synchronized List<Map<String, Object>> take() {
        List<Map<String, Object>> out = new ArrayList<>(log);
        log.clear();
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            byte[] raw = readAll(ex.getRequestBody());
            URI uri = ex.getRequestURI();
            String path = URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            Map<String, Object> rec = record(ex.getRequestMethod(), path, uri.getRawQuery(), ex.getRequestHeaders(), raw);
            synchronized (this) {
                log.add(rec);
            }
            Object[] a = answer(ex.getRequestMethod(), path);
            int status = (Integer) a[0];
            if (a[1] == null) {
                ex.sendResponseHeaders(status, -1);
            } else {
                byte[] body = Json.write(a[1]).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(status, body.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(body);
                }
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            ex.sendResponseHeaders(500, -1);
        } finally {
            ex.close();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    static Map<String, Object> record(String method, String path, String rawQuery, Headers headers, byte[] raw) {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("method", method);
        rec.put("path", path);
        rec.put("query", form(rawQuery == null ? "" : rawQuery));
        Map<String, Object> kept = new TreeMap<>();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!VOLATILE.contains(name)) kept.put(name, String.join(", ", h.getValue()));
        }
        rec.put("headers", kept);
        String authName = headers.containsKey("X-opentok-auth") ? "X-OPENTOK-AUTH" : headers.containsKey("Authorization") ? "Authorization" : null;
        rec.put("authHeader", authName);
        rec.put("auth", authName == null ? null : jwt(headers.getFirst(authName).replaceFirst("^Bearer ", "")));
        String ct = headers.getFirst("Content-Type");
        String type = ct == null ? "" : ct.split(";")[0].trim().toLowerCase(Locale.ROOT);
        String text = new String(raw, StandardCharsets.UTF_8);
        Object body;
        if (raw.length == 0) body = null;
        else if (type.equals("application/json")) body = Json.parse(text);
        else if (type.equals("application/x-www-form-urlencoded")) body = form(text);
        else body = text;
        rec.put("body", body);
        return rec;
    }

    /** A form or query string as a sorted map (a repeated name becomes a list). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> form(String raw) {
        Map<String, Object> m = new TreeMap<>();
        if (raw.isEmpty()) return m;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            Object old = m.get(k);
            if (old == null) {
                m.put(k, v);
            } else {
                List<Object> l = old instanceof List ? (List<Object>) old : new ArrayList<>(List.of(old));
                l.add(v);
                m.put(k, l);
            }
        }
        return m;
    }

    /** The JWT's header and claim names (sorted), alg, iss, ist and lifetime (exp - iat); never its values otherwise. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> jwt(String token) {
        Map<String, Object> out = new LinkedHashMap<>();
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            out.put("malformed", true);
            return out;
        }
        Map<String, Object> header = (Map<String, Object>) Json.parse(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
        Map<String, Object> claims = (Map<String, Object>) Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        out.put("headerNames", new ArrayList<>(new TreeMap<>(header).keySet()));
        out.put("alg", header.get("alg"));
        out.put("claimNames", new ArrayList<>(new TreeMap<>(claims).keySet()));
        out.put("iss", claims.get("iss"));
        out.put("ist", claims.get("ist"));
        out.put("application_id", claims.get("application_id"));
        Object iat = claims.get("iat");
        Object exp = claims.get("exp");
        out.put("lifetime", iat instanceof Number && exp instanceof Number
                ? Json.number(new java.math.BigDecimal(exp.toString()).subtract(new java.math.BigDecimal(iat.toString()))) : null);
        return out;
    }

    // ----- answers: the service's shapes, per path -----

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < kv.length; k += 2) m.put((String) kv[k], kv[k + 1]);
        return m;
    }

    static Map<String, Object> archive(String status) {
        return obj("id", "b40ef09b-3811-4726-b508-e41a0f96c68f", "status", status, "name", "app", "reason", "", "sessionId", SID,
                "applicationId", String.valueOf(API_KEY), "projectId", API_KEY, "partnerId", API_KEY, "createdAt", 1384221730000L,
                "size", 0, "duration", 0, "outputMode", "composed", "streamMode", "auto", "hasAudio", true, "hasVideo", true,
                "resolution", "640x480", "sha256sum", "", "password", "", "updatedAt", 1384221730000L, "url", null,
                "event", "archive", "streams", List.of());
    }

    static Map<String, Object> broadcast(String status) {
        return obj("id", "1748b7070a81464c9759c46ad10d3734", "sessionId", SID, "projectId", API_KEY, "partnerId", API_KEY,
                "createdAt", 1437676551000L, "updatedAt", 1437676551000L, "resolution", "640x480", "status", status,
                "streamMode", "auto", "maxDuration", 7200, "maxBitrate", 2000000, "hasAudio", true, "hasVideo", true,
                "multiBroadcastTag", "", "event", "broadcast", "streams", List.of(),
                "broadcastUrls", obj("hls", "http://server/fakepath/playlist.m3u8", "hlsStatus", "ready",
                        "rtmp", List.of(obj("id", "foo", "serverUrl", "rtmp://myfooserver/myfooapp", "streamName", "myfoostream", "status", "live"))));
    }

    static final Map<String, Object> STREAM = obj("id", "8b732909-0a06-46a2-8ea8-074e64d43422", "videoType", "camera", "name", "cam",
            "layoutClassList", List.of("full"));

    static Map<String, Object> render(String status) {
        return obj("id", "1248e7070b81464c9789f46ad10e7764", "sessionId", SID, "applicationId", String.valueOf(API_KEY), "projectId", API_KEY,
                "createdAt", 1437676551000L, "updatedAt", 1437676551000L, "url", "https://webapp.customer.com", "resolution", "1280x720",
                "status", status, "streamId", "e32445b743678c98230f238", "reason", null);
    }

    private static boolean m(String regex, String p) {
        return Pattern.matches(regex, p);
    }

    /** {status, body or null}. */
    static Object[] answer(String method, String path) {
        String p = path.replaceFirst("^/v2/project/[^/]+", "");
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if (path.equals("/session/create")) {
            return a(200, List.of(obj("session_id", SID, "project_id", String.valueOf(API_KEY), "partner_id", String.valueOf(API_KEY),
                    "create_dt", "Fri Feb 14 05:14:54 PST 2025", "media_server_url", "")));
        }
        if (p.equals("/archive") && post) return a(200, archive("started"));
        if (p.equals("/archive") && get) return a(200, obj("count", 1, "items", List.of(archive("available"))));
        if (m("/archive/[^/]+/stop", p)) return a(200, archive("stopped"));
        if (m("/archive/[^/]+/layout", p)) return a(200, null);
        if (m("/archive/[^/]+/streams", p)) return a(204, null);
        if (m("/archive/[^/]+", p)) return method.equals("DELETE") ? a(204, null) : a(200, archive("available"));
        if (p.equals("/broadcast") && post) return a(200, broadcast("started"));
        if (p.equals("/broadcast") && get) return a(200, obj("count", 1, "items", List.of(broadcast("started"))));
        if (m("/broadcast/[^/]+/stop", p)) return a(200, broadcast("stopped"));
        if (m("/broadcast/[^/]+/layout", p)) return a(200, null);
        if (m("/broadcast/[^/]+/streams", p)) return a(204, null);
        if (m("/broadcast/[^/]+", p)) return a(200, broadcast("started"));
        if (m("/session/[^/]+/stream/[^/]+/mute", p)) return a(200, null);
        if (m("/session/[^/]+/stream/[^/]+", p)) return a(200, STREAM);
        if (m("/session/[^/]+/stream", p)) return get ? a(200, obj("count", 1, "items", List.of(STREAM))) : a(200, null);
        if (m("/session/[^/]+/mute", p)) return a(200, null);
        if (p.endsWith("/signal")) return a(204, null);
        if (p.endsWith("/play-dtmf")) return a(200, null);
        if (m("/session/[^/]+/connection", p) && get) {
            return a(200, obj("count", 1, "projectId", API_KEY, "sessionId", SID, "items",
                    List.of(obj("connectionId", "e9f8c166-6c67-440d-994a-04fb6dfed007", "connectionState", "Connected", "createdAt", 1384221730000L))));
        }
        if (m("/session/[^/]+/connection/[^/]+", p)) return a(204, null);
        if (p.equals("/dial")) {
            return a(200, obj("id", "b0a5a8c7-dc38-459f-a48d-a7f2008da853", "connectionId", "e9f8c166-6c67-440d-994a-04fb6dfed007",
                    "streamId", "482bce73-f882-40fd-8ca5-cb74ff416036"));
        }
        if (p.equals("/captions")) return a(202, obj("captionsId", "7c0680fc-6274-4de5-a66f-d0648e8d3ac2"));
        if (m("/captions/[^/]+/stop", p)) return a(202, null);
        if (p.equals("/render") && post) return a(202, render("starting"));
        if (p.equals("/render") && get) return a(200, obj("count", 1, "items", List.of(render("started"))));
        // DELETE /render/{id}: the official Java SDK 4.17.0 takes 200 only (it throws on 204)
        if (m("/render/[^/]+", p)) return method.equals("DELETE") ? a(200, null) : a(200, render("started"));
        if (p.equals("/connect")) return a(200, obj("id", "b0a5a8c7-dc38-459f-a48d-a7f2008da853", "connectionId", "e9f8c166-6c67-440d-994a-04fb6dfed007"));
        return a(404, obj("message", "no route " + method + " " + path));
    }

    private static Object[] a(int status, Object body) {
        return new Object[] {status, body};
    }
}
