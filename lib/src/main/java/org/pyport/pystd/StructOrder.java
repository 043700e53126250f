package org.pyport.pystd;

/**
 * The byte-order prefix of a {@code struct} format: the first character, if it is one of
 * {@code @ = < > !}.
 *
 * <p>Native mode ({@code @}, the default) models x86-64 Linux whatever machine the JVM runs on:
 * little-endian, {@code long} is 8 bytes, and every item is aligned to its own size. That keeps
 * results identical to CPython on the machines this project targets.
 */
enum StructOrder {
    /** {@code @}: native byte order, native sizes, native alignment. */
    NATIVE('@', true, false),
    /** {@code =}: native byte order (little-endian on x86-64), standard sizes, no alignment. */
    NATIVE_ORDER('=', false, false),
    /** {@code <}: little-endian, standard sizes, no alignment. */
    LITTLE('<', false, false),
    /** {@code >}: big-endian, standard sizes, no alignment. */
    BIG('>', false, true),
    /** {@code !}: network order (= big-endian), standard sizes, no alignment. */
    NETWORK('!', false, true);

    final char symbol;
    /** Native sizes and alignment (only {@code @}). */
    final boolean nativeSizes;
    final boolean bigEndian;

    StructOrder(char symbol, boolean nativeSizes, boolean bigEndian) {
        this.symbol = symbol;
        this.nativeSizes = nativeSizes;
        this.bigEndian = bigEndian;
    }

    /** The order a prefix character selects, or {@code null} if it is not a prefix. */
    static StructOrder ofPrefix(char c) {
        for (StructOrder o : values()) {
            if (o.symbol == c) {
                return o;
            }
        }
        return null;
    }
}
