package com.opentok;

import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.OpenTokException;
import com.opentok.exception.RequestException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile inputs and hostile process life, run in a child JVM by {@link HostileJavaTest} so that a
 * crash (a segfault or abort in the native library, exit code 134/139) fails one test with its
 * exit code instead of killing the suite (the JVM twin of python/tests/hostile_child.py and
 * node/tests/fixtures/hostile_child.js).
 *
 * Usage: {@code HostileChild <case> <emulator url> <silent server url>}. Every call prints one
 * line {@code label: outcome}: {@code answered ...}, the exception's simple class name with its
 * field ({@code InvalidArgumentException field=data}), or {@code UNTYPED <class>: <message>} for
 * anything that is not an OpenTokException (a bug). The case ends with {@code DONE <case>}, or
 * prints {@code EXITING ...} before it calls System.exit in the middle of calls.
 */
public final class HostileChild {
    static final int KEY = 123456;
    static final String SECRET = "1234567890abcdef1234567890abcdef1234567890";
    static final String SID = "1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4";
    static final int MB10 = 10 * 1024 * 1024;

    static String emulator;
    static String silent;

    public static void main(String[] args) throws Exception {
        String which = args[0];
        emulator = args[1];
        silent = args[2];
        switch (which) {
            case "huge-strings": hugeStrings(); break;
            case "surrogates-nul": surrogatesAndNul(); break;
            case "maps-lists": mapsAndLists(); break;
            case "numbers": numbers(); break;
            case "nulls": nulls(); break;
            case "threads-exit": threadsThenExit(); return;
            case "interrupt": interrupt(); break;
            case "hanging-exit": hangingThenExit(); return;
            case "shutdown-close": shutdownHooksAndClose(); return;
            case "close-during-calls": closeDuringCalls(); break;
            case "gc-pressure": gcPressure(); break;
            case "segfault-selftest": segfault(); break;
            default: throw new IllegalArgumentException("no case " + which);
        }
        out("DONE " + which);
        System.exit(0); // threads of cases that leave calls running
    }

    static synchronized void out(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** One call's outcome as a line. */
    static String outcome(Callable<?> call) {
        try {
            Object r = call.call();
            return "answered" + (r instanceof String && ((String) r).length() < 40 ? " " + r : "");
        } catch (java.util.concurrent.ExecutionException e) {
            // a ...Future completed exceptionally: the blocking call's exception is the cause
            return "future failed: " + outcome(() -> {
                throw (Exception) e.getCause();
            });
        } catch (java.util.concurrent.CancellationException e) {
            return "future cancelled"; // close() cancels pending futures (documented)
        } catch (InvalidArgumentException e) {
            return "InvalidArgumentException field=" + e.getField();
        } catch (RequestException e) {
            return e.getClass().getSimpleName() + " status=" + e.getStatus();
        } catch (OpenTokException e) {
            return e.getClass().getSimpleName() + " kind=" + e.getKind();
        } catch (IllegalStateException e) {
            // the official builders' way to refuse an invalid combination (SessionProperties), with the core's exception as cause
            if (e.getCause() instanceof InvalidArgumentException) {
                return "IllegalStateException(InvalidArgumentException field=" + ((InvalidArgumentException) e.getCause()).getField() + ")";
            }
            return untyped(e);
        } catch (Throwable e) {
            return untyped(e);
        }
    }

    static String untyped(Throwable e) {
        return "UNTYPED " + e.getClass().getName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }

    static void check(String label, Callable<?> call) {
        out(label + ": " + outcome(call));
    }

    static OpenTok client(String url) {
        return new OpenTok.Builder(KEY, SECRET).apiUrl(url).requestTimeout(10).maxRetries(0).build();
    }

    static String repeat(char c, int n) {
        char[] a = new char[n];
        java.util.Arrays.fill(a, c);
        return new String(a);
    }

    static void hugeStrings() {
        OpenTok ot = client(emulator);
        String big = repeat('x', MB10);
        check("token data 10MB", () -> ot.generateToken(SID, new TokenOptions.Builder().data(big).build()));
        check("token session id 10MB", () -> ot.generateToken(big));
        check("token layout class 10MB", () -> ot.generateToken(SID, new TokenOptions.Builder().initialLayoutClassList(List.of(big)).build()));
        check("session location 10MB", () -> ot.createSession(new SessionProperties.Builder().location(big).build()));
        check("archive name 10MB", () -> ot.startArchive(SID, big));
        check("signal data 10MB", () -> {
            ot.signal(SID, new SignalProperties.Builder().type("t").data(big).build());
            return null;
        });
        check("stream id 10MB", () -> ot.getStream(SID, big));
        check("sip header value 10MB", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c")
                .headers(Map.of("X-Big", big)).build()));
        check("api secret 10MB", () -> new OpenTok(KEY, big));
        check("api url 10MB", () -> new OpenTok.Builder(KEY, SECRET).apiUrl("http://" + big).build());
        check("decode token 10MB", () -> Tokens.decode("T1==" + big));
        check("event 10MB", () -> Events.parse("{\"event\":\"" + big + "\"}"));
        ot.close();
    }

