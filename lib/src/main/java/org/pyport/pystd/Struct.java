package org.pyport.pystd;

import java.util.List;

/**
 * Python's {@code struct} module for Java: convert between Java values and packed binary data,
 * byte for byte as CPython 3.11 on x86-64 Linux does.
 *
 * <pre>{@code
 * byte[] b = Struct.pack(">I", 10240099);                    // b'\x00\x9c@c'
 * Object[] t = Struct.unpack(">IH", new byte[] {...});        // (4042322160, 32896)
 * int n = Struct.calcsize("<ccIIIIIIHH");                     // 30
 * }</pre>
 *
 * <h2>Format</h2>
 * An optional first character chooses byte order, sizes and alignment:
 * <table>
 * <caption>byte order</caption>
 * <tr><th>char</th><th>byte order</th><th>size</th><th>alignment</th></tr>
 * <tr><td>{@code @} (default)</td><td>native (little-endian)</td><td>native (x86-64: {@code l} is 8 bytes)</td><td>native</td></tr>
 * <tr><td>{@code =}</td><td>native (little-endian)</td><td>standard</td><td>none</td></tr>
 * <tr><td>{@code <}</td><td>little-endian</td><td>standard</td><td>none</td></tr>
 * <tr><td>{@code >}, {@code !}</td><td>big-endian (network)</td><td>standard</td><td>none</td></tr>
 * </table>
 * then codes, each optionally preceded by a repeat count ({@code 4s}, {@code 3h}); ASCII whitespace
 * between codes is ignored. Native mode is x86-64 Linux whatever the JVM's host is.
 *
 * <h2>Java types</h2>
 * <table>
 * <caption>codes and their Java values</caption>
 * <tr><th>code</th><th>C type</th><th>standard size</th><th>{@code pack} accepts</th><th>{@code unpack} returns</th></tr>
 * <tr><td>{@code x}</td><td>pad byte</td><td>1</td><td>no value</td><td>no value</td></tr>
 * <tr><td>{@code c}</td><td>char</td><td>1</td><td>{@code byte[]} of length 1</td><td>{@code byte[]} of length 1</td></tr>
 * <tr><td>{@code b B h H i I l L q}</td><td>integers</td><td>1 1 2 2 4 4 4 4 8</td>
 *     <td>{@code Long}, {@code Integer}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code Boolean}</td>
 *     <td>{@code Long}</td></tr>
 * <tr><td>{@code Q}; native {@code L N P}</td><td>unsigned 8-byte</td><td>8</td><td>as above</td>
 *     <td>{@code BigInteger} (values up to 2**64-1 do not fit a {@code long})</td></tr>
 * <tr><td>native {@code n}</td><td>ssize_t</td><td>8</td><td>as above</td><td>{@code Long}</td></tr>
 * <tr><td>{@code ?}</td><td>_Bool</td><td>1</td><td>anything, by Python truthiness</td><td>{@code Boolean}</td></tr>
 * <tr><td>{@code e f d}</td><td>half, float, double</td><td>2 4 8</td><td>{@code Double}, {@code Float} or an integer</td><td>{@code Double}</td></tr>
 * <tr><td>{@code s p}</td><td>char[]</td><td>count</td><td>{@code byte[]} (one value per item, whatever the count)</td><td>{@code byte[]}</td></tr>
 * </table>
 *
 * <h2>Errors</h2>
 * Bad formats, wrong value counts, values of the wrong type or out of range and short buffers throw
 * {@link StructError} with CPython's message text ({@code "'i' format requires -2147483648 <= number
 * <= 2147483647"}); a float too large for {@code e} or {@code f} throws {@link ArithmeticException},
 * as CPython raises {@code OverflowError}.
 *
 * <h2>Differences from CPython</h2>
 * <ul>
 * <li>A packed size must fit a Java array (2**31-1 bytes; CPython allows 2**63-1).</li>
 * <li>{@code packInto} leaves the buffer untouched when a value is bad.</li>
 * <li>{@code 0p} packs nothing and unpacks to an empty {@code byte[]}; CPython 3.11 writes a stray
 *     0xff byte when packing it and raises {@code SystemError} when unpacking it.</li>
 * <li>The sign and payload of a NaN unpacked from {@code e} are not preserved (CPython 3.11 flips the
 *     sign); NaNs from {@code f} and {@code d} keep them as on x86.</li>
 * <li>A non-ASCII format character is "bad char in struct format" (CPython: {@code UnicodeEncodeError}).</li>
 * </ul>
 */
public final class Struct {
    private Struct() {
    }

    /** Parses a format once for repeated use: Python's {@code struct.Struct(format)}. */
    public static StructFormat compile(String format) {
        return StructFormat.compile(format);
    }

    /** Python's {@code struct.pack(format, v1, v2, ...)}. */
    public static byte[] pack(String format, Object... values) {
        return StructFormat.compile(format).pack(values);
    }

    /** Python's {@code struct.pack_into(format, buffer, offset, v1, v2, ...)}. */
    public static void packInto(String format, byte[] buffer, int offset, Object... values) {
        StructFormat.compile(format).packInto(buffer, offset, values);
    }

    /** Python's {@code struct.unpack(format, buffer)}: the buffer must be exactly {@code calcsize(format)} bytes. */
    public static Object[] unpack(String format, byte[] buffer) {
        return StructFormat.compile(format).unpack(buffer);
    }

    /** Python's {@code struct.unpack_from(format, buffer, offset)}; a negative offset counts from the end. */
    public static Object[] unpackFrom(String format, byte[] buffer, int offset) {
        return StructFormat.compile(format).unpackFrom(buffer, offset);
    }

    /** Python's {@code struct.unpack_from(format, buffer)}: from offset 0. */
    public static Object[] unpackFrom(String format, byte[] buffer) {
        return unpackFrom(format, buffer, 0);
    }

    /** Python's {@code struct.iter_unpack(format, buffer)}, as a list. */
    public static List<Object[]> iterUnpack(String format, byte[] buffer) {
        return StructFormat.compile(format).iterUnpack(buffer);
    }

    /** Python's {@code struct.calcsize(format)}: the number of bytes the format packs to. */
    public static int calcsize(String format) {
        return StructFormat.compile(format).size();
    }
}
