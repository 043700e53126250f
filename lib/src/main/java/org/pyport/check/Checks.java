package org.pyport.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pyport.pystd.PyRepr;

/**
 * Checks that fail loudly: each throws {@link AssertionError} with both values on failure and prints
 * a short "✓ what" line on success, so a notebook reader sees what was verified.
 */
public final class Checks {
    private Checks() {}

    /** Fails unless {@code cond} holds. */
    public static void that(boolean cond, String what) {
        if (!cond) throw new AssertionError("✗ " + what);
        ok(what);
    }

    /**
     * Fails unless {@code expected} and {@code actual} are deeply equal: arrays by content (also nested and
     * primitive ones), lists/collections element by element, maps by entries. Strings and bytes in the
     * message are shown in Python repr style so invisible differences show.
     */
    public static void equal(Object expected, Object actual, String what) {
        if (!deepEquals(expected, actual)) {
            String e = show(expected), a = show(actual);
            if (e.equals(a)) { // same text, different types (10 vs 10L): say so
                e += " (" + typeName(expected) + ")";
                a += " (" + typeName(actual) + ")";
            }
            throw new AssertionError("✗ " + what + "\n  expected: " + e + "\n  actual:   " + a);
        }
        ok(what + ": " + abbreviate(show(actual), 100));
    }

    /** Fails unless |expected - actual| ≤ tol (NaN never passes unless both are NaN). */
    public static void near(double expected, double actual, double tol, String what) {
        boolean pass = (Double.isNaN(expected) && Double.isNaN(actual)) || Math.abs(expected - actual) <= tol
                || expected == actual;
        if (!pass) {
            throw new AssertionError("✗ " + what + "\n  expected: " + expected + " ± " + tol + "\n  actual:   " + actual
                    + " (off by " + Math.abs(expected - actual) + ")");
        }
        ok(what + ": " + actual + " ≈ " + expected);
    }

    /**
     * Compares CPython's stdout with the Java port's, line by line. Only one trailing newline (and
     * Windows line ends) are normalised; any other difference fails with the first differing line of each.
     */
    public static void samePython(String pythonStdout, String javaStdout) {
        Objects.requireNonNull(pythonStdout, "pythonStdout is null: did the %%python --out cell run?");
        Objects.requireNonNull(javaStdout, "javaStdout is null");
        List<String> py = lines(pythonStdout);
        List<String> java = lines(javaStdout);
        int n = Math.max(py.size(), java.size());
        for (int i = 0; i < n; i++) {
            String p = i < py.size() ? py.get(i) : null;
            String j = i < java.size() ? java.get(i) : null;
            if (!Objects.equals(p, j)) {
                throw new AssertionError("✗ Java output differs from CPython at line " + (i + 1)
                        + " (CPython " + py.size() + " lines, Java " + java.size() + " lines)"
                        + "\n  python: " + (p == null ? "<no line>" : PyRepr.of(p))
                        + "\n  java:   " + (j == null ? "<no line>" : PyRepr.of(j)));
            }
        }
        ok("same output as CPython (" + py.size() + (py.size() == 1 ? " line)" : " lines)"));
    }

    /**
     * Runs {@code r} and returns the exception it threw, which must be an instance of {@code type};
     * fails if it throws nothing or something else (the unexpected exception becomes the cause).
     */
    public static <T extends Throwable> T raises(Class<T> type, ThrowingRunnable r) {
        try {
            r.runThrowing();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                ok("raises " + type.getSimpleName() + ": " + t.getMessage());
                return type.cast(t);
            }
            throw new AssertionError("✗ expected " + type.getName() + " but got " + t, t);
        }
        throw new AssertionError("✗ expected " + type.getName() + " but nothing was thrown");
    }

    private static void ok(String what) {
        System.out.println("✓ " + what);
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    private static List<String> lines(String s) {
        String t = s.replace("\r\n", "\n");
        if (t.endsWith("\n")) t = t.substring(0, t.length() - 1);
        List<String> out = new ArrayList<>(Arrays.asList(t.split("\n", -1)));
        if (s.isEmpty()) out.clear();
        return out;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Renders a value for a message: Python repr for strings, bytes, collections; toString otherwise. */
    static String show(Object o) {
        if (o == null || o instanceof CharSequence || o instanceof byte[] || o instanceof Collection
                || o instanceof Map || o instanceof Boolean || o instanceof Number || o instanceof Object[]) {
            try {
                return PyRepr.of(o instanceof CharSequence ? o.toString() : o);
            } catch (RuntimeException e) {
                // fall through to toString for things PyRepr cannot render
            }
        }
        if (o.getClass().isArray()) return arrayToString(o);
        return String.valueOf(o);
    }

    private static String arrayToString(Object a) {
        if (a instanceof int[]) return Arrays.toString((int[]) a);
        if (a instanceof long[]) return Arrays.toString((long[]) a);
        if (a instanceof short[]) return Arrays.toString((short[]) a);
        if (a instanceof char[]) return Arrays.toString((char[]) a);
        if (a instanceof double[]) return Arrays.toString((double[]) a);
        if (a instanceof float[]) return Arrays.toString((float[]) a);
        if (a instanceof boolean[]) return Arrays.toString((boolean[]) a);
        return Arrays.deepToString((Object[]) a);
    }

    /** Deep equality: arrays by content, lists in order, other collections/maps via their own equals on deep-compared elements. */
    static boolean deepEquals(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a.getClass().isArray() && b.getClass().isArray()) {
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a, y = (List<?>) b;
            if (x.size() != y.size()) return false;
            Iterator<?> i = x.iterator(), j = y.iterator();
            while (i.hasNext()) if (!deepEquals(i.next(), j.next())) return false;
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a, y = (Map<?, ?>) b;
            if (x.size() != y.size()) return false;
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!y.containsKey(e.getKey()) || !deepEquals(e.getValue(), y.get(e.getKey()))) return false;
            }
            return true;
        }
        return a.equals(b);
    }
}
