import com.opentok.OpenTok;
import com.opentok.wire.Json;
import com.opentok.wire.WireCalls;
import com.opentok.wire.WireServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorder: runs every call of {@link WireCalls} with the OFFICIAL Java SDK 4.17.0 against a
 * {@link WireServer} and writes what it sent to the golden file that OfficialWireJavaTest compares
 * ours with. Compiled and run by record-official.sh on the official SDK's class path (never on
 * ours: both use the package com.opentok).
 *
 * Usage: OfficialWire <application private key PEM path> <output json>
 */
public final class OfficialWire {
    public static void main(String[] args) throws Exception {
        Path key = Path.of(args[0]);
        Path out = Path.of(args[1]);
        try (WireServer server = new WireServer()) {
            OpenTok secret = new OpenTok.Builder(WireServer.API_KEY, WireServer.API_SECRET).apiUrl(server.url()).build();
            OpenTok application = new OpenTok.Builder(WireServer.APP_ID, key).apiUrl(server.url()).build();
            List<Map<String, Object>> calls = WireCalls.runAll(server, secret, application);
            secret.close();
            application.close();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("sdk", "com.tokbox:opentok-server-sdk:4.17.0");
            doc.put("recordedBy", "bindings/jvm/wire/record-official.sh (OfficialWire.java, com.opentok.wire.WireCalls)");
            doc.put("apiKey", WireServer.API_KEY);
            doc.put("applicationId", WireServer.APP_ID);
            doc.put("calls", calls);
            Files.writeString(out, Json.write(doc));
            int failed = 0;
            for (Map<String, Object> c : calls) {
                if (!"ok".equals(c.get("outcome"))) {
                    failed++;
                    System.err.println("official " + c.get("name") + ": " + c.get("outcome"));
                }
            }
            System.out.println("recorded " + calls.size() + " calls (" + failed + " ended with an exception) into " + out);
        }
        System.exit(0); // the official SDK's Netty threads are not all daemons
    }
}
