package org.pyport.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One timeit measurement, per-loop times in nanoseconds.
 *
 * @param label      what was timed
 * @param loops      loops per run (auto-ranged like Python's {@code timeit.autorange})
 * @param repeats    number of runs
 * @param meanNanos  mean time per loop over the runs
 * @param stdNanos   standard deviation (population, as IPython) of the per-loop time over the runs
 * @param minNanos   fastest run's time per loop
 */
public record TimeItResult(String label, long loops, int repeats, double meanNanos, double stdNanos, double minNanos) {

    /** Mean time per loop in milliseconds. */
    public double meanMillis() {
        return meanNanos / 1e6;
    }

    /** Mean time per loop in seconds. */
    public double meanSeconds() {
        return meanNanos / 1e9;
    }

    /**
     * IPython's %timeit line, e.g.
     * {@code 1.23 ms ± 45.6 μs per loop (mean ± std. dev. of 7 runs, 1,000 loops each)}; the kernel's
     * {@code %timeit} prints this line too.
     */
    @Override
    public String toString() {
        return (label == null || label.isEmpty() ? "" : label + ": ") + formatTime(meanNanos / 1e9) + " ± "
                + formatTime(stdNanos / 1e9) + " per loop (mean ± std. dev. of " + repeats + " run"
                + (repeats == 1 ? "" : "s") + ", " + String.format(java.util.Locale.ROOT, "%,d", loops) + " loop"
                + (loops == 1 ? "" : "s") + " each)";
    }

    /** IPython's {@code _format_time}: three significant digits in s, ms, µs or ns. */
    public static String formatTime(double seconds) {
        if (seconds >= 60.0) {
            // IPython: whole days, hours, minutes, seconds, stopping once less than a second is left
            String[] suffixes = {"d", "h", "min", "s"};
            double[] lengths = {86400, 3600, 60, 1};
            StringBuilder sb = new StringBuilder();
            double leftover = seconds;
            for (int k = 0; k < suffixes.length; k++) {
                long value = (long) (leftover / lengths[k]);
                if (value > 0) {
                    leftover = leftover % lengths[k];
                    if (sb.length() > 0) sb.append(' ');
                    sb.append(value).append(suffixes[k]);
                }
                if (leftover < 1) break;
            }
            return sb.toString();
        }
        // IPython 9 writes the Greek mu (U+03BC), not the micro sign (U+00B5)
        String[] units = {"s", "ms", "\u03bcs", "ns"};
        double[] scaling = {1, 1e3, 1e6, 1e9};
        int order = seconds > 0 ? Math.min(-Math.floorDiv((int) Math.floor(Math.log10(seconds)), 3), 3) : 3;
        order = Math.max(order, 0);
        return formatG(seconds * scaling[order], 3) + " " + units[order];
    }

    /** C's {@code %.<p>g}: p significant digits, trailing zeros removed, scientific for large/small exponents. */
    static String formatG(double v, int p) {
        if (v == 0) return "0";
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v).toLowerCase();
        BigDecimal r = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= p) {
            BigDecimal mant = r.movePointLeft(exp);
            String m = strip(mant.toPlainString());
            return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return strip(r.setScale(Math.max(0, p - 1 - exp), RoundingMode.HALF_EVEN).toPlainString());
    }

    private static String strip(String s) {
        if (!s.contains(".")) return s;
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
