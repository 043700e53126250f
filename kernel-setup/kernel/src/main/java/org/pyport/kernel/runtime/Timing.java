package org.pyport.kernel.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measurements behind the {@code %time}/{@code %timeit} magics, printed in IPython's formats. The kernel calls
 * these from generated cell code so the timed code runs (and can be interrupted) like any cell.
 */
public final class Timing {

    /** IPython's minimum total time of one run when choosing the number of loops. */
    private static final double MIN_RUN_SECONDS = 0.2;

    /** Keeps results of timed expressions alive so the JIT cannot drop their computation. */
    private static volatile Object sink;

    private Timing() {
    }

    /** Code to time; may throw anything. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the timed code once.
         *
         * @throws Exception whatever the code throws
         */
        void run() throws Exception;
    }

    /**
     * Consumes a value so computing it is not optimised away.
     *
     * @param value any value
     */
    public static void consume(Object value) {
        sink = value;
    }

    /**
     * Times {@code body} like IPython's {@code %timeit} and prints e.g.
     * {@code 1.23 ms ± 45.6 µs per loop (mean ± std. dev. of 7 runs, 100 loops each)}.
     *
     * @param loops  loops per run; 0 chooses 1, 2, 5, 10, 20, 50... until a run takes at least 0.2 s
     * @param repeat number of runs (IPython's default is 7)
     * @param body   the code
     * @return the mean time per loop, in seconds
     * @throws Exception whatever the body throws
     */
    public static double timeit(int loops, int repeat, Body body) throws Exception {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be >= 1");
        }
        int number = loops;
        if (number <= 0) {
            number = autorange(body);
        }
        List<Double> perLoop = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            perLoop.add(run(body, number) / number);
        }
        double mean = perLoop.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double var = perLoop.stream().mapToDouble(t -> (t - mean) * (t - mean)).sum() / perLoop.size();
        double std = Math.sqrt(var);
        double best = perLoop.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double worst = perLoop.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (best > 0 && worst > 4 * best && worst > 1e-6) {
            System.out.printf(Locale.ROOT, "The slowest run took %.2f times longer than the fastest. "
                    + "This could mean that an intermediate result is being cached.%n", worst / best);
        }
        System.out.println(formatTimeit(mean, std, repeat, number));
        return mean;
    }

    /** IPython's result line of {@code %timeit}. */
    static String formatTimeit(double mean, double std, int runs, int loops) {
        return String.format(Locale.ROOT, "%s \u00b1 %s per loop (mean \u00b1 std. dev. of %d run%s, %,d loop%s each)",
                formatTime(mean), formatTime(std), runs, runs == 1 ? "" : "s", loops, loops == 1 ? "" : "s");
    }

    private static int autorange(Body body) throws Exception {
        for (long i = 1; ; i *= 10) {
            for (int j : new int[] {1, 2, 5}) {
                long number = i * j;
                if (number > Integer.MAX_VALUE / 10) {
                    return (int) number;
                }
                if (run(body, (int) number) >= MIN_RUN_SECONDS) {
                    return (int) number;
                }
            }
        }
    }

    private static double run(Body body, int number) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < number; i++) {
            body.run();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** A point in time for {@link #printTimes(Start)}. */
    public static final class Start {
        final long wall = System.nanoTime();
        final long[] cpu = cpuTimes();
    }

    /** @return a start point for {@code %time} */
    public static Start start() {
        return new Start();
    }

    /**
     * Prints IPython's {@code %time} report since {@code start}:
     * {@code CPU times: user 1.2 ms, sys: 0 ns, total: 1.2 ms} and {@code Wall time: 1.5 ms}.
     *
     * @param start what {@link #start()} returned
     */
    public static void printTimes(Start start) {
        long wall = System.nanoTime() - start.wall;
        long[] end = cpuTimes();
        double user = (end[0] - start.cpu[0]) / 1e9;
        double sys = (end[1] - start.cpu[1]) / 1e9;
        System.out.println("CPU times: user " + formatTime(user) + ", sys: " + formatTime(sys)
                + ", total: " + formatTime(user + sys));
        System.out.println("Wall time: " + formatTime(wall / 1e9));
    }

    /**
     * Process CPU time as {user, system} in nanoseconds. The total comes from the JVM (nanosecond resolution);
     * it is split by the ratio of user and system clock ticks in /proc/self/stat where available.
     */
    static long[] cpuTimes() {
        long total = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total = Math.max(0, os.getProcessCpuTime());
        }
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            if (utime + stime > 0) {
                long user = Math.round(total * (double) utime / (utime + stime));
                return new long[] {user, total - user};
            }
        } catch (Exception ignored) {
            // not Linux: report everything as user time
        }
        return new long[] {total, 0};
    }

    /**
     * IPython's {@code _format_time}: 3 significant digits in s, ms, µs or ns; d/h/min/s above a minute.
     *
     * @param seconds a duration
     * @return e.g. {@code "1.23 ms"}
     */
    public static String formatTime(double seconds) {
        if (seconds >= 60.0) {
            long[] lengths = {86400, 3600, 60, 1};
            String[] suffixes = {"d", "h", "min", "s"};
            StringBuilder out = new StringBuilder();
            double leftover = seconds;
            for (int i = 0; i < lengths.length; i++) {
                long value = (long) (leftover / lengths[i]);
                if (value > 0) {
                    leftover = leftover % lengths[i];
                    out.append(out.length() == 0 ? "" : " ").append(value).append(suffixes[i]);
                }
                if (leftover < 1) {
                    break;
                }
            }
            return out.toString();
        }
        String[] units = {"s", "ms", "\u00b5s", "ns"};
        double[] scaling = {1, 1e3, 1e6, 1e9};
        int order = seconds > 0 ? Math.min(-(int) Math.floor(Math.floor(Math.log10(seconds)) / 3), 3) : 3;
        order = Math.max(order, 0);
        return formatG(seconds * scaling[order]) + " " + units[order];
    }

    /** Python's {@code "%.3g"}. */
    static String formatG(double value) {
        if (value == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.3g", value);
        // Java's %g never switches to plain notation like Python for these magnitudes; trim zeros like Python
        if (s.contains("e")) {
            return s;
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
