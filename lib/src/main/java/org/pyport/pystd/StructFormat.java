package org.pyport.pystd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A compiled {@code struct} format, the counterpart of Python's {@code struct.Struct}: parse the
 * format once, then {@link #pack}, {@link #unpack} and friends as often as needed.
 *
 * <p>See {@link Struct} for the format language, the Java types used for each code and the few
 * places where this port differs from CPython.
 */
public final class StructFormat {

    /** One code of the format with its repeat count and its byte offset in the packed data. */
    private record Item(StructCode code, int count, int offset) {
    }

    private final String format;
    private final List<Item> items;
    private final int size;
    private final int valueCount;

    private StructFormat(String format, List<Item> items, int size) {
        this.format = format;
        this.items = List.copyOf(items);
        this.size = size;
        int n = 0;
        for (Item it : items) {
            n += it.code.takesValuePerCount() ? it.count : it.code.kind == StructCode.Kind.PAD ? 0 : 1;
        }
        this.valueCount = n;
    }

    /**
     * Parses {@code format}.
     *
     * @throws StructError with CPython's message for a bad format ({@code "bad char in struct format"},
     *     {@code "repeat count given without format specifier"}, {@code "total struct size too long"}),
     *     or when the packed size would not fit a Java byte array
     */
    public static StructFormat compile(String format) {
        if (format == null) {
            throw new NullPointerException("format is null: pass a struct format such as \">IH\"");
        }
        int i = 0;
        StructOrder order = StructOrder.NATIVE;
        if (!format.isEmpty() && StructOrder.ofPrefix(format.charAt(0)) != null) {
            order = StructOrder.ofPrefix(format.charAt(0));
            i = 1;
        }
        List<Item> items = new ArrayList<>();
        long size = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (isPythonSpace(c)) {
                continue;
            }
            long num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while (true) {
                    if (i >= format.length()) {
                        throw new StructError("repeat count given without format specifier");
                    }
                    c = format.charAt(i++);
                    if (c < '0' || c > '9') {
                        break;
                    }
                    if (num > (Long.MAX_VALUE - (c - '0')) / 10) {
                        throw new StructError("total struct size too long");
                    }
                    num = num * 10 + (c - '0');
                }
            }
            StructCode code = StructCode.lookup(c, order);
            if (code == null) {
                throw new StructError("bad char in struct format");
            }
            long aligned = alignUp(size, code.align);
            long itemBytes = code.size;
            if (aligned < 0 || num > (Long.MAX_VALUE - aligned) / itemBytes) {
                throw new StructError("total struct size too long");
            }
            // offsets beyond int range are caught below, before anything uses them
            items.add(new Item(code, (int) Math.min(num, Integer.MAX_VALUE), (int) Math.min(aligned, Integer.MAX_VALUE)));
            size = aligned + num * itemBytes;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new StructError("struct size " + size + " is too large for a Java byte array"
                    + " (CPython allows up to 2**63-1 bytes; Java arrays hold at most 2**31-1)");
        }
        return new StructFormat(format, items, (int) size);
    }

    /** The format string, as given. */
    public String format() {
        return format;
    }

    /** The number of bytes {@link #pack} produces: Python's {@code Struct.size}. */
    public int size() {
        return size;
    }

    /** How many values {@link #pack} takes and {@link #unpack} returns. */
    public int valueCount() {
        return valueCount;
    }

    /**
     * Packs {@code values} as Python's {@code Struct.pack} does.
     *
     * @throws StructError with CPython's message for a wrong number of values, a value of the wrong
     *     type or out of range
     * @throws ArithmeticException for a float too large for {@code e} or {@code f}
     */
    public byte[] pack(Object... values) {
        checkValueCount("pack", values);
        byte[] out = new byte[size];
        packValues(out, 0, values);
        return out;
    }

    /**
     * Packs {@code values} into {@code buffer} at {@code offset}, as Python's {@code Struct.pack_into};
     * a negative offset counts from the end. Unlike CPython, a bad value leaves the buffer untouched.
     */
    public void packInto(byte[] buffer, int offset, Object... values) {
        checkValueCount("pack_into", values);
        int start = startOf(buffer, offset, "pack_into", "no space to pack", "packing");
        byte[] packed = new byte[size]; // pack aside first: a bad value must not leave half-written data
        packValues(packed, 0, values);
        System.arraycopy(packed, 0, buffer, start, size);
    }

    /**
     * Unpacks exactly {@link #size()} bytes, as Python's {@code Struct.unpack}.
     *
     * @return one Java value per Python value (types listed in {@link Struct})
     * @throws StructError {@code "unpack requires a buffer of N bytes"} when the length differs
     */
    public Object[] unpack(byte[] buffer) {
        if (buffer.length != size) {
            throw new StructError("unpack requires a buffer of " + size + " bytes");
        }
        return unpackAt(buffer, 0);
    }

    /**
     * Unpacks {@link #size()} bytes starting at {@code offset} (negative: from the end), as Python's
     * {@code Struct.unpack_from}; the buffer may be longer.
     */
    public Object[] unpackFrom(byte[] buffer, int offset) {
        return unpackAt(buffer, startOf(buffer, offset, "unpack_from", "not enough data to unpack", "unpacking"));
    }

    /**
     * Where {@code pack_into}/{@code unpack_from} start in {@code buffer}: a negative offset counts from the
     * end; errors word for word as CPython's, which differ between the two only in a few words.
     */
    private int startOf(byte[] buffer, int offset, String function, String noRoom, String verb) {
        int buflen = buffer.length;
        long start = offset;
        if (offset < 0) {
            if ((long) offset + buflen < 0) {
                throw new StructError("offset " + offset + " out of range for " + buflen + "-byte buffer");
            }
            if (-(long) offset < size) {
                throw new StructError(noRoom + " " + size + " bytes at offset " + offset);
            }
            start = (long) offset + buflen;
        }
        if (buflen - start < size) {
            throw new StructError(function + " requires a buffer of at least " + (size + start)
                    + " bytes for " + verb + " " + size + " bytes at offset " + start
                    + " (actual buffer size is " + buflen + ")");
        }
        return (int) start;
    }

    /**
     * Unpacks consecutive records filling {@code buffer}, as Python's {@code Struct.iter_unpack}
     * (eagerly: the result is a list of tuples).
     */
    public List<Object[]> iterUnpack(byte[] buffer) {
        if (size == 0) {
            throw new StructError("cannot iteratively unpack with a struct of length 0");
        }
        if (buffer.length % size != 0) {
            throw new StructError("iterative unpacking requires a buffer of a multiple of " + size + " bytes");
        }
        List<Object[]> out = new ArrayList<>();
        for (int at = 0; at < buffer.length; at += size) {
            out.add(unpackAt(buffer, at));
        }
        return out;
    }

    @Override
    public String toString() {
        return "StructFormat(" + format + ", size=" + size + ")";
    }

    // ---------------------------------------------------------------- packing

    private void checkValueCount(String what, Object[] values) {
        if (values.length != valueCount) {
            throw new StructError(what + " expected " + valueCount + " items for packing (got " + values.length + ")");
        }
    }

    private void packValues(byte[] out, int base, Object[] values) {
        int v = 0;
        for (Item it : items) {
            StructCode code = it.code;
            int at = base + it.offset;
            switch (code.kind) {
                case PAD:
                    break;
                case STRING:
                    packString(out, at, it.count, values[v++]);
                    break;
                case PASCAL:
                    packPascal(out, at, it.count, values[v++]);
                    break;
                default:
                    for (int k = 0; k < it.count; k++) {
                        packOne(code, out, at + k * code.size, values[v++]);
                    }
            }
        }
    }

    private static void packOne(StructCode code, byte[] out, int at, Object value) {
        try {
            packScalar(code, out, at, value);
        } catch (ArithmeticException e) {
            // CPython turns an OverflowError raised while packing a Python int into struct.error
            if (toInteger(value) != null) {
                throw new StructError("int too large to convert");
            }
            throw e;
        }
    }

    private static void packScalar(StructCode code, byte[] out, int at, Object value) {
        switch (code.kind) {
            case CHAR:
                if (!(value instanceof byte[]) || ((byte[]) value).length != 1) {
                    throw new StructError("char format requires a bytes object of length 1");
                }
                out[at] = ((byte[]) value)[0];
                break;
            case BOOL:
                out[at] = (byte) (truthy(value) ? 1 : 0);
                break;
            case INT:
                writeBits(out, at, code.size, code.bigEndian, checkedInteger(code, value).longValue());
                break;
            case HALF:
                writeBits(out, at, 2, code.bigEndian, StructFloats.toHalf(toDouble(value)));
                break;
            case FLOAT:
                writeBits(out, at, 4, code.bigEndian, StructFloats.toFloat(toDouble(value), code.checkFloatOverflow));
                break;
            case DOUBLE:
                writeBits(out, at, 8, code.bigEndian, Double.doubleToRawLongBits(toDouble(value)));
                break;
            default:
                throw new AssertionError(code.kind);
        }
    }

    private static void packString(byte[] out, int at, int count, Object value) {
        if (!(value instanceof byte[])) {
            throw new StructError("argument for 's' must be a bytes object");
        }
        byte[] b = (byte[]) value;
        System.arraycopy(b, 0, out, at, Math.min(b.length, count)); // truncated or zero-padded
    }

    private static void packPascal(byte[] out, int at, int count, Object value) {
        if (!(value instanceof byte[])) {
            throw new StructError("argument for 'p' must be a bytes object");
        }
        if (count == 0) {
            return;
        }
        byte[] b = (byte[]) value;
        int n = Math.min(b.length, count - 1);
        System.arraycopy(b, 0, out, at + 1, n);
        out[at] = (byte) Math.min(n, 255); // the length byte saturates at 255
    }

    /** The value as an exact integer, range-checked with CPython's two-step messages. */
    private static BigInteger checkedInteger(StructCode code, Object value) {
        BigInteger v = toInteger(value);
        if (v == null) {
            throw new StructError("required argument is not an integer");
        }
        if (!code.domain.contains(v)) {
            throw new StructError(code.domainMessage);
        }
        if (code.rangeMessage != null && (v.compareTo(code.min) < 0 || v.compareTo(code.max) > 0)) {
            throw new StructError(code.rangeMessage);
        }
        return v;
    }

    /** A Python int's Java forms: the integral boxes, BigInteger, and Boolean (bool is an int). */
    private static BigInteger toInteger(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return (BigInteger) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? BigInteger.ONE : BigInteger.ZERO;
        }
        return null;
    }

    private static double toDouble(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        BigInteger i = toInteger(value);
        if (i != null) {
            double d = i.doubleValue(); // correctly rounded, as Python's int -> float
            if (Double.isInfinite(d)) { // Python: OverflowError, which struct reports as below
                throw new StructError("required argument is not a float");
            }
            return d;
        }
        throw new StructError("required argument is not a float");
    }

    /** Python truthiness for the {@code ?} code. */
    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue() != 0.0;
        }
        if (value instanceof BigInteger) {
            return ((BigInteger) value).signum() != 0;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue() != 0;
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).length != 0;
        }
        if (value instanceof Object[]) {
            return ((Object[]) value).length != 0;
        }
        if (value instanceof CharSequence) {
            return ((CharSequence) value).length() != 0;
        }
        if (value instanceof Collection) {
            return !((Collection<?>) value).isEmpty();
        }
        if (value instanceof Map) {
            return !((Map<?, ?>) value).isEmpty();
        }
        return true;
    }

    private static void writeBits(byte[] out, int at, int n, boolean bigEndian, long bits) {
        for (int k = 0; k < n; k++) {
            byte b = (byte) (bits >>> (8 * k));
            out[bigEndian ? at + n - 1 - k : at + k] = b;
        }
    }

    // ---------------------------------------------------------------- unpacking

    private Object[] unpackAt(byte[] buffer, int base) {
        Object[] out = new Object[valueCount];
        int v = 0;
        for (Item it : items) {
            StructCode code = it.code;
            int at = base + it.offset;
            switch (code.kind) {
                case PAD:
                    break;
                case STRING: {
                    byte[] b = new byte[it.count];
                    System.arraycopy(buffer, at, b, 0, it.count);
                    out[v++] = b;
                    break;
                }
                case PASCAL:
                    out[v++] = unpackPascal(buffer, at, it.count);
                    break;
                default:
                    for (int k = 0; k < it.count; k++) {
                        out[v++] = unpackOne(code, buffer, at + k * code.size);
                    }
            }
        }
        return out;
    }

    private static byte[] unpackPascal(byte[] buffer, int at, int count) {
        if (count == 0) {
            return new byte[0]; // CPython 3.11 raises SystemError here; an empty string is the sane answer
        }
        int n = Math.min(buffer[at] & 0xff, count - 1);
        byte[] b = new byte[n];
        System.arraycopy(buffer, at + 1, b, 0, n);
        return b;
    }

    private static Object unpackOne(StructCode code, byte[] buffer, int at) {
        switch (code.kind) {
            case CHAR:
                return new byte[] {buffer[at]};
            case BOOL:
                return buffer[at] != 0;
            case INT: {
                long bits = readBits(buffer, at, code.size, code.bigEndian);
                if (code.unpacksToBigInteger()) {
                    return new BigInteger(Long.toUnsignedString(bits));
                }
                if (code.signed && code.size < 8) {
                    int unused = 64 - 8 * code.size;
                    bits = (bits << unused) >> unused; // sign-extend
                }
                return bits;
            }
            case HALF:
                return StructFloats.fromHalf((int) readBits(buffer, at, 2, code.bigEndian));
            case FLOAT:
                return StructFloats.fromFloat((int) readBits(buffer, at, 4, code.bigEndian));
            case DOUBLE:
                return Double.longBitsToDouble(readBits(buffer, at, 8, code.bigEndian));
            default:
                throw new AssertionError(code.kind);
        }
    }

    private static long readBits(byte[] buffer, int at, int n, boolean bigEndian) {
        long bits = 0;
        for (int k = 0; k < n; k++) {
            long b = buffer[bigEndian ? at + n - 1 - k : at + k] & 0xffL;
            bits |= b << (8 * k);
        }
        return bits;
    }

    private static long alignUp(long size, int align) {
        long rest = size % align;
        return rest == 0 ? size : size + (align - rest);
    }

    /** Python's {@code Py_ISSPACE}: ASCII whitespace only. */
    private static boolean isPythonSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
    }
}