    static void surrogatesAndNul() {
        OpenTok ot = client(emulator);
        for (String[] v : new String[][] {{"lone high surrogate", "a\uD800b"}, {"lone low surrogate", "\uDFFF"}, {"NUL", "a\u0000b"},
                {"only NUL", "\u0000"}}) {
            String label = v[0];
            String s = v[1];
            // a token carries the data exactly, or the data is refused by name: never silently changed
            check("token data " + label, () -> {
                String token = ot.generateToken(SID, new TokenOptions.Builder().data(s).build());
                String back = Tokens.decode(token).getConnectionData();
                return back.equals(s) ? "data kept" : "data CHANGED to " + back.replace("\u0000", "\\0");
            });
            check("T1 token data " + label, () -> {
                String token = ot.generateToken(SID, new TokenOptions.Builder().data(s).useLegacyT1Token().build());
                String back = Tokens.decode(token).getConnectionData();
                return back.equals(s) ? "data kept" : "data CHANGED to " + back.replace("\u0000", "\\0");
            });
            check("token layout class " + label, () -> ot.generateToken(SID, new TokenOptions.Builder().initialLayoutClassList(List.of(s)).build()) != null ? "minted" : null);
            check("token session id " + label, () -> ot.generateToken(SID + s));
            check("archive name " + label, () -> ot.startArchive(SID, s).getStatus().toString());
            check("signal type " + label, () -> {
                ot.signal(SID, new SignalProperties.Builder().type(s).data("d").build());
                return null;
            });
            check("stream id " + label, () -> ot.getStream(SID, s));
            check("secret " + label, () -> new OpenTok(KEY, SECRET.substring(0, 39) + s));
            check("decode " + label, () -> Tokens.decode(s));
        }
        ot.close();
    }

