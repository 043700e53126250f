package org.pyport.measure;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Python's timeit for Java: a warm-up (the JIT compiles the code first), then loops auto-ranged like
 * {@code timeit.autorange} (1, 2, 5, 10, 20, 50… until one run takes ≥ 0.2 s), then 7 runs by default;
 * reported like IPython's %timeit. Use {@link #run(String, Supplier)} for code whose result would
 * otherwise be dead code: the result is consumed into a volatile field the JIT cannot remove.
 */
public final class TimeIt {
    /** Consumes results so the JIT cannot discard the work that computed them. */
    @SuppressWarnings("unused")
    private static volatile Object blackhole;

    private TimeIt() {}

    /** Times {@code task} with the defaults (7 runs, ≥ 0.2 s per run, 0.2 s warm-up). */
    public static TimeItResult run(String label, Runnable task) {
        return with().run(label, task);
    }

    /** Times {@code task}, consuming each result into a blackhole. */
    public static TimeItResult run(String label, Supplier<?> task) {
        return with().run(label, task);
    }

    /** Options: {@code TimeIt.with().repeats(5).minTime(Duration.ofMillis(100)).run(...)}. */
    public static Options with() {
        return new Options();
    }

    /** A table with one row per timing: label, mean_ms, std_ms, min_ms, loops, repeats. */
    public static Table table(TimeItResult... timings) {
        return table(Arrays.asList(timings));
    }

    /** A table with one row per timing: label, mean_ms, std_ms, min_ms, loops, repeats. */
    public static Table table(List<TimeItResult> timings) {
        StringColumn label = StringColumn.create("label");
        DoubleColumn mean = DoubleColumn.create("mean_ms");
        DoubleColumn std = DoubleColumn.create("std_ms");
        DoubleColumn min = DoubleColumn.create("min_ms");
        LongColumn loops = LongColumn.create("loops");
        IntColumn repeats = IntColumn.create("repeats");
        for (TimeItResult t : timings) {
            label.append(t.label());
            mean.append(t.meanNanos() / 1e6);
            std.append(t.stdNanos() / 1e6);
            min.append(t.minNanos() / 1e6);
            loops.append(t.loops());
            repeats.append(t.repeats());
        }
        return Table.create("timings", label, mean, std, min, loops, repeats);
    }

    /** Like {@link #table} plus a {@code relative} column: each mean divided by the fastest mean. */
    public static Table compare(TimeItResult... timings) {
        Table t = table(timings);
        double fastest = Arrays.stream(timings).mapToDouble(TimeItResult::meanNanos).min().orElse(1);
        DoubleColumn rel = DoubleColumn.create("relative");
        for (TimeItResult x : timings) rel.append(x.meanNanos() / fastest);
        return t.addColumns(rel);
    }

    /** Timing options; setters return this. */
    public static final class Options {
        private int repeats = 7;
        private Duration minTime = Duration.ofMillis(200);
        private Duration warmup = Duration.ofMillis(200);
        private long loops = 0; // 0 = auto-range

        private Options() {}

        /** Number of runs (default 7). */
        public Options repeats(int n) {
            if (n < 1) throw new IllegalArgumentException("repeats must be ≥ 1, got " + n);
            this.repeats = n;
            return this;
        }

        /** Minimum duration of one run when auto-ranging the loop count (default 0.2 s). */
        public Options minTime(Duration d) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException("minTime must be ≥ 0: " + d);
            this.minTime = d;
            return this;
        }

        /** How long to run the code before measuring, so the JIT has compiled it (default 0.2 s; 0 = none). */
        public Options warmup(Duration d) {
            if (d == null || d.isNegative()) throw new IllegalArgumentException("warmup must be ≥ 0: " + d);
            this.warmup = d;
            return this;
        }

        /** A fixed number of loops per run instead of auto-ranging. */
        public Options loops(long n) {
            if (n < 1) throw new IllegalArgumentException("loops must be ≥ 1, got " + n);
            this.loops = n;
            return this;
        }

        /** Times {@code task}. */
        public TimeItResult run(String label, Runnable task) {
            Objects.requireNonNull(task, "task");
            return measure(label, n -> {
                for (long i = 0; i < n; i++) task.run();
            });
        }

        /** Times {@code task}, consuming every result into a volatile blackhole. */
        public TimeItResult run(String label, Supplier<?> task) {
            Objects.requireNonNull(task, "task");
            return measure(label, n -> {
                for (long i = 0; i < n; i++) blackhole = task.get();
            });
        }

        private TimeItResult measure(String label, Batch batch) {
            long warmNanos = warmup.toNanos();
            long start = System.nanoTime();
            long n = 1;
            while (warmNanos > 0 && System.nanoTime() - start < warmNanos) {
                batch.run(n);
                n = Math.min(n * 2, 1 << 20);
            }
            long number = loops > 0 ? loops : autorange(batch, minTime.toNanos());
            double[] perLoop = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                perLoop[r] = (double) time(batch, number) / number;
            }
            double mean = Arrays.stream(perLoop).average().orElse(0);
            double var = Arrays.stream(perLoop).map(x -> (x - mean) * (x - mean)).sum() / repeats;
            double min = Arrays.stream(perLoop).min().orElse(0);
            return new TimeItResult(label, number, repeats, mean, Math.sqrt(var), min);
        }
    }

    /** Python's autorange: 1, 2, 5, 10, 20, 50, … loops until one batch takes at least {@code minNanos}. */
    static long autorange(Batch batch, long minNanos) {
        for (long i = 1; ; i *= 10) {
            for (long j : new long[] {1, 2, 5}) {
                long number = i * j;
                if (time(batch, number) >= minNanos || number >= 1_000_000_000_000L) return number;
            }
        }
    }

    private static long time(Batch batch, long n) {
        long t0 = System.nanoTime();
        batch.run(n);
        return System.nanoTime() - t0;
    }

    /** Runs the timed code n times. */
    @FunctionalInterface
    interface Batch {
        void run(long n);
    }
}
