package com.opentok.emulator

import com.opentok.OpenTok
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.ExtendWith
import org.junit.jupiter.api.extension.RegisterExtension
import org.junit.platform.engine.discovery.DiscoverySelectors.selectClass
import org.junit.platform.testkit.engine.EngineTestKit
import java.io.File
import java.nio.file.Files
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue

/**
 * The package's JUnit 5 extension: parameters resolved to a running emulator and a client on it,
 * clear failures when the emulator cannot come up, and no process left after a failing class.
 */
@ExtendWith(OpenTokEmulatorExtension::class)
class OpenTokEmulatorExtensionTest {

    @Test
    fun `parameters are the emulator and a client pointed at it`(emulator: OpenTokEmulator, opentok: OpenTok) {
        assertTrue(emulator.url.startsWith("http://127.0.0.1:"), emulator.url)
        assertEquals(OpenTokEmulator.DEFAULT_API_KEY, emulator.apiKey)
        assertTrue(emulator.isAlive)
        assertTrue(opentok.createSession().sessionId.isNotEmpty())
        assertFalse(emulator.toString().contains(emulator.apiSecret))
    }

    @Test
    fun `a class whose tests throw leaves no emulator process`() {
        PIDS.clear()
        val results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Throwing::class.java)).execute()
        results.testEvents().assertStatistics { it.started(2).failed(2) }
        assertEquals(1, PIDS.toSet().size, "one emulator for the class: $PIDS")
        val pid = PIDS.first()
        assertFalse(ProcessHandle.of(pid).map { it.isAlive }.orElse(false), "emulator pid $pid left running")
    }

    @Test
    fun `a missing binary fails the class with a clear message`() {
        val results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(MissingBinary::class.java)).execute()
        val failure = results.containerEvents().failed().stream().findFirst().orElseThrow()
            .getPayload(org.junit.platform.engine.TestExecutionResult::class.java).orElseThrow().throwable.orElseThrow()
        assertTrue(failure is EmulatorNotFoundException, failure.toString())
        assertTrue(failure.message!!.contains("/nonexistent/opentok-emulator\" does not exist or is not executable"), failure.message)
    }

    @Test
    fun `an emulator that does not come up is an error and is killed`() {
        val bad = assertFailsWith<EmulatorStartException> { OpenTokEmulator.start("--header-read-timeout", "0") }
        assertTrue(bad.message!!.contains("did not start: it exited before printing its address") && bad.message!!.contains("header-read-timeout"), bad.message)
        val dir = Files.createTempDirectory("mute-emulator").toFile()
        val mute = File(dir, "mute-emulator").apply {
            writeText("#!/bin/sh\necho $$ > ${dir}/pid\nexec sleep 60\n")
            setExecutable(true)
        }
        val silent = assertFailsWith<EmulatorStartException> { OpenTokEmulator.start(mute.path, null, null, emptyList(), 1000) }
        assertTrue(silent.message!!.contains("silent 1000 ms"), silent.message)
        val pid = File(dir, "pid").readText().trim().toLong()
        assertFalse(ProcessHandle.of(pid).map { it.isAlive }.orElse(false), "mute emulator pid $pid left running")
        dir.deleteRecursively()
    }

    @Test
    fun `a project of its own`() {
        OpenTokEmulator.start(null, "4242", "s".repeat(40), emptyList()).use { emu ->
            assertEquals("4242", emu.apiKey)
            emu.client().use { assertTrue(it.createSession().sessionId.isNotEmpty()) }
            emu.close()
            assertFalse(emu.isAlive)
        }
    }

    /** Run only through EngineTestKit above (surefire skips nested classes). */
    @ExtendWith(OpenTokEmulatorExtension::class)
    class Throwing {
        @Test
        fun throwsWithTheEmulatorRunning(emulator: OpenTokEmulator) {
            PIDS.add(emulator.pid)
            error("boom inside the fixture")
        }

        @Test
        fun failsAfterACall(emulator: OpenTokEmulator, opentok: OpenTok) {
            PIDS.add(emulator.pid)
            opentok.createSession()
            assertTrue(false, "failing on purpose")
        }
    }

    /** Run only through EngineTestKit above. */
    class MissingBinary {
        companion object {
            @JvmField
            @RegisterExtension
            val emulator: OpenTokEmulatorExtension = OpenTokEmulatorExtension.withBinary("/nonexistent/opentok-emulator")
        }

        @Test
        fun neverRuns(emulator: OpenTokEmulator) {
            error("the class should have failed before its tests: ${emulator.url}")
        }
    }

    companion object {
        val PIDS: MutableList<Long> = java.util.Collections.synchronizedList(mutableListOf())
    }
}
