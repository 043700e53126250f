package org.pyport.pystd;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code repr()} of Java values, so Java output can be compared with CPython's character for
 * character: strings with Python's quote choice and escapes, {@code byte[]} as {@code b'...'}, floats
 * as the shortest round-tripping decimal (CPython's {@code repr(float)}), booleans, None, lists,
 * tuples, dicts and sets.
 */
public final class PyRepr {
    private PyRepr() {}

    /** A value rendered as a Python tuple: {@code tuple(1, 2)} → {@code (1, 2)}, {@code tuple(1)} → {@code (1,)}. */
    public static Tuple tuple(Object... items) {
        return new Tuple(java.util.Collections.unmodifiableList(
                java.util.Arrays.asList(items == null ? new Object[] {null} : items.clone())));
    }

    /** An immutable sequence that {@link #of} renders with parentheses. */
    public static final class Tuple {
        private final List<Object> items;

        Tuple(List<Object> items) {
            this.items = items;
        }

        /** The items. */
        public List<Object> items() {
            return items;
        }

        @Override public boolean equals(Object o) { return o instanceof Tuple && ((Tuple) o).items.equals(items); }

        @Override public int hashCode() { return items.hashCode(); }

        @Override public String toString() { return PyRepr.of(this); }
    }

    /**
     * The Python repr of {@code o}: String/Character → str, byte[] → bytes, Boolean → True/False, null → None,
     * Double/Float → float, integral numbers as is, List/arrays → list, {@link Tuple} → tuple, Map → dict,
     * Set → set; anything else by its {@code toString()}.
     */
    public static String of(Object o) {
        StringBuilder sb = new StringBuilder();
        append(sb, o);
        return sb.toString();
    }

    /** {@code repr(bytes)} exactly as CPython prints it. */
    public static String bytes(byte[] b) {
        boolean hasSingle = false, hasDouble = false;
        for (byte x : b) {
            if (x == '\'') hasSingle = true;
            else if (x == '"') hasDouble = true;
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(b.length + 3).append('b').append(quote);
        for (byte x : b) {
            int c = x & 0xff;
            if (c == quote || c == '\\') sb.append('\\').append((char) c);
            else if (c == '\t') sb.append("\\t");
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c < 0x20 || c >= 0x7f) sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            else sb.append((char) c);
        }
        return sb.append(quote).toString();
    }

    /** {@code repr(str)} as CPython prints it (quote choice, escapes, non-printable characters). */
    public static String str(String s) {
        boolean hasSingle = s.indexOf('\'') >= 0, hasDouble = s.indexOf('"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
            else if (cp == '\t') sb.append("\\t");
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp < 0x20 || cp == 0x7f) sb.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xf]);
            else if (cp < 0x7f) sb.append((char) cp);
            else if (isPrintable(cp)) sb.appendCodePoint(cp);
            else if (cp <= 0xff) sb.append("\\x").append(hex(cp, 2));
            else if (cp <= 0xffff) sb.append("\\u").append(hex(cp, 4));
            else sb.append("\\U").append(hex(cp, 8));
        }
        return sb.append(quote).toString();
    }

    /**
     * {@code repr(float)}: the shortest decimal that reads back to the same double (ties to the closest),
     * in fixed notation when the exponent is in [-4, 16), else scientific ({@code 1e+16}, {@code 1e-05}).
     */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        // strip trailing zeros from the digit string, keeping track of the exponent
        int exp10 = digits.length() - shortest.scale(); // value = 0.digits × 10^exp10
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        digits = digits.substring(0, end);
        int sciExp = exp10 - 1;
        StringBuilder sb = new StringBuilder();
        if (d < 0) sb.append('-');
        if (sciExp < -4 || sciExp >= 16) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) sb.append('.').append(digits, 1, digits.length());
            sb.append('e').append(sciExp < 0 ? '-' : '+');
            int a = Math.abs(sciExp);
            if (a < 10) sb.append('0');
            sb.append(a);
        } else if (exp10 <= 0) {
            sb.append("0.").append("0".repeat(-exp10)).append(digits);
        } else if (exp10 >= digits.length()) {
            sb.append(digits).append("0".repeat(exp10 - digits.length())).append(".0");
        } else {
            sb.append(digits, 0, exp10).append('.').append(digits, exp10, digits.length());
        }
        return sb.toString();
    }

    /** Shortest decimal (fewest significant digits) that parses back to {@code d}; the closest one among ties. */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int p = 1; p <= 17; p++) {
            MathContext even = new MathContext(p, RoundingMode.HALF_EVEN);
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal c = exact.round(mode == RoundingMode.HALF_EVEN ? even : new MathContext(p, mode));
                if (c.doubleValue() != d) continue;
                if (best == null || c.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) best = c;
            }
            if (best != null) return best;
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static void append(StringBuilder sb, Object o) {
        if (o == null) sb.append("None");
        else if (o instanceof String) sb.append(str((String) o));
        else if (o instanceof Character) sb.append(str(o.toString()));
        else if (o instanceof CharSequence) sb.append(str(o.toString()));
        else if (o instanceof byte[]) sb.append(bytes((byte[]) o));
        else if (o instanceof Boolean) sb.append((Boolean) o ? "True" : "False");
        else if (o instanceof Double || o instanceof Float) sb.append(floatRepr(((Number) o).doubleValue()));
        else if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger) sb.append(o);
        else if (o instanceof Tuple) {
            List<Object> items = ((Tuple) o).items;
            sb.append('(');
            seq(sb, items.iterator());
            if (items.size() == 1) sb.append(',');
            sb.append(')');
        } else if (o instanceof List) {
            sb.append('[');
            seq(sb, ((List<?>) o).iterator());
            sb.append(']');
        } else if (o instanceof Set) {
            if (((Set<?>) o).isEmpty()) sb.append("set()");
            else {
                sb.append('{');
                seq(sb, ((Set<?>) o).iterator());
                sb.append('}');
            }
        } else if (o instanceof Collection) {
            sb.append('[');
            seq(sb, ((Collection<?>) o).iterator());
            sb.append(']');
        } else if (o instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                if (!first) sb.append(", ");
                first = false;
                append(sb, e.getKey());
                sb.append(": ");
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (o.getClass().isArray()) {
            sb.append('[');
            int n = java.lang.reflect.Array.getLength(o);
            for (int i = 0; i < n; i++) {
                if (i > 0) sb.append(", ");
                append(sb, java.lang.reflect.Array.get(o, i));
            }
            sb.append(']');
        } else sb.append(o);
    }

    private static void seq(StringBuilder sb, Iterator<?> it) {
        boolean first = true;
        while (it.hasNext()) {
            if (!first) sb.append(", ");
            first = false;
            append(sb, it.next());
        }
    }

    /**
     * Python's str.isprintable() for one code point: not printable are categories Cc, Cf, Cs, Co, Cn,
     * Zl, Zp and Zs other than the space. (The JDK's Unicode version may differ slightly from CPython's.)
     */
    static boolean isPrintable(int cp) {
        if (cp == ' ') return true;
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static String hex(int v, int width) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }
}
