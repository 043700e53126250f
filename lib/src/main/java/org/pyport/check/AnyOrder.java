package org.pyport.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Compares the output of concurrent programs, whose lines interleave differently on every run:
 * both sides are normalised (e.g. pids and durations masked), then compared as sorted lists.
 * The Python side stays the reference, as with {@code Checks.samePython}.
 */
public final class AnyOrder {
    private AnyOrder() {}

    /**
     * Masks process ids written as {@code (1234)} or {@code process 1234}, and durations such as
     * {@code 0.14 seconds}: the parts that differ on every run.
     */
    public static final UnaryOperator<String> PIDS_AND_SECONDS = s -> s
            .replaceAll("\\(\\d+\\)", "(<pid>)")
            .replaceAll("process \\d+", "process <pid>")
            .replaceAll("\\d+\\.\\d+ seconds", "<t> seconds");

    /**
     * Fails unless {@code pythonOut} and {@code javaOut} have the same lines up to order, after
     * {@code normalize}; prints a one-line summary when they do.
     *
     * <p>CPython's {@code print()} writes the text and the line end in two steps, so when two threads
     * or processes print at once, CPython's output can read {@code "line A" + "line B" + "\n\n"}. That
     * is accepted too: the Python text without its line ends must then be a concatenation of exactly the
     * Java lines, and both must have as many line ends.
     */
    public static void sameLines(String pythonOut, String javaOut, UnaryOperator<String> normalize) {
        Objects.requireNonNull(pythonOut, "pythonOut is null: did the %%python --out cell run?");
        Objects.requireNonNull(javaOut, "javaOut is null");
        List<String> py = sorted(pythonOut, normalize);
        List<String> java = sorted(javaOut, normalize);
        if (py.equals(java)) {
            System.out.println("✓ same " + py.size() + " lines as CPython, in whatever order the threads/processes ran");
            return;
        }
        String pyText = pythonOut.replace("\r\n", "\n");
        long pyEnds = pyText.chars().filter(c -> c == '\n').count();
        long javaEnds = javaOut.replace("\r\n", "\n").chars().filter(c -> c == '\n').count();
        if (pyEnds == javaEnds && tiles(normalize.apply(pyText.replace("\n", "")), new ArrayList<>(java))) {
            System.out.println("✓ same " + java.size() + " lines as CPython, in whatever order the threads/processes ran"
                    + " (CPython's print() wrote some text and its line end separately, so lines ran together)");
            return;
        }
        List<String> onlyPy = new ArrayList<>(py);
        for (String l : java) onlyPy.remove(l);
        List<String> onlyJava = new ArrayList<>(java);
        for (String l : py) onlyJava.remove(l);
        throw new AssertionError("✗ Java and CPython printed different lines (order ignored)"
                + "\n  only in python: " + onlyPy + "\n  only in java:   " + onlyJava);
    }

    /** Whether {@code text} is exactly the concatenation of all {@code parts} in some order (backtracking). */
    static boolean tiles(String text, List<String> parts) {
        if (parts.isEmpty()) return text.isEmpty();
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (i > 0 && p.equals(parts.get(i - 1))) continue; // same part, same outcome
            if (text.startsWith(p)) {
                List<String> rest = new ArrayList<>(parts);
                rest.remove(i);
                if (tiles(text.substring(p.length()), rest)) return true;
            }
        }
        return false;
    }

    private static List<String> sorted(String text, UnaryOperator<String> normalize) {
        List<String> lines = new ArrayList<>();
        for (String l : text.replace("\r\n", "\n").split("\n")) {
            if (!l.isEmpty()) lines.add(normalize.apply(l));
        }
        Collections.sort(lines);
        return lines;
    }
}
