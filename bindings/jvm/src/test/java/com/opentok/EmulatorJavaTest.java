package com.opentok;

import com.opentok.testing.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The setup the plain-Java suites share: one real emulator per test class and an {@link OpenTok}
 * pointed at it (api key 123456 by default), both closed after the class. A suite with other
 * credentials overrides {@link #startEmulator()} and {@link #builder()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EmulatorJavaTest {
    protected Emulator emulator;
    protected OpenTok opentok;

    /** The emulator of this class (the api key/secret one by default). */
    protected Emulator startEmulator() {
        return Emulator.start();
    }

    /** The client's builder, before the emulator's URL is set. */
    protected OpenTok.Builder builder() {
        return new OpenTok.Builder(123456, Emulator.API_SECRET);
    }

    @BeforeAll
    void start() {
        emulator = startEmulator();
        opentok = builder().apiUrl(emulator.getUrl()).build();
    }

    @AfterAll
    void stop() {
        opentok.close();
        emulator.close();
    }
}
