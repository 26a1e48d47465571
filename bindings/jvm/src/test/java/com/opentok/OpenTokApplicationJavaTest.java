package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.opentok.exception.InvalidArgumentException;
import com.opentok.exception.OpenTokException;
import com.opentok.testing.Emulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Application credentials from plain Java, as an app on the official Java SDK 4.x writes them. */
class OpenTokApplicationJavaTest extends EmulatorJavaTest {
    @Override
    protected Emulator startEmulator() {
        return Emulator.startWithApplication();
    }

    @Override
    protected OpenTok.Builder builder() {
        Path privateKeyPath = Emulator.keyFile("app_private.pem");
        return new OpenTok.Builder(Emulator.APP_ID, privateKeyPath);
    }

    @Test
    void sessionTokenConnectAndRest() throws OpenTokException {
        Session session = opentok.createSession(new SessionProperties.Builder().mediaMode(MediaMode.ROUTED).build());
        String token = opentok.generateToken(session.getSessionId(), new TokenOptions.Builder().role(Role.SUBSCRIBER).build());
        DecodedToken decoded = Tokens.decode(token);
        assertEquals("RS256", decoded.getAlgorithm());
        assertEquals(Emulator.APP_ID, decoded.getProjectId());

        Emulator.Connect connect = emulator.connect(session.getSessionId(), token);
        assertEquals(201, connect.getStatus(), connect.getBody().toString());
        assertEquals("subscriber", connect.getBody().get("role").getAsString());

        ConnectionList connections = opentok.listConnections(session.getSessionId());
        assertEquals(1, connections.size());
        assertEquals(connect.getBody().get("connectionId").getAsString(), connections.get(0).getConnectionId());
    }

    @Test
    void badCredentialsNameTheField() {
        InvalidArgumentException badId = assertThrows(InvalidArgumentException.class,
                () -> new OpenTok("123456", Emulator.keyFile("app_private.pem")));
        assertEquals("application_id", badId.getField());
        InvalidArgumentException notPem = assertThrows(InvalidArgumentException.class,
                () -> OpenTok.Builder.withPrivateKey(Emulator.APP_ID, "not a key").build());
        assertEquals("private_key", notPem.getField());
        assertTrue(notPem.getMessage().contains("PEM"), notPem.getMessage());
    }
}
