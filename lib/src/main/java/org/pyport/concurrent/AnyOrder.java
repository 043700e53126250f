package org.pyport.concurrent;

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
     */
    public static void sameLines(String pythonOut, String javaOut, UnaryOperator<String> normalize) {
        Objects.requireNonNull(pythonOut, "pythonOut is null: did the %%python --out cell run?");
        Objects.requireNonNull(javaOut, "javaOut is null");
        List<String> py = sorted(pythonOut, normalize);
        List<String> java = sorted(javaOut, normalize);
        if (!py.equals(java)) {
            List<String> onlyPy = new ArrayList<>(py);
            for (String l : java) onlyPy.remove(l);
            List<String> onlyJava = new ArrayList<>(java);
            for (String l : py) onlyJava.remove(l);
            throw new AssertionError("✗ Java and CPython printed different lines (order ignored)"
                    + "\n  only in python: " + onlyPy + "\n  only in java:   " + onlyJava);
        }
        System.out.println("✓ same " + py.size() + " lines as CPython, in whatever order the threads/processes ran");
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
