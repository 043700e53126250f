package org.pyport.pystd;

/**
 * Conversions between Java's {@code double} and the 16- and 32-bit IEEE 754 formats of the
 * {@code e} and {@code f} codes, with the rounding and NaN handling CPython uses on x86-64.
 *
 * <p>Java 17 has no half-precision conversion ({@code Float.floatToFloat16} arrived in Java 20),
 * and converting through {@code float} would round twice, so {@link #toHalf} rounds the
 * {@code double} directly, to nearest with ties to even.
 */
final class StructFloats {
    private static final long DOUBLE_MANTISSA = 0x000F_FFFF_FFFF_FFFFL;

    private StructFloats() {
    }

    /**
     * The 16-bit pattern of {@code x}.
     *
     * @throws ArithmeticException when {@code x} is finite but rounds beyond the largest half (65504),
     *     as CPython raises {@code OverflowError}
     */
    static int toHalf(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int sign = (int) (bits >>> 63) << 15;
        if (Double.isNaN(x)) {
            return sign | 0x7e00; // a quiet NaN; the payload does not survive, as in CPython
        }
        if (Double.isInfinite(x)) {
            return sign | 0x7c00;
        }
        if (x == 0.0) {
            return sign;
        }
        int exp = Math.getExponent(x); // -1023 for subnormal doubles
        if (exp >= 16) {
            throw halfOverflow();
        }
        long mantissa = (bits & DOUBLE_MANTISSA) | (exp == Double.MIN_EXPONENT - 1 ? 0 : 1L << 52);
        int mantissaExp = exp == Double.MIN_EXPONENT - 1 ? -1074 : exp - 52;
        // the value of one unit in the last place of the half result: 2**-24 for subnormal halves
        int quantumExp = Math.max(exp, -14) - 10;
        int shift = quantumExp - mantissaExp; // > 0: a half has fewer bits than a double
        long q;
        if (shift >= 63) {
            q = 0; // far below half a quantum
        } else {
            q = mantissa >>> shift;
            long rest = mantissa & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (rest > half || (rest == half && (q & 1) == 1)) {
                q++;
            }
        }
        if (exp < -14) {
            return sign | (int) q; // subnormal; q == 1024 is exactly the smallest normal pattern
        }
        int e = exp;
        if (q == 2048) { // rounding carried into the next binade
            q = 1024;
            e++;
        }
        if (e > 15) {
            throw halfOverflow();
        }
        return sign | ((e + 15) << 10) | (int) (q - 1024);
    }

    /** The value of a 16-bit pattern. */
    static double fromHalf(int h) {
        boolean negative = (h & 0x8000) != 0;
        int e = (h >>> 10) & 0x1f;
        int f = h & 0x3ff;
        double v;
        if (e == 0) {
            v = Math.scalb((double) f, -24);
        } else if (e == 31) {
            v = f == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            v = Math.scalb((double) (1024 + f), e - 25);
        }
        return negative ? -v : v;
    }

    /**
     * The 32-bit pattern of {@code x}, rounded to nearest as a C cast does.
     *
     * @param checkOverflow whether a finite {@code x} that rounds to infinity is an error
     *     (standard sizes) or silently infinite (native {@code @f}, a plain C cast in CPython)
     * @throws ArithmeticException on overflow when checked
     */
    static int toFloat(double x, boolean checkOverflow) {
        if (Double.isNaN(x)) {
            // x86 keeps the sign and the top payload bits, and sets the quiet bit
            long bits = Double.doubleToRawLongBits(x);
            int sign = (int) (bits >>> 63) << 31;
            return sign | 0x7fc0_0000 | (int) ((bits & DOUBLE_MANTISSA) >>> 29);
        }
        float y = (float) x;
        if (checkOverflow && Float.isInfinite(y) && !Double.isInfinite(x)) {
            throw new ArithmeticException("float too large to pack with f format");
        }
        return Float.floatToRawIntBits(y);
    }

    /** The value of a 32-bit pattern, NaN payloads widened as x86 does. */
    static double fromFloat(int bits) {
        if ((bits & 0x7f80_0000) == 0x7f80_0000 && (bits & 0x007f_ffff) != 0) {
            long sign = (long) (bits >>> 31) << 63;
            long payload = (long) (bits & 0x007f_ffff) << 29;
            return Double.longBitsToDouble(sign | 0x7ff8_0000_0000_0000L | payload);
        }
        return Float.intBitsToFloat(bits);
    }

    private static ArithmeticException halfOverflow() {
        return new ArithmeticException("float too large to pack with e format");
    }
}
