package org.pyport.check;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what a block prints to {@link System#out} while still letting it reach the notebook cell
 * (a tee), so a cell can both show its output and compare it with CPython's.
 */
public final class Capture {
    private Capture() {}

    /** Runs {@code r} with System.out tee'd and returns what it printed (decoded as UTF-8). */
    public static String stdout(Runnable r) {
        return stdout((ThrowingRunnable) r::run);
    }


    /**
     * Like {@link #stdout(Runnable)} for blocks that throw checked exceptions; those are rethrown
     * unchanged (sneakily) after System.out is restored.
     */
    public static String stdout(ThrowingRunnable r) {
        return capture(r, true);
    }

    /**
     * Like {@link #stdout(ThrowingRunnable)}, but what {@code r} prints is only returned, not shown: for output the
     * cell shows changed, e.g. with a temporary folder's path replaced by a placeholder.
     */
    public static String stdoutHidden(ThrowingRunnable r) {
        return capture(r, false);
    }

    private static String capture(ThrowingRunnable r, boolean show) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream target = show ? new Tee(original, buffer) : buffer;
        PrintStream replacement = new PrintStream(target, true, StandardCharsets.UTF_8);
        System.setOut(replacement);
        try {
            r.runThrowing();
        } catch (Throwable t) {
            throw Sneaky.<RuntimeException>rethrow(t);
        } finally {
            replacement.flush();
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /** Writes every byte to both the original stream and the capture buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override public void write(int x) throws java.io.IOException { a.write(x); b.write(x); }
        @Override public void write(byte[] buf, int off, int len) throws java.io.IOException { a.write(buf, off, len); b.write(buf, off, len); }
        @Override public void flush() throws java.io.IOException { a.flush(); b.flush(); }
    }
}
