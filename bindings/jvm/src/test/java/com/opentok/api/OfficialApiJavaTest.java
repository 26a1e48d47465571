package com.opentok.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The API oracle: every class, supertype, constructor, method and field of the official
 * {@code com.tokbox:opentok-server-sdk:4.17.0} (listed in {@code official-api-4.17.0.txt} by
 * {@link ApiSurface} from the jar) exists here with the same parameter types, return type
 * (generic, so {@code for (Render r : opentok.listRenders())} and {@code assertEquals} resolve the
 * same) and declared checked exceptions (none: {@code OpenTokException} is unchecked in both),
 * except the {@link #GAPS} named below with their reason. Extra overloads that a call with a
 * {@code null} argument would find ambiguous are refused too.
 */
class OfficialApiJavaTest {
    /** Official members deliberately absent, each with its reason. */
    static final Map<String, String> GAPS = new HashMap<>();

    static {
        String jackson = "the official SDK's Jackson deserialization hook, not for apps; results here come from the core's records";
        for (String c : new String[] {"Archive", "AudioConnector", "Broadcast", "Connection", "Sip", "Stream"}) {
            String m = c.equals("AudioConnector") || c.equals("Connection") ? "makeConnection" : "make" + c;
            GAPS.put("M com.opentok." + c + " static " + m + "() : com.opentok." + c, jackson);
        }
        String textIds = "ids stay text here: with Vonage application credentials the id is a UUID, which the official int cannot hold";
        GAPS.put("M com.opentok.Archive getPartnerId() : int", textIds);
        GAPS.put("M com.opentok.Broadcast getProjectId() : int", textIds);
        GAPS.put("M com.opentok.Session getApiKey() : int", textIds);
        String textStatus = "statuses stay strings (the service has states the official enums lack; README, REST API differences)";
        GAPS.put("M com.opentok.Render getStatus() : com.opentok.RenderStatus", textStatus);
        GAPS.put("M com.opentok.Connection getConnectionState() : com.opentok.Connection$ConnectionState", textStatus);
        for (String c : new String[] {"ArchiveList", "Caption", "ConnectionList", "Rtmp", "StreamList"}) GAPS.put("K com.opentok." + c + "()", jackson);
        GAPS.put("F com.opentok.Rtmp id : java.lang.String", jackson);
        for (String f : new String[] {"Id", "ServerUrl", "Status", "StreamName"}) GAPS.put("M com.opentok.Rtmp set" + f + "(java.lang.String) : void", jackson);
        GAPS.put("M com.opentok.OpenTok$Builder proxy(java.net.Proxy,com.opentok.util.HttpClient$ProxyAuthScheme,java.lang.String,java.lang.String) : com.opentok.OpenTok$Builder",
                "takes a class of the official SDK's com.opentok.util HTTP client; here proxy(Proxy, user, password)");
    }

    /** Whole official classes deliberately absent (every line naming them), each with its reason. */
    static final Map<String, String> CLASS_GAPS = new HashMap<>();

    static {
        CLASS_GAPS.put("com.opentok.CreatedSession", "the official SDK's Jackson model of the create-session answer; here Session carries the answer");
        CLASS_GAPS.put("com.opentok.RenderStatus", "statuses stay strings (Render.getStatus())");
        CLASS_GAPS.put("com.opentok.Connection$ConnectionState", "statuses stay strings (Connection.getConnectionState())");
    }

    static boolean isGap(String line) {
        if (GAPS.containsKey(line)) return true;
        String cls = line.substring(2).split("[ (]")[0];
        return CLASS_GAPS.containsKey(cls);
    }

    static Set<String> official() throws Exception {
        return new LinkedHashSet<>(ApiSurface.read(Path.of(System.getProperty("opentok.officialApi", "src/test/resources/official-api-4.17.0.txt"))));
    }

    static boolean isSubtype(Class<?> c, String superName) {
        if (c == null) return false;
        if (c.getName().equals(superName)) return true;
        for (Class<?> i : c.getInterfaces()) if (isSubtype(i, superName)) return true;
        return isSubtype(c.getSuperclass(), superName);
    }

    @Test
    void everyOfficialMemberExistsWithTheSameSignature() throws Exception {
        Set<String> official = official();
        Map<String, Set<String>> ours = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String line : official) {
            String cls = line.substring(2).split("[ (]")[0];
            Class<?> c;
            try {
                c = Class.forName(cls);
            } catch (ClassNotFoundException e) {
                if (!isGap(line)) missing.add(line);
                continue;
            }
            if (line.startsWith("C ")) continue;
            if (line.startsWith("S ")) {
                if (!isSubtype(c, line.substring(line.indexOf(" < ") + 3)) && !isGap(line)) missing.add(line);
                continue;
            }
            Set<String> mine = ours.computeIfAbsent(cls, k -> new TreeSet<>(ApiSurface.describe(c)));
            if (!mine.contains(line) && !isGap(line) && !returnsASubtype(line, mine)) missing.add(line);
        }
        List<String> stale = new ArrayList<>();
        for (String g : GAPS.keySet()) if (!official.contains(g)) stale.add(g);
        assertTrue(stale.isEmpty(), "GAPS names lines the official API does not have:\n" + String.join("\n", stale));
        assertTrue(missing.isEmpty(), missing.size() + " official API lines differ or are missing here:\n" + String.join("\n", missing));
    }

    /**
     * The compile-level test, {@code OfficialCalls.java} (generated by
     * {@code bindings/jvm/scripts/official_calls.py}), is current: it calls every constructor,
     * method and field of the official API that is not a named gap. Its compiling is the check that
     * an app's calls compile unchanged here.
     */
    @Test
    void theCompileLevelCallsCoverTheOfficialApi() throws Exception {
        String calls = java.nio.file.Files.readString(Path.of("src/test/java/com/opentok/api/OfficialCalls.java"));
        List<String> uncalled = new ArrayList<>();
        for (String line : official()) {
            if ("KMF".indexOf(line.charAt(0)) >= 0 && !isGap(line) && !calls.contains("// " + line + "\n")) uncalled.add(line);
        }
        assertTrue(uncalled.isEmpty(), "OfficialCalls.java is stale (run bindings/jvm/scripts/official_calls.py):\n" + String.join("\n", uncalled));
    }

    /**
     * A method whose official return type is a class and ours a subclass of it (`RenderList` for
     * `List<Render>`) compiles the same for callers; a primitive must match exactly.
     */
    static boolean returnsASubtype(String line, Set<String> mine) {
        if (!line.startsWith("M ")) return false;
        int sep = line.indexOf(") : ");
        String head = line.substring(0, sep + 4);
        String officialType = line.substring(sep + 4).split(" throws ")[0];
        for (String m : mine) {
            if (!m.startsWith(head)) continue;
            String ourType = m.substring(sep + 4).split(" throws ")[0];
            try {
                Class<?> off = Class.forName(officialType.replaceAll("<.*", ""));
                Class<?> our = Class.forName(ourType.replaceAll("<.*", ""));
                if (off.isAssignableFrom(our) && !(m.contains(" throws ") ^ line.contains(" throws "))) return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
        return false;
    }

    @Test
    void noExtraOverloadMakesAnOfficialCallAmbiguous() throws Exception {
        Set<String> official = official();
        Map<String, List<Method>> officialMethods = new HashMap<>();
        List<String> ambiguous = new ArrayList<>();
        Set<String> classes = new TreeSet<>();
        for (String l : official) if (l.startsWith("C ")) classes.add(l.substring(2));
        for (String cls : classes) {
            Class<?> c;
            try { c = Class.forName(cls); } catch (ClassNotFoundException e) { continue; }
            Set<String> lines = new TreeSet<>(ApiSurface.describe(c));
            List<Method> offMs = new ArrayList<>(), extra = new ArrayList<>();
            for (Method m : c.getMethods()) {
                if (m.isSynthetic() || m.isBridge() || !m.getDeclaringClass().getName().startsWith("com.opentok")) continue;
                String line = ApiSurface.describe(c).stream().filter(x -> x.startsWith("M ")).filter(x -> x.equals(lineOf(c, m))).findFirst().orElse(null);
                if (line != null && official.contains(line)) offMs.add(m); else extra.add(m);
            }
            for (Method e : extra) {
                for (Method o : offMs) {
                    if (!o.getName().equals(e.getName()) || o.getParameterCount() != e.getParameterCount() || o.getParameterCount() == 0) continue;
                    if (Modifier.isStatic(o.getModifiers()) != Modifier.isStatic(e.getModifiers())) continue;
                    // Ambiguous for some call with nulls: no parameter pair tells them apart by
                    // primitiveness, and neither method is more specific than the other.
                    boolean clash = true;
                    Class<?>[] a = o.getParameterTypes(), b = e.getParameterTypes();
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] == b[i]) continue;
                        if (a[i].isPrimitive() || b[i].isPrimitive()) { clash = false; break; }
                    }
                    if (clash && (moreSpecific(a, b) || moreSpecific(b, a))) clash = false;
                    if (clash) ambiguous.add(lineOf(c, e) + "  vs official  " + lineOf(c, o));
                }
            }
        }
        assertTrue(ambiguous.isEmpty(), "extra overloads a null argument makes ambiguous:\n" + String.join("\n", ambiguous));
    }

    static boolean moreSpecific(Class<?>[] a, Class<?>[] b) {
        for (int i = 0; i < a.length; i++) if (!b[i].isAssignableFrom(a[i])) return false;
        return true;
    }

    static String lineOf(Class<?> c, Method m) {
        return "M " + c.getName() + " " + (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getName() + "(" + ApiSurface.params(m) + ") : "
                + ApiSurface.type(m.getGenericReturnType()) + ApiSurface.throwsClause(m);
    }
}
