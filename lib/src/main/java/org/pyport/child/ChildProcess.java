package org.pyport.child;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A running child JVM. Its output is pumped line by line to this JVM's current {@code System.out}/
 * {@code System.err} (so it appears in the notebook cell) and kept for {@link #stdout()}. Always reaped:
 * {@link #close()} kills and waits, and a shutdown hook kills whatever is left when this JVM exits.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::destroyTree),
                "pyport-child-reaper"));
    }

    private final Process process;
    private final String description;
    private final Pump out;
    private final Pump err;
    ChildProcess(Process process, String description, boolean echo, String prefix) {
        this.process = process;
        this.description = description;
        LIVE.add(this);
        this.out = new Pump(process.getInputStream(), echo ? () -> System.out : null, prefix, "out");
        this.err = new Pump(process.getErrorStream(), echo ? () -> System.err : null, prefix, "err");
        out.start();
        err.start();
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** The underlying process handle (e.g. for CPU sampling). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Whether the child is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the child to exit and all its output to be pumped; returns the exit code. */
    public int join() {
        try {
            process.waitFor();
            out.join();
            err.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        }
        finished();
        return process.exitValue();
    }

    /** Waits at most {@code timeout}; returns true if the child exited (its output then fully pumped). */
    public boolean join(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + description, e);
        }
        join();
        return true;
    }

    /** The exit code; fails while the child is still running. */
    public int exitCode() {
        if (process.isAlive()) throw new IllegalStateException(description + " is still running: join() first");
        return join();
    }

    /** Kills the child (and anything it started) and waits for it; returns its exit code. */
    public int kill() {
        destroyTree();
        return join();
    }

    /** Everything the child wrote to stdout so far (complete after {@link #join()}). */
    public String stdout() {
        return out.text();
    }

    /** Everything the child wrote to stderr so far (complete after {@link #join()}). */
    public String stderr() {
        return err.text();
    }

    /** Kills the child if still running and waits for it. */
    @Override
    public void close() {
        if (process.isAlive()) kill();
        else join();
    }

    @Override
    public String toString() {
        return description + " pid " + pid() + (process.isAlive() ? " running" : " exited " + process.exitValue());
    }

    private void destroyTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void finished() {
        LIVE.remove(this);
    }

    /** Number of children not yet reaped (tests, leak checks). */
    static int liveCount() {
        return LIVE.size();
    }

    /** Copies a child stream line by line to an echo stream (looked up per line) and a buffer. */
    private static final class Pump extends Thread {
        private final InputStream in;
        private final Supplier<PrintStream> echo;
        private final String prefix;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Pump(InputStream in, Supplier<PrintStream> echo, String prefix, String which) {
            super("pyport-child-" + which);
            setDaemon(true);
            this.in = in;
            this.echo = echo;
            this.prefix = prefix == null ? "" : prefix;
        }

        @Override
        public void run() {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (InputStream s = in) {
                int b;
                byte[] chunk = new byte[8192];
                int n;
                while ((n = s.read(chunk)) > 0) {
                    for (int i = 0; i < n; i++) {
                        b = chunk[i];
                        line.write(b);
                        if (b == '\n') flushLine(line);
                    }
                }
            } catch (IOException e) {
                // stream closed because the child was killed
            }
            if (line.size() > 0) flushLine(line);
        }

        private void flushLine(ByteArrayOutputStream line) {
            byte[] bytes = line.toByteArray();
            line.reset();
            synchronized (buf) {
                buf.writeBytes(bytes);
            }
            if (echo != null) {
                PrintStream p = echo.get();
                p.print(prefix + new String(bytes, StandardCharsets.UTF_8));
                p.flush();
            }
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
