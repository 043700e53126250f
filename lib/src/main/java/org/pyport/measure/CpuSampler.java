package org.pyport.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Samples CPU use of this JVM, given processes, all descendants of this JVM, or given threads, every
 * interval, on a daemon thread. The result is a table {@code (time_s, process, cpu_pct)} where 100 means
 * one core fully busy, so two busy threads read about 200.
 *
 * <pre>{@code
 * try (CpuSampler s = CpuSampler.every(Duration.ofMillis(100)).thisJvm().children().start()) {
 *     work();
 *     Table t = s.stop();
 * }
 * }</pre>
 */
public final class CpuSampler implements AutoCloseable {
    private final long intervalNanos;
    private final List<Target> fixed = new ArrayList<>();
    private boolean children;
    private final Map<String, Baseline> last = new HashMap<>();
    private final DoubleColumn time = DoubleColumn.create("time_s");
    private final StringColumn process = StringColumn.create("process");
    private final DoubleColumn cpu = DoubleColumn.create("cpu_pct");
    private Thread thread;
    private long startNanos;
    private long previousSampleNanos;
    private volatile boolean running;
    private Table result;

    private CpuSampler(Duration interval) {
        if (interval == null || interval.toMillis() < 1) throw new IllegalArgumentException("interval must be ≥ 1 ms: " + interval);
        this.intervalNanos = interval.toNanos();
    }

    /** A sampler that samples every {@code interval} (100 ms is a good default; ≥ 1 ms). */
    public static CpuSampler every(Duration interval) {
        return new CpuSampler(interval);
    }

    /** Samples this JVM, labelled "this JVM". */
    public CpuSampler thisJvm() {
        return process("this JVM", ProcessHandle.current());
    }

    /** Samples the process with {@code pid}. */
    public CpuSampler process(String label, long pid) {
        checkNotStarted();
        fixed.add(new ProcessTarget(label, pid));
        return this;
    }

    /** Samples the process {@code h}. */
    public CpuSampler process(String label, ProcessHandle h) {
        return process(label, Objects.requireNonNull(h, "process handle").pid());
    }

    /** Samples {@code p} (e.g. a python3 started with {@code Python.start}). */
    public CpuSampler process(String label, Process p) {
        return process(label, p.pid());
    }

    /** Samples every descendant of this JVM alive at each sample, labelled "command (pid)". */
    public CpuSampler children() {
        checkNotStarted();
        children = true;
        return this;
    }

    /** Samples one Java thread of this JVM (by ThreadMXBean thread CPU time), labelled by its name. */
    public CpuSampler thread(Thread t) {
        checkNotStarted();
        fixed.add(new ThreadTarget(t.getName(), t));
        return this;
    }

    /** Samples each of these threads. */
    public CpuSampler threads(Collection<Thread> ts) {
        ts.forEach(this::thread);
        return this;
    }

    /** Starts sampling on a daemon thread; returns this. */
    public synchronized CpuSampler start() {
        checkNotStarted();
        if (fixed.isEmpty() && !children) thisJvm();
        ProcCpu.clockTicks(); // may run getconf: do it before sampling so it never shows up as a child
        startNanos = System.nanoTime();
        sample(startNanos); // baselines
        running = true;
        thread = new Thread(this::loop, "pyport-cpu-sampler");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops sampling (taking a last sample) and returns the table; later calls return the same table. */
    public synchronized Table stop() {
        if (result != null) return result;
        if (thread == null) throw new IllegalStateException("sampler was never started");
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long now = System.nanoTime();
        // a last partial interval, unless it is too short to mean anything with 10 ms clock ticks
        if (now - previousSampleNanos >= intervalNanos / 2) sample(now);
        result = Table.create("cpu", time, process, cpu);
        return result;
    }

    /** Stops if still running. */
    @Override
    public void close() {
        if (thread != null) stop();
    }

    /**
     * Runs {@code task} while sampling this JVM, all its descendants and {@code others}; returns the table.
     */
    public static Table during(Duration interval, Runnable task, ProcessHandle... others) {
        CpuSampler s = every(interval).thisJvm().children();
        for (ProcessHandle h : others) s.process(ProcTargetLabel.of(h), h);
        try (s) {
            s.start();
            task.run();
            return s.stop();
        }
    }

    /**
     * A snapshot of the CPU time of the given threads so far: {@code (thread, cpu_ms, user_ms, state)};
     * -1 where the JVM does not measure thread CPU time or the thread has ended (the JVM forgets its time).
     */
    public static Table threadCpu(Collection<Thread> threads) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        StringColumn name = StringColumn.create("thread");
        DoubleColumn total = DoubleColumn.create("cpu_ms");
        DoubleColumn user = DoubleColumn.create("user_ms");
        StringColumn state = StringColumn.create("state");
        boolean supported = mx.isThreadCpuTimeSupported();
        if (supported && !mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);
        for (Thread t : threads) {
            @SuppressWarnings("deprecation") long id = t.getId();
            long c = supported ? mx.getThreadCpuTime(id) : -1;
            long u = supported ? mx.getThreadUserTime(id) : -1;
            name.append(t.getName());
            total.append(c < 0 ? -1 : c / 1e6);
            user.append(u < 0 ? -1 : u / 1e6);
            state.append(t.getState().name());
        }
        return Table.create("thread cpu", name, total, user, state);
    }

