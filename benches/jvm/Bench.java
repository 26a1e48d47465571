// JVM benchmark: the same source is compiled twice, once against opentok-native (this repo's JVM
// package) and once against the official com.tokbox:opentok-server-sdk 4.17.0, and run in two JVMs
// (both SDKs use the package com.opentok, so they cannot share a class path). Not a test.
// Run with `make bench-jvm` (release native library, release emulator); see benches/jvm/run.sh.
//
//   java Bench <label> <emulator-url> [seconds-per-case] [emulator-pid]
//
// Prints one line per case: "<label> <case> <ops/s> <µs/op>", and for createSession a line
// "<label> cpu:<case> <client CPU µs/call> <emulator CPU µs/call>" (the emulator's from
// /proc/<emulator-pid>/stat when the pid is given, else -1), since both processes share the cores.
import com.opentok.OpenTok;
import com.opentok.Role;
import com.opentok.Session;
import com.opentok.TokenOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

public final class Bench {
    static final int API_KEY = 123456;
    static final String API_SECRET = "1234567890abcdef1234567890abcdef1234567890";
    static volatile Object sink;
    static long emulatorPid = -1;

    /** CPU time of this JVM, in nanoseconds. */
    static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** User + system CPU time of the emulator process, in nanoseconds (clock ticks of 10 ms), or -1. */
    static long emulatorCpuNanos() {
        if (emulatorPid < 0) return -1;
        try {
            String stat = Files.readString(Path.of("/proc/" + emulatorPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime (fields 14, 15)
        } catch (Exception e) {
            return -1;
        }
    }

    static void printCpu(String label, String name, long calls, long client0, long emulator0) {
        long client = clientCpuNanos() - client0, emulator = emulatorCpuNanos();
        double emulatorPerCall = emulator < 0 || emulator0 < 0 ? -1 : (emulator - emulator0) / 1e3 / calls;
        System.out.printf("%s cpu:%s %.1f %.1f%n", label, name, client / 1e3 / calls, emulatorPerCall);
    }

    interface Op { Object run() throws Exception; }

    static double measure(String label, String name, double seconds, Op op) throws Exception {
        // warm-up: a third of the measuring time
        long warmEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
        while (System.nanoTime() < warmEnd) sink = op.run();
        double[] rates = new double[3];
        long calls = 0, client0 = clientCpuNanos(), emulator0 = emulatorCpuNanos();
        for (int r = 0; r < 3; r++) {
            long n = 0, start = System.nanoTime(), end = start + (long) (seconds / 3 * 1e9), now;
            do {
                for (int i = 0; i < 64; i++) sink = op.run();
                n += 64;
                now = System.nanoTime();
            } while (now < end);
            rates[r] = n / ((now - start) / 1e9);
            calls += n;
        }
        Arrays.sort(rates);
        double median = rates[1];
        System.out.printf("%s %s %.0f %.2f%n", label, name, median, 1e6 / median);
        if (name.startsWith("createSession")) printCpu(label, name, calls, client0, emulator0);
        return median;
    }

    /**
     * Calls per second of [op] with [inFlight] platform threads calling it in a loop (so that many
     * requests are outstanding at once), median of three rounds after a warm-up round.
     */
    static double measureConcurrent(String label, String name, double seconds, int inFlight, Op op) throws Exception {
        double[] rates = new double[3];
        AtomicLong errors = new AtomicLong();
        long measured = 0, client0 = 0, emulator0 = 0;
        for (int r = -1; r < 3; r++) {
            if (r == 0) { client0 = clientCpuNanos(); emulator0 = emulatorCpuNanos(); }
            AtomicLong calls = new AtomicLong();
            long start = System.nanoTime(), end = start + (long) (seconds / 3 * 1e9);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < inFlight; t++) {
                Thread th = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            sink = op.run();
                            calls.incrementAndGet();
                        } catch (Exception e) { // counted, not fatal: only answered calls count as done
                            errors.incrementAndGet();
                        }
                    }
                });
                th.start();
                threads.add(th);
            }
            for (Thread th : threads) th.join();
            if (r >= 0) {
                rates[r] = calls.get() / ((System.nanoTime() - start) / 1e9);
                measured += calls.get();
            }
        }
        Arrays.sort(rates);
        double median = rates[1];
        System.out.printf("%s %s %.0f %.2f%n", label, name, median, 1e6 / median);
        printCpu(label, name, measured, client0, emulator0);
        if (errors.get() > 0) System.err.printf("%s %s: %d calls failed%n", label, name, errors.get());
        return median;
    }

    public static void main(String[] args) throws Exception {
        String label = args[0];
        String url = args[1];
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 6;
        if (args.length > 3) emulatorPid = Long.parseLong(args[3]);
        OpenTok opentok = new OpenTok.Builder(API_KEY, API_SECRET).apiUrl(url).build();
        String sessionId = opentok.createSession().getSessionId();
        TokenOptions withOptions = new TokenOptions.Builder()
                .role(Role.MODERATOR).data("name=Johnny").expireTime(System.currentTimeMillis() / 1000 + 3600).build();
        TokenOptions t1 = new TokenOptions.Builder().useLegacyT1Token().build();
        // Warm every path first (the JIT compiles each SDK's token and HTTP code), then measure.
        long warm = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warm) {
            for (int i = 0; i < 200; i++) {
                sink = opentok.generateToken(sessionId);
                sink = opentok.generateToken(sessionId, withOptions);
                sink = opentok.generateToken(sessionId, t1);
            }
            sink = opentok.createSession().getSessionId();
        }
        if (!"sessions".equals(System.getenv("BENCH_ONLY"))) { // BENCH_ONLY=sessions: the createSession cases only
            measure(label, "generateToken(jwt)", seconds, () -> opentok.generateToken(sessionId));
            measure(label, "generateToken(jwt,options)", seconds, () -> opentok.generateToken(sessionId, withOptions));
            measure(label, "generateToken(t1)", seconds, () -> opentok.generateToken(sessionId, t1));
        }
        measure(label, "createSession", seconds, () -> opentok.createSession().getSessionId());
        measureConcurrent(label, "createSession(64-in-flight)", seconds, 64, () -> opentok.createSession().getSessionId());
        System.exit(0);
    }
}
