package org.pyport.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, laid out the
 * way CPython does ({@code 1e-05}, {@code 0.0001}, {@code 1e+16}, {@code 100.0}). Java's
 * {@link Double#toString(double)} differs in layout ({@code 1.0E-5}) and, before JDK 19, sometimes
 * in digits, so JSON written for Python readers needs this.
 */
public final class PyFloat {
    private PyFloat() {}

    /** The text {@code repr(d)} prints in CPython 3 ({@code nan}, {@code inf}, {@code -inf} for the special values). */
    public static String repr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = shortest(d);
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.DIGITS × 10^decpt, CPython's convention in float_repr
        int decpt = digits.length() - shortest.scale();
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) sb.append('0');
            sb.append(a);
        }
        return sb.toString();
    }

    /**
     * The shortest decimal that parses back to {@code d}; among equally short ones the nearest, which
     * is what CPython's dtoa mode 0 returns. Rounding the exact binary value to k digits gives the
     * nearest k-digit decimal, so the first k whose rounding round-trips is the answer.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int k = 1; k <= 17; k++) {
            BigDecimal r = exact.round(new MathContext(k, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == d) return r.stripTrailingZeros();
            // at a power of two the round-trip interval is lopsided: the nearest k-digit decimal may
            // miss it while the one on the other side still hits
            for (RoundingMode m : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal s = exact.round(new MathContext(k, m));
                if (s.doubleValue() == d) return s.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
