package org.pyport.pystd;

/**
 * Java counterpart of Python's {@code struct.error}.
 *
 * <p>The message is the text CPython 3.11 (x86-64 Linux) puts in its {@code struct.error}, so a
 * notebook can print both side by side, e.g. {@code "ubyte format requires 0 <= number <= 255"} or
 * {@code "unpack requires a buffer of 6 bytes"}. Where CPython raises {@code OverflowError} instead
 * (a float too large for the {@code e} or {@code f} codes), {@link Struct} throws an
 * {@link ArithmeticException}, Java's counterpart of Python's {@code ArithmeticError}.
 */
public class StructError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the message CPython would print
     */
    public StructError(String message) {
        super(message);
    }
}
