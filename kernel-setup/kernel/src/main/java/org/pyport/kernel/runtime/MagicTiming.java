package org.pyport.kernel.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.sun.management.OperatingSystemMXBean;
import org.pyport.measure.TimeItResult;

/**
 * Measurements behind the {@code %time}/{@code %timeit} magics, printed in IPython's formats. The kernel calls
 * these from generated cell code so the timed code runs (and can be interrupted) like any cell.
 */
public final class MagicTiming {

    /** IPython's minimum total time of one run when choosing the number of loops. */
    private static final double MIN_RUN_SECONDS = 0.2;

    /** Keeps results of timed expressions alive so the JIT cannot drop their computation. */
    private static volatile Object sink;

    private MagicTiming() {
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
     * {@code 1.23 ms ± 45.6 μs per loop (mean ± std. dev. of 7 runs, 100 loops each)}.
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

    /** IPython's result line of {@code %timeit}: the helper library's {@link org.pyport.measure.TimeItResult#toString()}. */
    static String formatTimeit(double mean, double std, int runs, int loops) {
        return new TimeItResult(null, loops, runs, mean * 1e9, std * 1e9, 0).toString();
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
        double[] userSys = userAndSystem(start.cpu, cpuTimes());
        System.out.println("CPU times: user " + formatTime(userSys[0]) + ", sys: " + formatTime(userSys[1])
                + ", total: " + formatTime(userSys[0] + userSys[1]));
        System.out.println("Wall time: " + formatTime(wall / 1e9));
    }

    /**
     * The process's CPU time between two readings, split into user and system time in seconds: the total from the
     * JVM (nanosecond resolution), split by the ratio of the user and system clock ticks counted meanwhile (10 ms
     * ticks of /proc/self/stat), all of it user time when no tick passed.
     */
    static double[] userAndSystem(long[] from, long[] to) {
        double total = Math.max(0, to[0] - from[0]) / 1e9;
        long userTicks = Math.max(0, to[1] - from[1]);
        long systemTicks = Math.max(0, to[2] - from[2]);
        double user = userTicks + systemTicks == 0 ? total : total * userTicks / (userTicks + systemTicks);
        return new double[] {user, total - user};
    }

    /** @return {process CPU nanoseconds, user ticks, system ticks}; the ticks are 0 where /proc is missing */
    static long[] cpuTimes() {
        long total = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            total = Math.max(0, os.getProcessCpuTime());
        }
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {total, Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (Exception ignored) {
            return new long[] {total, 0, 0}; // not Linux: all of it is user time
        }
    }

    /**
     * IPython's {@code _format_time} (the helper library's {@link org.pyport.measure.TimeItResult#formatTime}).
     *
     * @param seconds a duration
     * @return e.g. {@code "1.23 ms"}
     */
    public static String formatTime(double seconds) {
        return TimeItResult.formatTime(seconds);
    }
}
