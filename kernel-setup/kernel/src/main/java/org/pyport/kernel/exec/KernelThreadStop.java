package org.pyport.kernel.exec;

/**
 * Thrown into the kernel's own thread (the shell loop) by an interrupt that its request did not honour: a
 * compilation that does not end, a {@code toString()} that loops while a value is shown. An
 * {@code IllegalStateException} because javac passes those on as they are; anything else thrown inside javac is
 * printed as a compiler bug ("An exception has occurred in the compiler...") on the cell's stderr.
 */
public final class KernelThreadStop extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Makes the exception; its stack trace is not filled (it is never shown). */
    public KernelThreadStop() {
        super("stopped by an interrupt", null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
