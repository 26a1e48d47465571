// The benchmark body, written against the official Java SDK's API, so the same source compiles
// against opentok-native (this repo's JVM package) and against the official
// com.tokbox:opentok-server-sdk 4.17.0. Both SDKs use the package com.opentok, so BenchDriver.java
// loads each compiled copy in a class loader of its own, in one JVM, and alternates between them.
// Not a test; run with `make bench-jvm` (see benches/jvm/run.sh).
import com.opentok.OpenTok;
import com.opentok.Role;
import com.opentok.TokenOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

public final class Bench {
    static final int API_KEY = 123456;
    static final String API_SECRET = "1234567890abcdef1234567890abcdef1234567890";
    /** The cases, in the order BenchDriver runs them. */
    public static final String[] CASES = {
        "generateToken(jwt)", "generateToken(jwt,options)", "generateToken(t1)", "createSession", "createSession(64-in-flight)",
    };
    static volatile Object sink;

    interface Op { Object run() throws Exception; }

    private final OpenTok opentok;
    private final String sessionId;
    private final TokenOptions withOptions;
    private final TokenOptions t1;
    /**
     * The threads of the 64-in-flight case, kept across rounds as an application server keeps its
     * request threads (each SDK's per-thread or pooled connections then live across rounds too).
     */
    private final ExecutorService pool = Executors.newFixedThreadPool(64, r -> {
        Thread t = new Thread(r, "bench-caller");
        t.setDaemon(true);
        return t;
    });

    public Bench(String url) throws Exception {
        opentok = new OpenTok.Builder(API_KEY, API_SECRET).apiUrl(url).build();
        sessionId = opentok.createSession().getSessionId();
        withOptions = new TokenOptions.Builder()
                .role(Role.MODERATOR).data("name=Johnny").expireTime(System.currentTimeMillis() / 1000 + 3600).build();
        t1 = new TokenOptions.Builder().useLegacyT1Token().build();
    }

    private Op op(String name) {
        switch (name) {
            case "generateToken(jwt)": return () -> opentok.generateToken(sessionId);
            case "generateToken(jwt,options)": return () -> opentok.generateToken(sessionId, withOptions);
            case "generateToken(t1)": return () -> opentok.generateToken(sessionId, t1);
            case "createSession":
            case "createSession(64-in-flight)": return () -> opentok.createSession().getSessionId();
            default: throw new IllegalArgumentException("no case " + name);
        }
    }

    /** CPU time of this JVM, in nanoseconds. */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Runs case [name] for [seconds]: {calls per second, this JVM's CPU microseconds per call,
     * failed calls, answered calls}. The 64-in-flight case keeps 64 threads calling in a loop.
     */
    public double[] run(String name, double seconds) throws Exception {
        Op op = op(name);
        long cpu0 = cpuNanos(), start = System.nanoTime(), end = start + (long) (seconds * 1e9);
        long calls;
        AtomicLong errors = new AtomicLong();
        if (name.endsWith("(64-in-flight)")) {
            AtomicLong done = new AtomicLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    while (System.nanoTime() < end) {
                        try {
                            sink = op.run();
                            done.incrementAndGet();
                        } catch (Exception e) { // counted, not fatal: only answered calls count as done
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> w : workers) w.get();
            calls = done.get();
        } else {
            long n = 0, now;
            do {
                for (int i = 0; i < 64; i++) sink = op.run();
                n += 64;
                now = System.nanoTime();
            } while (now < end);
            calls = n;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {calls / elapsed, (cpuNanos() - cpu0) / 1e3 / Math.max(calls, 1), errors.get(), calls};
    }

    /** Stops the pool and the client. */
    public void close() throws Exception {
        pool.shutdownNow();
        if (opentok instanceof AutoCloseable) ((AutoCloseable) opentok).close();
    }
}
