package org.pyport.kernel.exec;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops a thread wherever it is, as {@code Thread.stop} did: an exception is thrown in it. By JVM TI's
 * {@code StopThread} ({@link JvmtiThreadStop}) when its library is there, which can throw any exception; otherwise,
 * on JDK 17-19, by {@code Thread.stop} ({@code ThreadDeath} only); on JDK 20+ without the library not at all. For what
 * cooperative means cannot reach: cell code spinning inside the JDK, a compilation that does not end. A thread may
 * {@linkplain #shield shield} a region it must not be stopped in (waiting for a cell, writing to a socket).
 */
public final class ThreadStopper {

    private static final boolean THREAD_STOP_WORKS = Runtime.version().feature() < 20;
    private static final Map<Thread, Integer> SHIELDED = new ConcurrentHashMap<>();

    private ThreadStopper() {
    }

    /**
     * Sends a {@code ThreadDeath} to {@code thread}.
     *
     * @return true if it was sent (or the thread has ended), false if threads cannot be stopped on this JVM
     */
    public static boolean stop(Thread thread) {
        return stop(thread, new ThreadDeath());
    }

    /**
     * Throws {@code exception} in {@code thread}, or a {@code ThreadDeath} where only {@code Thread.stop} is available.
     * The thread's interrupt flag is set too (the JVM does that to wake it from a wait).
     *
     * @return true if it was sent (or the thread has ended), false if threads cannot be stopped on this JVM
     */
    @SuppressWarnings({"deprecation", "removal"})
    public static boolean stop(Thread thread, Throwable exception) {
        if (JvmtiThreadStop.available()) {
            return JvmtiThreadStop.stop(thread, exception);
        }
        if (THREAD_STOP_WORKS) {
            thread.stop();
            return true;
        }
        return false;
    }

    /** @return true if {@link #stop} can stop threads running inside the JDK on this JVM */
    public static boolean canStopJdkCode() {
        return JvmtiThreadStop.available() || THREAD_STOP_WORKS;
    }

    /** @return why {@link #stop} cannot stop threads on this JVM, or null if it can */
    public static String whyNot() {
        return canStopJdkCode() ? null : JvmtiThreadStop.problem();
    }

    /** @return true if {@code thread} is inside a {@linkplain #shield shielded} region */
    public static boolean isShielded(Thread thread) {
        return SHIELDED.containsKey(thread);
    }

    /**
     * Marks the calling thread as not to be stopped (by those who check {@link #isShielded}) until the result is
     * closed; regions nest. A stop sent just before the region starts may still arrive in it: keep regions small.
     *
     * @return closes the region
     */
    public static Shield shield() {
        Thread self = Thread.currentThread();
        SHIELDED.merge(self, 1, Integer::sum);
        return () -> SHIELDED.computeIfPresent(self, (t, n) -> n == 1 ? null : n - 1);
    }

    /** A shielded region; closing it does not throw. */
    public interface Shield extends AutoCloseable {
        @Override
        void close();
    }
}
