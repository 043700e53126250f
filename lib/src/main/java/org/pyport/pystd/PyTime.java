package org.pyport.pystd;

/**
 * Python's {@code time.sleep(seconds)} for the ports: seconds as a {@code double}, and no checked exception, so a
 * port reads like its original inside a lambda ({@code Thread.sleep} takes milliseconds and throws
 * {@link InterruptedException}). One home for the helper that notebooks 04, 05 and 07 each used to define.
 */
public final class PyTime {
    private PyTime() {
    }

    /**
     * Waits {@code seconds} (fractions allowed, as in Python) without using the CPU.
     *
     * @param seconds how long; 0 returns at once
     * @throws IllegalArgumentException if {@code seconds} is negative or not a number, like Python's ValueError
     * @throws IllegalStateException    if the thread is interrupted while it waits; the interrupt flag is set again
     */
    public static void sleep(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("sleep length must be non-negative: " + seconds);
        }
        long nanos = (long) (seconds * 1e9);
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted in sleep(" + seconds + ")", e);
        }
    }
}
