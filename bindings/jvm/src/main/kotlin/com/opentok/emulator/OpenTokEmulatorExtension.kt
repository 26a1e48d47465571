package com.opentok.emulator

import com.opentok.OpenTok
import org.junit.jupiter.api.extension.AfterAllCallback
import org.junit.jupiter.api.extension.BeforeAllCallback
import org.junit.jupiter.api.extension.ExtensionContext
import org.junit.jupiter.api.extension.ParameterContext
import org.junit.jupiter.api.extension.ParameterResolver

/**
 * JUnit 5: one real `opentok-emulator` per test class (free port, in memory), stopped after the
 * class even when its tests fail. Test and lifecycle methods (and constructors) get it, or a client
 * pointed at it, as parameters:
 *
 * ```java
 * @ExtendWith(OpenTokEmulatorExtension.class)
 * class SessionTest {
 *     @Test
 *     void createsSession(OpenTok opentok, OpenTokEmulator emulator) throws Exception {
 *         String sessionId = opentok.createSession().getSessionId();
 *         assertTrue(emulator.getUrl().startsWith("http://127.0.0.1:"));
 *     }
 * }
 * ```
 * With flags or another binary: `@RegisterExtension static OpenTokEmulatorExtension emu = new
 * OpenTokEmulatorExtension("--application", "ID:key.pem");` The binary is found as
 * [OpenTokEmulator.findBinary] says. JUnit is a `provided` dependency of this package.
 */
class OpenTokEmulatorExtension private constructor(private val binary: String?, private val args: List<String>) :
    BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** The development project's emulator (the constructor `@ExtendWith` uses). */
    constructor() : this(null, emptyList())

    /** The development project's emulator, with extra command-line [args]. */
    constructor(vararg args: String) : this(null, args.toList())

    override fun beforeAll(context: ExtensionContext) {
        emulator(context)
    }

    override fun afterAll(context: ExtensionContext) {
        val store = context.getStore(NAMESPACE)
        store.remove(CLIENT, Resource::class.java)?.close()
        store.remove(EMULATOR, Resource::class.java)?.close()
    }

    override fun supportsParameter(parameterContext: ParameterContext, extensionContext: ExtensionContext): Boolean =
        parameterContext.parameter.type.let { it == OpenTokEmulator::class.java || it == OpenTok::class.java }

    override fun resolveParameter(parameterContext: ParameterContext, extensionContext: ExtensionContext): Any {
        val emu = emulator(extensionContext)
        if (parameterContext.parameter.type == OpenTokEmulator::class.java) return emu
        return classStore(extensionContext).getOrComputeIfAbsent(CLIENT, { Resource(emu.client()) }, Resource::class.java).value
    }

    private fun classStore(context: ExtensionContext): ExtensionContext.Store {
        var c = context
        while (c.testMethod.isPresent && c.parent.isPresent) c = c.parent.get()
        return c.getStore(NAMESPACE)
    }

    private fun emulator(context: ExtensionContext): OpenTokEmulator =
        classStore(context).getOrComputeIfAbsent(
            EMULATOR,
            { Resource(OpenTokEmulator.start(binary, null, null, args)) },
            Resource::class.java,
        ).value as OpenTokEmulator

    /** A store value JUnit closes when its context ends (failed tests included); closing twice is harmless. */
    @Suppress("DEPRECATION")
    private class Resource(val value: AutoCloseable) : ExtensionContext.Store.CloseableResource, AutoCloseable {
        override fun close() = value.close()
    }

    companion object {
        private val NAMESPACE = ExtensionContext.Namespace.create(OpenTokEmulatorExtension::class.java)
        private const val EMULATOR = "emulator"
        private const val CLIENT = "client"

        /** An extension running [binary] instead of the one [OpenTokEmulator.findBinary] finds. */
        @JvmStatic
        fun withBinary(binary: String, vararg args: String): OpenTokEmulatorExtension = OpenTokEmulatorExtension(binary, args.toList())
    }
}