    static Map<String, Object> deepMap(int levels) {
        Map<String, Object> m = new HashMap<>();
        Map<String, Object> cur = m;
        for (int i = 0; i < levels; i++) {
            Map<String, Object> next = new HashMap<>();
            cur.put("d", next);
            cur = next;
        }
        return m;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void mapsAndLists() {
        OpenTok ot = client(emulator);
        List<String> million = Collections.nCopies(1_000_000, "c");
        check("token 1M layout classes", () -> ot.generateToken(SID, new TokenOptions.Builder().initialLayoutClassList(million).build()));
        List<String> withNull = new ArrayList<>(List.of("a"));
        withNull.add(null);
        check("token layout classes with null", () -> ot.generateToken(SID, new TokenOptions.Builder().initialLayoutClassList(withNull).build()));
        check("mute all 1M exclusions", () -> {
            ot.forceMuteAll(SID, new MuteAllProperties.Builder().excludedStreamIds(million).build());
            return null;
        });
        check("mute all exclusions with null", () -> {
            ot.forceMuteAll(SID, new MuteAllProperties.Builder().excludedStreamIds(withNull).build());
            return null;
        });
        check("stream layouts 100k streams", () -> {
            StreamListProperties.Builder b = new StreamListProperties.Builder();
            for (int i = 0; i < 100_000; i++) b.addStreamProperties(new StreamProperties.Builder().id("s" + i).addLayoutClass("c").build());
            ot.setStreamLayouts(SID, b.build());
            return null;
        });
        check("stream layout 1M classes", () -> {
            StreamProperties.Builder b = new StreamProperties.Builder().id("s");
            for (int i = 0; i < 1_000_000; i++) b.addLayoutClass("c");
            ot.setStreamLayouts(SID, new StreamListProperties.Builder().addStreamProperties(b.build()).build());
            return null;
        });
        Map<String, String> hugeHeaders = new HashMap<>();
        for (int i = 0; i < 100_000; i++) hugeHeaders.put("X-H" + i, "v");
        check("sip 100k headers", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c").headers(hugeHeaders).build()));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("X-A", null);
        check("sip header null value", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c").headers(nullValue).build()));
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        check("sip header null name", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c").headers(nullKey).build()));
        Map polluted = new HashMap();
        polluted.put("X-Deep", deepMap(100_000));
        check("sip header map value (heap pollution)", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c").headers((Map<String, String>) polluted).build()));
        StringBuilder deepJson = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) deepJson.append("{\"X-A\":");
        deepJson.append("1");
        for (int i = 0; i < 1_000_000; i++) deepJson.append('}');
        check("sip headers JSON nested 1M deep", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c")
                .headersJsonStartingWithXDash(deepJson.toString()).build()));
        check("sip headers JSON array 1M deep", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c")
                .headersJsonStartingWithXDash(repeat('[', 1_000_000)).build()));
        check("sip streams with null", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri("sip:a@b.c")
                .streams(new String[] {"s", null}).build()));
        check("audio connector 100k headers", () -> ot.connectAudioStream(SID, "tok",
                new AudioConnectorProperties.Builder("wss://example.com/ws").addHeaders(hugeHeaders).build()));
        check("audio connector header null value", () -> ot.connectAudioStream(SID, "tok",
                new AudioConnectorProperties.Builder("wss://example.com/ws").addHeaders(nullValue).build()));
        check("audio connector streams with null", () -> ot.connectAudioStream(SID, "tok",
                new AudioConnectorProperties.Builder("wss://example.com/ws").addStreams(withNull).build()));
        check("audio connector heap-polluted headers", () -> ot.connectAudioStream(SID, "tok",
                new AudioConnectorProperties.Builder("wss://example.com/ws").addHeaders((Map<String, String>) polluted).build()));
        try (OpenTokSDK sdk = new OpenTokSDK(String.valueOf(KEY), SECRET, emulator)) {
            Map<String, String> props = new HashMap<>();
            for (int i = 0; i < 100_000; i++) props.put("p" + i, "v");
            check("seed createSession 100k properties", () -> sdk.createSession(null, props).getSessionId().length() > 0 ? "created" : null);
            check("seed createSession heap-polluted properties", () -> sdk.createSession(null, (Map<String, String>) polluted));
        }
        ot.close();
    }

    static void numbers() {
        OpenTok ot = client(emulator);
        long[] longs = {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 4_102_444_800L /* 2100 */};
        for (long l : longs) check("expireTime(long " + l + ")", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime(l).build()));
        double[] doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e300, Double.MIN_VALUE};
        for (double d : doubles) check("expireTime(double " + d + ")", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime(d).build()));
        for (String s : new String[] {"NaN", "Infinity", "-Infinity", "1e400", "99999999999999999999999", "", "-1", "0x10", " 1 "}) {
            check("expireTime(\"" + s + "\")", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime(s).build()));
        }
        check("expireTime(Instant.MAX)", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime(Instant.MAX).build()));
        check("expireTime(Instant.MIN)", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime(Instant.MIN).build()));
        check("expiresIn(max duration)", () -> ot.generateToken(SID, new TokenOptions.Builder().expiresIn(Duration.ofSeconds(Long.MAX_VALUE)).build()));
        check("expiresIn(negative)", () -> ot.generateToken(SID, new TokenOptions.Builder().expiresIn(Duration.ofSeconds(-5)).build()));
        check("broadcast maxDuration MIN_VALUE", () -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true).maxDuration(Integer.MIN_VALUE).build()));
        check("broadcast maxBitrate -1", () -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true).maxBitrate(-1).build()));
        check("archive maxBitrate MAX_VALUE", () -> ot.startArchive(SID, new ArchiveProperties.Builder().maxBitrate(Integer.MAX_VALUE).build()));
        check("archive quantizationParameter MIN_VALUE", () -> ot.startArchive(SID, new ArchiveProperties.Builder().quantizationParameter(Integer.MIN_VALUE).build()));
        check("captions maxDuration -1", () -> ot.startCaptions(SID, "tok", CaptionProperties.Builder().maxDuration(-1).build()));
        check("render maxDuration MAX_VALUE", () -> ot.startRender(SID, "tok", RenderProperties.Builder().url("https://example.com/page").maxDuration(Integer.MAX_VALUE).build()));
        check("listArchives(-1, -1)", () -> ot.listArchives(-1, -1));
        check("listArchives(MAX, MAX)", () -> ot.listArchives(Integer.MAX_VALUE, Integer.MAX_VALUE));
        check("listRenders(MIN, MIN)", () -> ot.listRenders(Integer.MIN_VALUE, Integer.MIN_VALUE));
        check("requestTimeout(-1)", () -> new OpenTok.Builder(KEY, SECRET).requestTimeout(-1).build());
        check("requestTimeout(MAX_VALUE)", () -> new OpenTok.Builder(KEY, SECRET).requestTimeout(Integer.MAX_VALUE).build());
        check("requestTimeout(Duration max)", () -> new OpenTok.Builder(KEY, SECRET).requestTimeout(Duration.ofSeconds(Long.MAX_VALUE)).build());
        check("connectTimeout(negative)", () -> new OpenTok.Builder(KEY, SECRET).connectTimeout(Duration.ofDays(-1)).build());
        check("maxRetries(MAX_VALUE)", () -> new OpenTok.Builder(KEY, SECRET).maxRetries(Integer.MAX_VALUE).build());
        check("api key -1", () -> new OpenTok(-1, SECRET));
        check("api key MAX_VALUE", () -> new OpenTok(Integer.MAX_VALUE, SECRET).generateToken(SID));
        ot.close();
    }

    static void nulls() {
        OpenTok ot = client(emulator);
        check("OpenTok(key, null secret)", () -> new OpenTok(KEY, null));
        check("OpenTok(null id, null key)", () -> new OpenTok((String) null, (String) null));
        check("Builder apiUrl(null)", () -> new OpenTok.Builder(KEY, SECRET).apiUrl(null).build());
        check("Builder appendToUserAgent(null)", () -> new OpenTok.Builder(KEY, SECRET).appendToUserAgent(null).build());
        check("Builder proxy(null)", () -> new OpenTok.Builder(KEY, SECRET).proxy((java.net.Proxy) null).build());
        check("token all-null options", () -> ot.generateToken(SID, new TokenOptions.Builder().role(null).data(null)
                .initialLayoutClassList(null).build()) != null ? "minted" : null);
        check("token expireTime(null String)", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime((String) null).build()));
        check("token expireTime(null Instant)", () -> ot.generateToken(SID, new TokenOptions.Builder().expireTime((Instant) null).build()));
        check("token expiresIn(null)", () -> ot.generateToken(SID, new TokenOptions.Builder().expiresIn(null).build()));
        check("Tokens.decode(null)", () -> Tokens.decode(null));
        check("Tokens.verify(null, null)", () -> Tokens.verify(null, null));
        check("Role.fromString(null)", () -> Role.fromString(null));
        check("ArchiveLayout(null type)", () -> ot.startArchive(SID, new ArchiveProperties.Builder().layout(new ArchiveLayout((ArchiveLayout.Type) null)).build()));
        check("BroadcastLayout(null screenshare)", () -> ot.startBroadcast(SID, new BroadcastProperties.Builder().hasHls(true)
                .layout(new BroadcastLayout((ScreenShareLayoutType) null)).build()));
        check("sip all null", () -> ot.dial(SID, "tok", new SipProperties.Builder().sipUri(null).from(null).userName(null).password(null)
                .headersJsonStartingWithXDash(null).streamsOf((List<String>) null).build()));
        check("render url(null)", () -> ot.startRender(SID, "tok", RenderProperties.Builder().url((String) null).build()));
        check("audio connector uri null", () -> ot.connectAudioStream(SID, "tok", new AudioConnectorProperties.Builder((String) null).build()));
        check("signal null type and data", () -> {
            ot.signal(SID, new SignalProperties.Builder().type(null).data(null).build());
            return null;
        });
        check("stream properties null id", () -> {
            ot.setStreamLayouts(SID, new StreamListProperties.Builder().addStreamProperties(new StreamProperties.Builder().id(null).build()).build());
            return null;
        });
        check("rtmp all null", () -> ot.startBroadcast(SID, new BroadcastProperties.Builder()
                .addRtmpProperties(new RtmpProperties.Builder().id(null).serverUrl(null).streamName(null).build()).build()));
        check("captions null language", () -> ot.startCaptions(SID, "tok", CaptionProperties.Builder().languageCode(null).statusCallbackUrl(null).build()));
        check("session properties all null", () -> ot.createSession(new SessionProperties.Builder().mediaMode(null).archiveMode(null)
                .location(null).archiveName(null).archiveResolution(null).build()).getSessionId().length() > 0 ? "created" : null);
        ot.close();
    }

    /** 1000 threads in native calls (tokens and REST), then System.exit while they run. */
    static void threadsThenExit() throws Exception {
        OpenTok ot = client(emulator);
        AtomicLong done = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Set<String> outcomes = new ConcurrentSkipListSet<>();
        CountDownLatch started = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            boolean rest = i % 2 == 0;
            Thread t = new Thread(() -> {
                started.countDown();
                while (true) {
                    inFlight.incrementAndGet();
                    String o = outcome(() -> rest ? ot.createSession().getSessionId() : ot.generateToken(SID));
                    inFlight.decrementAndGet();
                    if (!o.startsWith("answered")) outcomes.add(o);
                    if (o.startsWith("UNTYPED")) out("thread: " + o);
                    done.incrementAndGet();
                }
            }, "hostile-" + i);
            t.start();
        }
        started.await();
        Thread.sleep(1500);
        out("typed failures meanwhile: " + outcomes);
        out("EXITING calls done=" + (done.get() > 0) + " in flight=" + (inFlight.get() > 0));
        System.exit(0);
    }

    /** A blocking call in flight when its thread is interrupted; a future cancelled mid-call. */
    static void interrupt() throws Exception {
        OpenTok ot = new OpenTok.Builder(KEY, SECRET).apiUrl(silent).requestTimeout(Duration.ofSeconds(2)).maxRetries(0).build();
        String[] result = new String[2];
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            result[0] = outcome(() -> ot.getArchive("b40ef09b-3811-4726-b508-e41a0f96c68f"));
            result[1] = "interrupt flag " + (Thread.currentThread().isInterrupted() ? "kept" : "lost")
                    + ", ended within 10 s: " + ((System.nanoTime() - t0) < 10_000_000_000L);
        });
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(15_000);
        out("interrupted blocking call: " + (t.isAlive() ? "STILL RUNNING" : result[0]));
        out("interrupted blocking call: " + result[1]);
        // a thread interrupted before it calls
        Thread.currentThread().interrupt();
        out("call on an interrupted thread: " + outcome(() -> client(emulator).createSession().getSessionId().isEmpty() ? null : "created"));
        out("call on an interrupted thread: interrupt flag " + (Thread.interrupted() ? "kept" : "lost"));
        CompletableFuture<Archive> f = ot.getArchiveFuture("b40ef09b-3811-4726-b508-e41a0f96c68f");
        Thread.sleep(200);
        out("cancelled future: cancel=" + f.cancel(true) + " cancelled=" + f.isCancelled());
        // the client still works afterwards
        out("after: " + outcome(() -> client(emulator).generateToken(SID) != null ? "minted" : null));
        ot.close();
    }

    /** Unreachable and hanging servers with timeouts, then System.exit while calls hang. */
    static void hangingThenExit() throws Exception {
        String closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + s.getLocalPort();
        }
        OpenTok refused = new OpenTok.Builder(KEY, SECRET).apiUrl(closed).requestTimeout(5).maxRetries(0).build();
        check("connection refused", () -> refused.createSession());
        OpenTok hanging = new OpenTok.Builder(KEY, SECRET).apiUrl(silent).requestTimeout(Duration.ofSeconds(1)).maxRetries(0).build();
        long t0 = System.nanoTime();
        check("hanging server, 1 s timeout", () -> hanging.createSession());
        out("hanging server: ended within 6 s: " + ((System.nanoTime() - t0) < 6_000_000_000L));
        OpenTok unroutable = new OpenTok.Builder(KEY, SECRET).apiUrl("http://10.255.255.1:81").requestTimeout(2)
                .connectTimeout(Duration.ofSeconds(1)).maxRetries(0).build();
        check("unroutable address", () -> unroutable.createSession());
        check("bad host name", () -> new OpenTok.Builder(KEY, SECRET).apiUrl("http://no-such-host.invalid").requestTimeout(5).maxRetries(0)
                .build().createSession());
        OpenTok longHang = new OpenTok.Builder(KEY, SECRET).apiUrl(silent).requestTimeout(60).maxRetries(0).build();
        CountDownLatch started = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            new Thread(() -> {
                started.countDown();
                out("hanging call ended early: " + outcome(() -> longHang.listStreams(SID)));
            }).start();
        }
        List<CompletableFuture<Archive>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) futures.add(longHang.getArchiveFuture("a" + i));
        started.await();
        Thread.sleep(500);
        out("EXITING with 40 calls hanging");
        System.exit(0);
    }

    /** Shutdown hooks that close clients and call them while other threads are mid-call. */
    static void shutdownHooksAndClose() throws Exception {
        OpenTok ot = client(emulator);
        OpenTok hanging = new OpenTok.Builder(KEY, SECRET).apiUrl(silent).requestTimeout(60).maxRetries(0).build();
        for (int i = 0; i < 16; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                while (true) {
                    String o = outcome(() -> n % 4 == 0 ? hanging.getArchive("x") : n % 2 == 0 ? ot.createSession() : ot.generateToken(SID));
                    if (o.startsWith("UNTYPED")) out("worker: " + o);
                }
            });
            t.setDaemon(n % 3 == 0);
            t.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ot.close();
            hanging.close();
            out("hook: closed both clients");
            out("hook: token after close: " + outcome(() -> ot.generateToken(SID) != null ? "minted" : null));
            out("hook: REST after close: " + outcome(() -> ot.createSession()));
            out("hook: future after close: " + outcome(() -> hanging.getArchiveFuture("x").get(5, TimeUnit.SECONDS)));
            out("hook: new client in hook: " + outcome(() -> client(emulator).createSession().getSessionId().isEmpty() ? null : "created"));
        }));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> out("hook: second hook token: "
                + outcome(() -> ot.generateToken(SID) != null ? "minted" : null))));
        Thread.sleep(800);
        out("EXITING with calls running and two shutdown hooks");
        System.exit(0);
    }

    /** close() while 16 threads call, then calls on the closed client: each a typed exception or an answer. */
    static void closeDuringCalls() throws Exception {
        OpenTok ot = client(emulator);
        Set<String> outcomes = new ConcurrentSkipListSet<>();
        AtomicLong afterClose = new AtomicLong();
        volatileClosed = false;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                long end = System.nanoTime() + 1_500_000_000L;
                while (System.nanoTime() < end) {
                    boolean closed = volatileClosed;
                    String o = outcome(() -> n % 3 == 0 ? ot.createSession().getSessionId() : n % 3 == 1 ? ot.generateToken(SID) : ot.getArchiveFuture("x").get());
                    if (closed) afterClose.incrementAndGet();
                    outcomes.add(o.startsWith("answered") ? "answered" : o.replaceAll(" (field|status)=.*", ""));
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(500);
        ot.close();
        volatileClosed = true;
        out("closed while calls ran");
        for (Thread t : threads) t.join();
        out("calls after close: " + (afterClose.get() > 0));
        out("outcomes: " + new TreeSet<>(outcomes));
        out("close twice: " + outcome(() -> {
            ot.close();
            return "ok";
        }));
        check("token after close", () -> ot.generateToken(SID) != null ? "minted" : null);
        check("REST after close", () -> ot.listArchives());
        check("future after close", () -> ot.getArchiveFuture("x").get());
    }

    static volatile boolean volatileClosed;

    /** For the harness's own test: a real segfault (a write to address 0), which the JVM turns into an abort. */
    static void segfault() throws Exception {
        java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Object unsafe = f.get(null);
        unsafe.getClass().getMethod("putAddress", long.class, long.class).invoke(unsafe, 0L, 42L);
    }

    /** Many clients created and dropped (never closed) while tokens and calls run, with GCs. */
    static void gcPressure() throws Exception {
        AtomicLong minted = new AtomicLong();
        AtomicInteger untyped = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            Thread t = new Thread(() -> {
                for (int k = 0; k < 4000; k++) {
                    // the client is unreachable as soon as generateToken has read its fields
                    String o = outcome(() -> new OpenTok(KEY, SECRET).generateToken(SID, new TokenOptions.Builder().data("d" + n).build()));
                    if (o.startsWith("answered")) minted.incrementAndGet();
                    else if (o.startsWith("UNTYPED")) {
                        untyped.incrementAndGet();
                        out("gc: " + o);
                    }
                    if (k % 200 == 0) {
                        String r = outcome(() -> client(emulator).createSession().getSessionId().isEmpty() ? null : "created");
                        if (!r.startsWith("answered")) out("gc REST: " + r);
                    }
                    byte[][] garbage = new byte[64][];
                    for (int g = 0; g < garbage.length; g++) garbage[g] = new byte[1024];
                }
            });
            threads.add(t);
            t.start();
        }
        Thread gc = new Thread(() -> {
            while (threads.stream().anyMatch(Thread::isAlive)) {
                System.gc();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        gc.setDaemon(true);
        gc.start();
        for (Thread t : threads) t.join();
        out("gc pressure: minted all=" + (minted.get() == 8 * 4000) + " untyped=" + untyped.get());
    }
}
