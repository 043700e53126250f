package org.pyport.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs the same job with different numbers of threads and tabulates the effect: the tutorial's
 * "more tasks do not mean more speed" and "compute-bound vs IO-bound" claims, measured.
 * Every run joins its threads before returning, so a sweep leaves no thread behind.
 */
public final class ThreadSweep {
    private ThreadSweep() {}

    /**
     * Runs {@code tasks} copies of {@code task} on a pool of N threads for each N in {@code threadCounts}.
     *
     * @return columns {@code kind, threads, seconds, speedup} (speedup against the first thread count)
     */
    public static Table speedup(String kind, int[] threadCounts, int tasks, Runnable task) {
        check(threadCounts);
        if (tasks < 1) throw new IllegalArgumentException("tasks must be ≥ 1, got " + tasks);
        StringColumn kinds = StringColumn.create("kind");
        IntColumn threads = IntColumn.create("threads");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        DoubleColumn speedup = DoubleColumn.create("speedup");
        double base = 0;
        for (int n : threadCounts) {
            double s = timeOnPool(n, tasks, task);
            if (base == 0) base = s;
            kinds.append(kind);
            threads.append(n);
            seconds.append(s);
            speedup.append(base / s);
        }
        return Table.create(kind + " speed-up", kinds, threads, seconds, speedup);
    }

    /**
     * For each N, starts N threads that repeat {@code unit} until {@code window} has passed, and counts
     * the units done: with more threads than cores the total can only stay flat or drop, the drop
     * being what switching between threads costs.
     *
     * @return columns {@code threads, units_per_s}
     */
    public static Table throughput(int[] threadCounts, Duration window, Runnable unit) {
        check(threadCounts);
        IntColumn threads = IntColumn.create("threads");
        DoubleColumn perSecond = DoubleColumn.create("units_per_s");
        for (int n : threadCounts) {
            threads.append(n);
            perSecond.append(unitsPerSecond(n, window, unit));
        }
        return Table.create("throughput", threads, perSecond);
    }

    private static double timeOnPool(int n, int tasks, Runnable task) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            // start every thread first, so the timing is about the work, not about thread creation
            CountDownLatch ready = new CountDownLatch(n);
            List<Future<?>> warm = new ArrayList<>();
            for (int i = 0; i < n; i++) warm.add(pool.submit(() -> { ready.countDown(); await(ready); }));
            for (Future<?> f : warm) f.get();
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < tasks; i++) fs.add(pool.submit(task));
            for (Future<?> f : fs) f.get();
            return (System.nanoTime() - t0) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("sweep with " + n + " threads failed: " + e, e);
        } finally {
            shutdown(pool);
        }
    }

    private static double unitsPerSecond(int n, Duration window, Runnable unit) {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                await(start);
                while (!stop.get()) {
                    unit.run();
                    done.increment();
                }
            }, "sweep-" + i);
            t.setDaemon(true);
            ts.add(t);
            t.start();
        }
        long t0 = System.nanoTime();
        start.countDown();
        try {
            Thread.sleep(window.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop.set(true);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long count = done.sum();
        joinAll(ts, "sweep threads");
        return count / elapsed;
    }

    /** Waits for every thread of {@code threads} to end; {@code what} names them in the error when interrupted. */
    static void joinAll(List<Thread> threads, String what) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the " + what, e);
            }
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void shutdown(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) throw new IllegalStateException("sweep threads did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void check(int[] counts) {
        if (counts == null || counts.length == 0) throw new IllegalArgumentException("give at least one thread count");
        for (int n : counts) if (n < 1) throw new IllegalArgumentException("thread counts must be ≥ 1, got " + n);
    }
}
