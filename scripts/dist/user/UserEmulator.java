import com.opentok.OpenTok;
import com.opentok.emulator.OpenTokEmulator;

/**
 * A user's program (make test-dist runs it on a bare classpath: opentok-native.jar,
 * opentok-emulator.jar, the runtime dependencies): OpenTokEmulator finds the binary inside the
 * opentok-emulator jar (no EMULATOR_BIN, no PATH entry), and the RSS the package adds.
 */
public class UserEmulator {
    static long rssKb() throws Exception {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        throw new IllegalStateException("no VmRSS");
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("EMULATOR_BIN") != null) throw new IllegalStateException("EMULATOR_BIN is set");
        System.gc();
        long before = rssKb();
        OpenTok probe = new OpenTok(123456, OpenTokEmulator.DEFAULT_API_SECRET);
        long added = rssKb() - before;
        probe.close();
        String binary = OpenTokEmulator.findBinary();
        try (OpenTokEmulator emu = OpenTokEmulator.start(); OpenTok opentok = emu.client()) {
            String sessionId = opentok.createSession().getSessionId();
            System.out.println("OpenTokEmulator ran " + binary + " (from the opentok-emulator jar) at " + emu.getUrl()
                    + ", session " + sessionId.substring(0, 12) + "...");
            long pid = emu.getPid();
            emu.close();
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) throw new IllegalStateException("emulator left running");
        }
        System.out.println("rss_added_kb=" + added);
    }
}
