package org.pyport.pystd;

import java.math.BigInteger;

/**
 * One format character of a {@code struct} format, as it behaves under one byte order: its size,
 * its alignment (native mode only) and, for integers, its accepted range and the exact
 * {@code struct.error} text CPython 3.11 gives when a value falls outside it.
 *
 * <p>CPython checks integers in two steps, and so does this class: the value is first converted to
 * a C {@code long} (or {@code unsigned long}) — failing that, the message is the "domain" message
 * ({@code "argument out of range"}, or {@code "int too large to convert"} for the big-endian 8-byte
 * codes) — and then checked against the code's own range (the "range" message, which names the
 * code, e.g. {@code "'i' format requires -2147483648 <= number <= 2147483647"}). Which code
 * uses which conversion and wording differs between native, little- and big-endian packing; the
 * table in {@link #lookup} records it.
 */
final class StructCode {

    /** What kind of Python value an item holds. */
    enum Kind { PAD, CHAR, BOOL, INT, HALF, FLOAT, DOUBLE, STRING, PASCAL }

    /** The C integer type CPython converts a Python int to before range-checking it. */
    enum Domain {
        /** C {@code long}: [-2**63, 2**63). */
        SIGNED_LONG(BigInteger.ONE.shiftLeft(63).negate(), BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE)),
        /** C {@code unsigned long}: [0, 2**64). */
        UNSIGNED_LONG(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)),
        /** A pointer ({@code P}): a negative long wraps around, so [-2**63, 2**64). */
        POINTER(BigInteger.ONE.shiftLeft(63).negate(), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

        final BigInteger min;
        final BigInteger max;

        Domain(BigInteger min, BigInteger max) {
            this.min = min;
            this.max = max;
        }

        boolean contains(BigInteger v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }
    }

    private static final String OUT_OF_RANGE = "argument out of range";
    private static final String TOO_LARGE = "int too large to convert";

    final char code;
    final Kind kind;
    final int size;
    final int align;
    final boolean bigEndian;
    // integers only
    final boolean signed;
    final Domain domain;
    final String domainMessage;
    /** Null when the code's range is the whole domain (8-byte codes). */
    final String rangeMessage;
    final BigInteger min;
    final BigInteger max;
    /** {@code f} in native mode is a plain C cast: too large becomes infinity, no error. */
    final boolean checkFloatOverflow;

    private StructCode(char code, Kind kind, int size, StructOrder order, boolean signed, Domain domain,
                       String domainMessage, String rangeStyle) {
        this.code = code;
        this.kind = kind;
        this.size = size;
        // x86-64: every scalar is aligned to its own size; bytes, pads and strings to 1
        this.align = order.nativeSizes && kind != Kind.STRING && kind != Kind.PASCAL ? Math.max(size, 1) : 1;
        this.bigEndian = order.bigEndian;
        this.signed = signed;
        this.domain = domain;
        this.domainMessage = domainMessage;
        this.checkFloatOverflow = !(order.nativeSizes && kind == Kind.FLOAT);
        if (kind == Kind.INT) {
            int bits = size * 8;
            this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
            this.max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits)).subtract(BigInteger.ONE);
            this.rangeMessage = rangeStyle == null ? null : rangeStyle + " format requires " + min + " <= number <= " + max;
        } else {
            this.min = null;
            this.max = null;
            this.rangeMessage = null;
        }
    }

    private static StructCode simple(char code, Kind kind, int size, StructOrder order) {
        return new StructCode(code, kind, size, order, false, null, null, null);
    }

    private static StructCode integer(char code, int size, StructOrder order, boolean signed, Domain domain,
                                      String domainMessage, String rangeStyle) {
        return new StructCode(code, Kind.INT, size, order, signed, domain, domainMessage, rangeStyle);
    }

    /**
     * The code {@code c} under {@code order}, or {@code null} if {@code c} is not a format character
     * there ({@code n}, {@code N} and {@code P} exist in native mode only).
     */
    static StructCode lookup(char c, StructOrder order) {
        boolean nat = order.nativeSizes;
        boolean big = order.bigEndian;
        String quoted = "'" + c + "'";
        switch (c) {
            case 'x': return simple(c, Kind.PAD, 1, order);
            case 'c': return simple(c, Kind.CHAR, 1, order);
            case '?': return simple(c, Kind.BOOL, 1, order);
            case 's': return simple(c, Kind.STRING, 1, order);
            case 'p': return simple(c, Kind.PASCAL, 1, order);
            case 'e': return simple(c, Kind.HALF, 2, order);
            case 'f': return simple(c, Kind.FLOAT, 4, order);
            case 'd': return simple(c, Kind.DOUBLE, 8, order);
            case 'b': return integer(c, 1, order, true, Domain.SIGNED_LONG, OUT_OF_RANGE, "byte");
            case 'B': return integer(c, 1, order, false, Domain.SIGNED_LONG, OUT_OF_RANGE, "ubyte");
            case 'h': return integer(c, 2, order, true, Domain.SIGNED_LONG, OUT_OF_RANGE, big ? quoted : "short");
            case 'H': return big
                    ? integer(c, 2, order, false, Domain.UNSIGNED_LONG, OUT_OF_RANGE, quoted)
                    : integer(c, 2, order, false, Domain.SIGNED_LONG, OUT_OF_RANGE, "ushort");
            case 'i': return integer(c, 4, order, true, Domain.SIGNED_LONG, OUT_OF_RANGE, quoted);
            case 'I': return integer(c, 4, order, false, Domain.UNSIGNED_LONG, OUT_OF_RANGE, quoted);
            case 'l': return nat
                    ? integer(c, 8, order, true, Domain.SIGNED_LONG, OUT_OF_RANGE, null)
                    : integer(c, 4, order, true, Domain.SIGNED_LONG, OUT_OF_RANGE, quoted);
            case 'L': return nat
                    ? integer(c, 8, order, false, Domain.UNSIGNED_LONG, OUT_OF_RANGE, null)
                    : integer(c, 4, order, false, Domain.UNSIGNED_LONG, OUT_OF_RANGE, quoted);
            case 'q': return integer(c, 8, order, true, Domain.SIGNED_LONG, big ? TOO_LARGE : OUT_OF_RANGE, null);
            case 'Q': return integer(c, 8, order, false, Domain.UNSIGNED_LONG, big ? TOO_LARGE : OUT_OF_RANGE, null);
            case 'n': return nat ? integer(c, 8, order, true, Domain.SIGNED_LONG, OUT_OF_RANGE, null) : null;
            case 'N': return nat ? integer(c, 8, order, false, Domain.UNSIGNED_LONG, OUT_OF_RANGE, null) : null;
            case 'P': return nat ? integer(c, 8, order, false, Domain.POINTER, TOO_LARGE, null) : null;
            default: return null;
        }
    }

    /** Whether each repetition of this code takes one value ({@code s} and {@code p} take one per item). */
    boolean takesValuePerCount() {
        return kind != Kind.PAD && kind != Kind.STRING && kind != Kind.PASCAL;
    }

    /** Unsigned 8-byte codes unpack to {@link BigInteger}: their values do not fit a {@code long}. */
    boolean unpacksToBigInteger() {
        return kind == Kind.INT && !signed && size == 8;
    }
}