    // ---- sampling ----------------------------------------------------------------------------------

    private void loop() {
        long next = startNanos + intervalNanos;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return; // stop() takes the final sample
                }
            }
            synchronized (this) {
                if (!running) return;
                sample(System.nanoTime());
            }
            next += intervalNanos;
            long now = System.nanoTime();
            if (next < now) next = now + intervalNanos; // fell behind (suspended JVM): do not burst
        }
    }

    private void sample(long now) {
        List<Target> targets = new ArrayList<>(fixed);
        if (children) {
            java.util.Set<String> fixedKeys = new java.util.HashSet<>();
            for (Target t : fixed) fixedKeys.add(t.key());
            ProcessHandle.current().descendants().forEach(h -> {
                ProcessTarget t = new ProcessTarget(ProcTargetLabel.of(h), h.pid());
                if (!fixedKeys.contains(t.key())) targets.add(t);
            });
        }
        Map<String, Baseline> seen = new LinkedHashMap<>();
        for (Target t : targets) {
            long c = t.cpuNanos();
            if (c < 0) continue;
            String key = t.key();
            Baseline b = last.get(key);
            if (b == null && previousSampleNanos != 0 && t.startedAfter(previousSampleNanos, now)) {
                // a process born since the last sample: it had 0 CPU at that moment
                b = new Baseline(previousSampleNanos, 0);
            }
            if (b != null && now > b.wallNanos) {
                double pct = 100.0 * (c - b.cpuNanos) / (now - b.wallNanos);
                // ms and 0.1% are finer than the clocks behind them (10 ms ticks); rounding keeps tables readable
                time.append(Math.round((now - startNanos) / 1e6) / 1e3);
                process.append(t.label());
                cpu.append(Math.round(Math.max(0, pct) * 10) / 10.0);
            }
            seen.put(key, new Baseline(now, c));
        }
        last.keySet().retainAll(seen.keySet());
        last.putAll(seen);
        previousSampleNanos = now;
    }

    private void checkNotStarted() {
        if (thread != null) throw new IllegalStateException("sampler already started");
    }

    private record Baseline(long wallNanos, long cpuNanos) {}

    /** Something with a CPU clock. */
    private interface Target {
        String label();

        String key();

        /** CPU nanoseconds so far, or -1 when gone. */
        long cpuNanos();

        /** Whether it started after the sample at {@code previousNanos} (nanoTime clock); now = current nanoTime. */
        default boolean startedAfter(long previousNanos, long now) {
            return false;
        }
    }

    private record ProcessTarget(String label, long pid) implements Target {
        // by pid only: a label may change while it runs (a shell or pyenv shim exec()s python)
        @Override public String key() { return "p" + pid; }

        @Override public long cpuNanos() { return ProcCpu.cpuNanos(pid); }

        @Override
        public boolean startedAfter(long previousNanos, long now) {
            // start times come in clock ticks (10 ms): allow that much slack
            Instant prevInstant = Instant.now().minusNanos(now - previousNanos).minusMillis(20);
            return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                    .map(s -> s.isAfter(prevInstant)).orElse(false);
        }
    }

    private record ThreadTarget(String label, Thread thread) implements Target {
        @SuppressWarnings("deprecation")
        @Override public String key() { return "t" + thread.getId(); }

        @SuppressWarnings("deprecation")
        @Override
        public long cpuNanos() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            if (!mx.isThreadCpuTimeSupported()) return -1;
            if (!mx.isThreadCpuTimeEnabled()) mx.setThreadCpuTimeEnabled(true);
            return mx.getThreadCpuTime(thread.getId());
        }
    }

    /** Labels for processes found at run time. */
    static final class ProcTargetLabel {
        private ProcTargetLabel() {}

        static String of(ProcessHandle h) {
            return ProcCpu.commandName(h) + " (" + h.pid() + ")";
        }
    }
}
