// Runs Bench.java against opentok-native and against the official Java SDK 4.17.0 in one JVM:
// each SDK (and its compiled copy of Bench) in a class loader of its own, since both use the
// package com.opentok. Rounds alternate between the two SDKs (official first in odd rounds,
// native first in even ones), so both meet the same machine: on a shared 2-core VM the CPU a
// process gets moves by tens of percent within a minute, which made two JVMs run one after the
// other disagree by up to 2x between runs. Not a test; run with `make bench-jvm`.
//
//   java BenchDriver <emulator-url> <emulator-pid> <seconds-per-round> <rounds> \
//       <official-classes-dir:official-classpath> <native-classes-dir:native-classpath> [case-prefix]
//
// Prints, per case and SDK, the median calls/s over the rounds, the median of the per-round
// ratios (native / official, each from the two SDKs' runs of the same round), and the CPU per
// call of this JVM and of the emulator (both processes share the cores, so for the REST cases
// the sum is what bounds the throughput).
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class BenchDriver {
    static long emulatorPid;

    /** User + system CPU time of the emulator, in nanoseconds (clock ticks of 10 ms). */
    static long emulatorCpuNanos() throws Exception {
        String stat = Files.readString(Path.of("/proc/" + emulatorPid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime, stime (fields 14, 15)
    }

    /** One SDK: its class loader and its Bench instance. */
    static final class Sdk {
        final String label;
        final Object bench;
        final Method run;
        final Method close;

        Sdk(String label, String classpath, String url) throws Exception {
            this.label = label;
            List<URL> urls = new ArrayList<>();
            for (String p : classpath.split(File.pathSeparator)) if (!p.isEmpty()) urls.add(new File(p).toURI().toURL());
            ClassLoader loader = new URLClassLoader(label, urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> cls = Class.forName("Bench", true, loader);
            Constructor<?> ctor = cls.getConstructor(String.class);
            Thread.currentThread().setContextClassLoader(loader);
            bench = ctor.newInstance(url);
            run = cls.getMethod("run", String.class, double.class);
            close = cls.getMethod("close");
        }

        /** {calls/s, client CPU µs per call, failed calls, emulator CPU µs per call}. */
        double[] run(String name, double seconds) throws Exception {
            long e0 = emulatorCpuNanos();
            double[] r = (double[]) run.invoke(bench, name, seconds);
            return new double[] {r[0], r[1], r[2], (emulatorCpuNanos() - e0) / 1e3 / Math.max(r[3], 1)};
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        emulatorPid = Long.parseLong(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String only = args.length > 6 ? args[6] : "";
        Sdk official = new Sdk("official", args[4], url);
        Sdk nativeSdk = new Sdk("native", args[5], url);
        Sdk[] both = {official, nativeSdk};
        String[] cases = (String[]) Class.forName("Bench", true, official.bench.getClass().getClassLoader())
                .getField("CASES").get(null);

        // Warm every path of both SDKs first (the JIT compiles each SDK's token and HTTP code).
        for (String c : cases) {
            if (!c.startsWith(only)) continue;
            for (Sdk s : both) s.run(c, seconds);
        }

        StringBuilder table = new StringBuilder();
        table.append(String.format("%-28s %12s %12s %8s %8s   %s%n", "case", "official/s", "native/s", "ratio", "range", "CPU µs/call: official + its emulator | native + its emulator"));
        for (String c : cases) {
            if (!c.startsWith(only)) continue;
            double[][] rate = new double[2][rounds], cpu = new double[2][rounds], emu = new double[2][rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 2; k++) {
                    int i = (r % 2 == 0) ? k : 1 - k;
                    double[] m = both[i].run(c, seconds);
                    rate[i][r] = m[0];
                    cpu[i][r] = m[1];
                    emu[i][r] = m[3];
                    if (m[2] > 0) System.err.printf("%s %s: %.0f calls failed%n", both[i].label, c, m[2]);
                }
                ratio[r] = rate[1][r] / rate[0][r];
                System.out.printf("round %d %-28s official %10.0f/s  native %10.0f/s  %5.2fx%n", r + 1, c, rate[0][r], rate[1][r], ratio[r]);
            }
            for (int i = 0; i < 2; i++) {
                System.out.printf("%s %s %.0f %.2f%n", both[i].label, c, median(rate[i]), 1e6 / median(rate[i]));
            }
            double[] sorted = ratio.clone();
            Arrays.sort(sorted);
            String cpuText = c.startsWith("createSession")
                    ? String.format("%.0f + %.0f | %.0f + %.0f", median(cpu[0]), median(emu[0]), median(cpu[1]), median(emu[1]))
                    : String.format("%.2f | %.2f", median(cpu[0]), median(cpu[1]));
            table.append(String.format("%-28s %12.0f %12.0f %7.2fx %3.1f-%3.1f   %s%n", c, median(rate[0]), median(rate[1]),
                    median(ratio), sorted[0], sorted[rounds - 1], cpuText));
        }
        System.out.println();
        System.out.print(table);
        for (Sdk s : both) s.close.invoke(s.bench);
        System.exit(0);
    }
}
