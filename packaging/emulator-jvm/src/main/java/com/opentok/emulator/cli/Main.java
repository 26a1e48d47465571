package com.opentok.emulator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar opentok-emulator.jar [flags]}: extracts the opentok-emulator binary of this
 * platform from the jar to a temporary file, runs it with the flags (standard streams inherited),
 * stops it when the JVM stops, and exits with its status.
 */
public final class Main {
    private Main() {}

    /** The class path resource holding this platform's binary. */
    static String resourceName() {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("x86_64")) arch = "x86-64";
        if (arch.equals("arm64")) arch = "aarch64";
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        os = os.startsWith("linux") ? "linux" : os.replace(' ', '-');
        return "com/opentok/emulator/" + os + "-" + arch + "/opentok-emulator";
    }

    /** Extracts the binary to a temporary file (deleted at exit); null when the jar has none for this platform. */
    static Path extract() throws IOException {
        try (InputStream in = Main.class.getClassLoader().getResourceAsStream(resourceName())) {
            if (in == null) return null;
            Path dir = Files.createTempDirectory("opentok-emulator");
            Path bin = dir.resolve("opentok-emulator");
            Files.copy(in, bin, StandardCopyOption.REPLACE_EXISTING);
            if (!bin.toFile().setExecutable(true)) throw new IOException("cannot make " + bin + " executable");
            bin.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return bin;
        }
    }

    /** Runs the binary with {@code args}; exits with its status. */
    public static void main(String[] args) throws Exception {
        Path bin = extract();
        if (bin == null) {
            System.err.println("opentok-emulator: this jar has no binary for this platform (" + resourceName()
                    + "); prebuilt: linux-x86-64. Build one with `cargo build --release -p opentok-emulator`.");
            System.exit(2);
        }
        List<String> command = new ArrayList<>();
        command.add(bin.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }));
        System.exit(process.waitFor());
    }
}
