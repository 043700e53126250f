package org.pyport.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The two kinds of work the tutorial contrasts: compute-bound (the seed's {@code x = x ^ 1} loop) and
 * IO-bound (waiting, here a sleep standing in for a disk or network round trip).
 */
public final class Workloads {
    private Workloads() {}

    /** Sink for results, so the JIT cannot drop a loop whose result nobody reads. */
    private static volatile long sink;

    /** Runs {@code iterations} rounds of a small xor/shift loop and returns its value. */
    public static long compute(long iterations) {
        long x = 0;
        for (long i = 0; i < iterations; i++) {
            x ^= i;
            x = (x << 1) | (x >>> 63);
        }
        sink = x;
        return x;
    }

    /**
     * How many {@link #compute} iterations take {@code cpu} of CPU time on this machine, measured on the calling
     * thread after the JIT has compiled the loop. Measure and compute in one call: in a notebook, each statement
     * of a cell may run on a thread of its own, whose CPU clock says nothing about the previous statement's work.
     *
     * @param cpu the CPU time one call of {@code compute} should take
     * @return iterations, at least 1
     */
    public static long iterationsFor(Duration cpu) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long probe = 20_000_000;
        compute(probe); // let the JIT compile it first
        long start = mx.getCurrentThreadCpuTime();
        compute(probe);
        long used = Math.max(1, mx.getCurrentThreadCpuTime() - start);
        return Math.max(1, (long) ((double) probe * cpu.toNanos() / used));
    }

    /** Spins the seed's {@code x = x ^ 1} loop for {@code d}; returns how many rounds it made. */
    public static long spin(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        long rounds = 0;
        long x = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) x = x ^ 1;
            rounds += 10_000;
        }
        sink = x;
        return rounds;
    }

    /** An IO-bound step: waits {@code d} without using the CPU. */
    public static void io(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during simulated IO", e);
        }
    }

    /**
     * Starts {@code n} threads that each {@link #spin} for {@code d} (the seed's "N infinite loops",
     * bounded), waits for them and returns the total rounds.
     */
    public static long busyThreads(int n, Duration d) {
        LongAdder total = new LongAdder();
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> total.add(spin(d)), "busy-" + i);
            ts.add(t);
            t.start();
        }
        ThreadSweep.joinAll(ts, "busy threads");
        return total.sum();
    }
}
