package com.opentok.api;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * A public API surface as sorted lines, one per class, supertype, constructor, method and field,
 * with the types a Java caller compiles against (generic parameters, declared checked exceptions):
 *
 * <pre>
 * C com.opentok.Archive
 * S com.opentok.ArchiveList &lt; java.util.ArrayList
 * K com.opentok.SessionProperties$Builder()
 * M com.opentok.OpenTok generateToken(java.lang.String) : java.lang.String throws com.opentok.exception.OpenTokException
 * F com.opentok.MediaMode static RELAYED : com.opentok.MediaMode
 * </pre>
 *
 * The file {@code official-api-4.17.0.txt} beside the tests is this listing for the official
 * {@code com.tokbox:opentok-server-sdk:4.17.0} jar, made with
 * {@code java -cp target/test-classes com.opentok.api.ApiSurface opentok-server-sdk-4.17.0.jar <its runtime class path>}.
 */
public final class ApiSurface {
    private ApiSurface() {}

    /** The lines of every public class of {@code com.opentok} and {@code com.opentok.exception} in a jar. */
    public static void main(String[] args) throws Exception {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(args[0])) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (!n.endsWith(".class") || n.contains("/util/") || n.contains("/constants/") || n.contains("package-info")) continue;
                if (!n.startsWith("com/opentok/")) continue;
                names.add(n.substring(0, n.length() - 6).replace('/', '.'));
            }
        }
        List<URL> urls = new ArrayList<>();
        for (String a : args) for (String part : a.split(File.pathSeparator)) if (!part.isEmpty()) urls.add(new File(part).toURI().toURL());
        ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ApiSurface.class.getClassLoader().getParent());
        TreeSet<String> lines = new TreeSet<>();
        for (String n : names) {
            Class<?> c;
            try { c = Class.forName(n, false, cl); } catch (Throwable t) { continue; }
            if (!isVisible(c)) continue;
            lines.addAll(describe(c));
        }
        for (String l : lines) System.out.println(l);
    }

    static boolean isVisible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) if (!Modifier.isPublic(k.getModifiers())) return false;
        return !c.isAnonymousClass() && !c.isSynthetic();
    }

    /** The lines of one class. */
    public static List<String> describe(Class<?> c) {
        List<String> out = new ArrayList<>();
        String n = c.getName();
        out.add("C " + n);
        if (c.getSuperclass() != null && c.getSuperclass() != Object.class && c.getSuperclass() != Enum.class) out.add("S " + n + " < " + c.getSuperclass().getName());
        for (Class<?> i : c.getInterfaces()) out.add("S " + n + " < " + i.getName());
        boolean isAbstract = Modifier.isAbstract(c.getModifiers());
        for (Constructor<?> k : c.getConstructors()) {
            if (k.isSynthetic() || (c.isEnum())) continue;
            out.add("K " + n + "(" + params(k) + ")" + throwsClause(k));
        }
        for (Method m : c.getMethods()) {
            if (m.isSynthetic() || m.isBridge() || m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Enum.class) continue;
            if (!m.getDeclaringClass().getName().startsWith("com.opentok")) continue;
            out.add("M " + n + " " + (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getName() + "(" + params(m) + ") : "
                    + type(m.getGenericReturnType()) + throwsClause(m));
        }
        for (Field f : c.getFields()) {
            if (f.isSynthetic() || !f.getDeclaringClass().getName().startsWith("com.opentok")) continue;
            out.add("F " + n + " " + (Modifier.isStatic(f.getModifiers()) ? "static " : "") + f.getName() + " : " + type(f.getGenericType()));
        }
        return out;
    }

    static String params(Executable e) {
        return Arrays.stream(e.getGenericParameterTypes()).map(ApiSurface::type).collect(Collectors.joining(","));
    }

    /** Checked exceptions only, sorted: what a caller must catch or declare. */
    static String throwsClause(Executable e) {
        TreeSet<String> t = new TreeSet<>();
        for (Class<?> x : e.getExceptionTypes()) if (!RuntimeException.class.isAssignableFrom(x) && !Error.class.isAssignableFrom(x)) t.add(x.getName());
        return t.isEmpty() ? "" : " throws " + String.join(",", t);
    }

    /** A type as a caller sees it; `? extends X` (Kotlin's declaration-site variance) reads as X. */
    static String type(Type t) {
        return t.getTypeName().replace("? extends ", "");
    }

    /** Reads a listing. */
    public static List<String> read(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toList());
    }
}
