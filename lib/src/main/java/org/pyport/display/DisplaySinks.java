package org.pyport.display;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Chooses the display sink once per JVM: an explicitly installed one (a kernel may install itself),
 * else the first kernel family found at run time (JJava/ours, IJava, rapaio), else plain text.
 */
public final class DisplaySinks {
    private static volatile DisplaySink current;

    private DisplaySinks() {}

    /** The sink in use, detected on first call. */
    public static DisplaySink current() {
        DisplaySink s = current;
        if (s == null) {
            synchronized (DisplaySinks.class) {
                if (current == null) current = detect();
                s = current;
            }
        }
        return s;
    }

    /** Installs a sink explicitly (a kernel at start-up, or a test); returns the previous one. */
    public static synchronized DisplaySink install(DisplaySink sink) {
        DisplaySink previous = current;
        current = Objects.requireNonNull(sink, "sink");
        return previous;
    }

    /** Forgets the chosen sink so the next call detects again (tests). */
    public static synchronized void reset() {
        current = null;
    }

    /** The plain-text sink used outside a kernel. */
    public static DisplaySink text() {
        return new TextSink();
    }

    private static DisplaySink detect() {
        @SuppressWarnings("unchecked")
        Supplier<DisplaySink>[] candidates = new Supplier[] {
            ReflectiveKernelSink::jjava, ReflectiveKernelSink::ijava, ReflectiveKernelSink::rapaio};
        for (Supplier<DisplaySink> c : candidates) {
            DisplaySink s = c.get();
            if (s != null) return s;
        }
        return new TextSink();
    }
}
