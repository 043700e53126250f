package org.pyport.check;

/**
 * A block of code that may throw anything, checked exceptions included (for {@link Checks#raises} and
 * {@link Capture}). It extends {@link Runnable} on purpose: for a lambda, overloads taking both
 * {@code Runnable} and {@code ThrowingRunnable} then resolve to this more specific type instead of being
 * ambiguous; {@link #run()} rethrows checked exceptions unchanged.
 */
@FunctionalInterface
public interface ThrowingRunnable extends Runnable {
    /** Runs the block. */
    void runThrowing() throws Throwable;

    /** Runs the block, rethrowing any exception as is (checked ones without wrapping). */
    @Override
    default void run() {
        try {
            runThrowing();
        } catch (Throwable t) {
            throw Sneaky.<RuntimeException>rethrow(t);
        }
    }
}
