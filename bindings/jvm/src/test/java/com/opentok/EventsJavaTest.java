package com.opentok;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.opentok.exception.InvalidArgumentException;
import com.opentok.ffi.core.Event;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhook events from plain Java: the shared documents of tests/events/ parsed by
 * {@code Events.parse} show what tests/events/expected.json lists (the core and every binding check
 * the same values), read through the sealed class's getters.
 */
class EventsJavaTest {
    private static final Path DOCS = Paths.get("..", "..", "tests", "events").toAbsolutePath().normalize();

    private static String read(String name) throws Exception {
        return Files.readString(DOCS.resolve(name));
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** The value of a getter (null when the object has no such property). */
    private static Object get(Object target, String snake) throws Exception {
        if (target == null) return null;
        String prop = camel(snake);
        String getter = "get" + Character.toUpperCase(prop.charAt(0)) + prop.substring(1);
        for (Method m : target.getClass().getMethods()) {
            if (m.getParameterCount() == 0 && (m.getName().equals(getter) || m.getName().equals(prop))) return m.invoke(target);
        }
        return null;
    }

    /** The variant's payload: {@code event} of every known variant. */
    private static Object payload(Event event) throws Exception {
        return get(event, "event");
    }

    private static Object at(Event event, String path) throws Exception {
        Object v = payload(event);
        for (String part : path.split("\\.")) v = get(v, part);
        return v;
    }

    private static void assertJsonEquals(JsonElement want, Object got, String what) {
        if (want.isJsonNull()) {
            assertNull(got, what);
        } else if (want.getAsJsonPrimitive().isBoolean()) {
            assertEquals(want.getAsBoolean(), got, what);
        } else if (want.getAsJsonPrimitive().isNumber()) {
            assertEquals(want.getAsLong(), ((Number) got).longValue(), what);
        } else {
            assertEquals(want.getAsString(), got, what);
        }
    }

    @Test
    void everyDocumentShowsTheExpectedValues() throws Exception {
        JsonObject expected = JsonParser.parseString(read("expected.json")).getAsJsonObject();
        for (Map.Entry<String, JsonElement> doc : expected.getAsJsonObject("events").entrySet()) {
            JsonObject want = doc.getValue().getAsJsonObject();
            Event event = Events.parse(read(doc.getKey()));
            assertEquals(want.get("type").getAsString(), Events.name(event), doc.getKey());
            assertEquals(want.get("session_id").getAsString(), Events.sessionId(event), doc.getKey());
            assertJsonEquals(want.get("status"), get(payload(event), "status"), doc.getKey() + " status");
            for (Map.Entry<String, JsonElement> field : want.getAsJsonObject("fields").entrySet()) {
                assertJsonEquals(field.getValue(), at(event, field.getKey()), doc.getKey() + " " + field.getKey());
            }
            assertEquals(event, Events.parse(Events.toJson(event)), doc.getKey() + " survives toJson and parse");
        }
        for (JsonElement name : expected.getAsJsonArray("unknown")) {
            Event event = Events.parse(read(name.getAsString()).getBytes(StandardCharsets.UTF_8));
            assertTrue(event instanceof Event.Unknown, name.getAsString());
            assertEquals(JsonParser.parseString(read(name.getAsString())), JsonParser.parseString(((Event.Unknown) event).getRaw()));
        }
    }

    @Test
    void theSealedClassNarrowsWithInstanceof() throws Exception {
        Event event = Events.parse(read("archive_available.json"));
        assertTrue(event instanceof Event.ArchiveChanged);
        Event.ArchiveChanged archive = (Event.ArchiveChanged) event;
        assertEquals("available", archive.getEvent().getStatus());
        assertEquals(Long.valueOf(18023312L), archive.getEvent().getArchive().getSize());
    }

    @Test
    void aBodyThatIsNotJsonIsAnInvalidArgumentNamingTheRule() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Events.parse("not json"));
        assertTrue(e.getMessage().contains("must be a JSON document"), e.getMessage());
        assertEquals("body", e.getField());
        assertThrows(InvalidArgumentException.class, () -> Events.parse(new byte[] {(byte) 0xff, (byte) 0xfe}));
    }
}
