package org.pyport.python;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs CPython beside Java: the reference implementation every port is checked against.
 * The executable is {@code $PYPORT_PYTHON}, else {@code python3} on the PATH. Output is UTF-8
 * ({@code PYTHONIOENCODING=utf-8}) and unbuffered, so streamed output keeps its order.
 */
public final class Python {
    /** Default time limit for {@link #run}; a runaway script is killed after it. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private static final long CPU_POLL_NANOS = 5_000_000L;
    /** Processes from {@link #start}: killed at JVM exit if the notebook did not reap them. */
    private static final java.util.Set<Process> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "pyport-python-reaper"));
    }
    private static volatile String version;

    private Python() {}

    /** Runs {@code code} ({@code python3 -c code args...}) and waits for it. */
    public static PyResult run(String code, String... args) {
        return with().run(code, args);
    }

    /** Runs a script file and waits for it. */
    public static PyResult runFile(Path script, String... args) {
        return with().runFile(script, args);
    }

    /**
     * Starts {@code python3 -c code args...} without waiting (e.g. to sample its CPU). The caller reads its
     * output and waits for it; whatever is still running when this JVM exits is killed.
     */
    public static Process start(String code, String... args) {
        return with().start(code, args);
    }

    /** Options: {@code Python.with().timeout(Duration.ofSeconds(5)).env("K", "v").dir(path).run(code)}. */
    public static Options with() {
        return new Options();
    }

    /** Whether a python3 executable can be started. */
    public static boolean available() {
        try {
            version();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The Python version, e.g. {@code "3.11.7"}. */
    public static String version() {
        String v = version;
        if (v == null) {
            PyResult r = with().timeout(Duration.ofSeconds(30))
                    .run("import platform; print(platform.python_version())").check();
            v = r.stdout().strip();
            version = v;
        }
        return v;
    }

    /** The executable used: {@code $PYPORT_PYTHON} or {@code python3}. */
    public static String executable() {
        String e = System.getenv("PYPORT_PYTHON");
        return e == null || e.isBlank() ? "python3" : e;
    }

    /** Run options; each setter returns this. */
    public static final class Options {
        private Duration timeout = DEFAULT_TIMEOUT;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path dir;
        private String executable = Python.executable();

        private Options() {}

        /** Uses this Python executable (a name on the PATH or a path) instead of the default. */
        public Options executable(String exe) {
            if (exe == null || exe.isBlank()) throw new IllegalArgumentException("executable must be a name or path");
            this.executable = exe;
            return this;
        }

        /** Kills the process (and its children) when it runs longer than {@code t}. */
        public Options timeout(Duration t) {
            if (t == null || t.isNegative() || t.isZero()) throw new IllegalArgumentException("timeout must be positive: " + t);
            this.timeout = t;
            return this;
        }

        /** Adds an environment variable. */
        public Options env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Working directory. */
        public Options dir(Path d) {
            this.dir = Objects.requireNonNull(d, "dir");
            return this;
        }

        /** Runs {@code python3 -c code args...}. */
        public PyResult run(String code, String... args) {
            return execute(command(List.of("-c", Objects.requireNonNull(code, "code")), args));
        }

        /** Runs {@code python3 script args...}. */
        public PyResult runFile(Path script, String... args) {
            if (!Files.isRegularFile(script)) throw new IllegalArgumentException("no Python script at " + script);
            return execute(command(List.of(script.toString()), args));
        }

        /** Starts {@code python3 -c code args...}; read its output (or it may block) and wait for it. */
        public Process start(String code, String... args) {
            Process p = launch(command(List.of("-c", Objects.requireNonNull(code, "code")), args));
            STARTED.add(p);
            p.onExit().thenRun(() -> STARTED.remove(p));
            return p;
        }

        private List<String> command(List<String> head, String... args) {
            List<String> cmd = new ArrayList<>();
            cmd.add(executable);
            cmd.addAll(head);
            if (args != null) Collections.addAll(cmd, args);
            return cmd;
        }

        private Process launch(List<String> cmd) {
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("PYTHONIOENCODING", "utf-8");
            pb.environment().put("PYTHONUNBUFFERED", "1");
            pb.environment().putAll(env);
            if (dir != null) pb.directory(dir.toFile());
            try {
                return pb.start();
            } catch (IOException e) {
                throw new IllegalStateException(cmd.get(0) + " not found or not runnable (" + e.getMessage()
                        + "): install python3 or set PYPORT_PYTHON to run the Python originals", e);
            }
        }

        private PyResult execute(List<String> cmd) {
            long t0 = System.nanoTime();
            Process p = launch(cmd);
            try {
                p.getOutputStream().close();
                Drain out = new Drain(p.getInputStream());
                Drain err = new Drain(p.getErrorStream());
                out.start();
                err.start();
                // the CPU time of an exited (reaped) process is gone, so poll it while the process runs
                long deadline = t0 + timeout.toNanos();
                long cpu = -1;
                boolean finished = false;
                while (true) {
                    long c = cpuNanos(p);
                    if (c >= 0) cpu = c;
                    long left = deadline - System.nanoTime();
                    if (left <= 0) break;
                    if (p.waitFor(Math.min(left, CPU_POLL_NANOS), TimeUnit.NANOSECONDS)) {
                        finished = true;
                        break;
                    }
                }
                if (!finished) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor();
                }
                out.join();
                err.join();
                long wall = System.nanoTime() - t0;
                if (!finished) {
                    PyResult r = new PyResult(out.text(), err.text(), p.exitValue(), wall, cpu);
                    throw new PythonException("python3 did not finish within " + timeout + " and was killed; stderr:\n"
                            + r.stderr().strip(), r);
                }
                return new PyResult(out.text(), err.text(), p.exitValue(), wall, cpu);
            } catch (InterruptedException e) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for python3", e);
            } catch (IOException e) {
                p.destroyForcibly();
                throw new UncheckedIOException(e);
            }
        }
    }

    /** CPU time of a (possibly just exited) process; -1 when unknown. */
    private static long cpuNanos(Process p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Reads a stream fully on its own thread so neither pipe can fill up and block the process. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();

        Drain(InputStream in) {
            super("pyport-python-drain");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            try (InputStream s = in) {
                s.transferTo(buf);
            } catch (IOException e) {
                // the process was killed; keep what was read
            }
        }

        String text() {
            return buf.toString(StandardCharsets.UTF_8);
        }
    }
}
