package org.pyport.display;

import java.io.PrintStream;
import java.util.Map;

/**
 * The sink outside a kernel (plain {@code java}, JUnit): prints the {@code text/plain} part of each
 * bundle to {@link System#out}, read at call time so {@code Capture} sees it.
 */
final class TextSink implements DisplaySink {
    @Override public String name() { return "text"; }

    @Override public boolean isKernel() { return false; }

    @Override
    public void display(String displayId, Map<String, Object> bundle) {
        print(bundle);
    }

    @Override
    public void update(String displayId, Map<String, Object> bundle) {
        print(bundle);
    }

    private static void print(Map<String, Object> bundle) {
        Object text = bundle.get(Mime.TEXT);
        PrintStream out = System.out;
        out.println(text == null ? "[" + String.join(", ", bundle.keySet()) + "]" : text);
    }
}
