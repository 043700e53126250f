package org.pyport.kernel.exec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JVM TI's {@code StopThread} through a small JNI library of the kernel ({@code src/main/c/pyport_threadstop.c},
 * built by the installer): on JDK 20+, where {@code Thread.stop} throws, the only way to stop a thread that runs
 * inside the JDK (a regular expression backtracking for ever, a {@code BigInteger} computation) without leaving
 * the process; on any JDK, the way to throw an exception other than {@code ThreadDeath}. The library is loaded the first time a thread has to be stopped, from the path in the system
 * property {@value #LIBRARY_PROPERTY}; without it (no C compiler at install time, another platform) nothing is
 * stopped this way and {@link #problem()} says why.
 */
final class JvmtiThreadStop {

    /** System property: the JNI library's path ({@code kernel.json} sets it). */
    static final String LIBRARY_PROPERTY = "pyport.threadStopLibrary";

    /** JVM TI's JVMTI_ERROR_THREAD_NOT_ALIVE: the thread ended before the exception was sent. */
    private static final int THREAD_NOT_ALIVE = 15;

    private static boolean tried;
    private static volatile String problem = "not loaded yet";

    private JvmtiThreadStop() {
    }

    /** @return true if the library is loaded (loads it from {@value #LIBRARY_PROPERTY} on the first call) */
    static synchronized boolean available() {
        if (!tried) {
            load(System.getProperty(LIBRARY_PROPERTY));
        }
        return problem == null;
    }

    /**
     * Loads the library (package-private for the test).
     *
     * @return null once {@code library} is loaded, else why it is not
     */
    static synchronized String load(String library) {
        tried = true;
        problem = loadProblem(library);
        return problem;
    }

    private static String loadProblem(String library) {
        if (library == null || library.isBlank()) {
            return "the kernel was started without -D" + LIBRARY_PROPERTY;
        }
        if (!Files.isRegularFile(Path.of(library))) {
            return library + " is missing (kernel-setup/install.sh builds it when a C compiler is installed)";
        }
        try {
            System.load(library);
            return null;
        } catch (Throwable e) {
            return "cannot load " + library + ": " + e;
        }
    }

    /** @return why threads cannot be stopped this way, or null if they can */
    static String problem() {
        return available() ? null : problem;
    }

    /**
     * Throws {@code exception} into {@code thread} at its next safepoint (at once if it runs Java code; when it
     * returns if it is blocked in native code or waits for a lock).
     *
     * @return true if the exception was sent or the thread has ended, false if it cannot be sent
     */
    static boolean stop(Thread thread, Throwable exception) {
        if (!available()) {
            return false;
        }
        int error = stop0(thread, exception);
        if (error == 0 || error == THREAD_NOT_ALIVE) {
            return true;
        }
        problem = "JVM TI StopThread failed with error " + error;
        return false;
    }

    private static native int stop0(Thread thread, Throwable exception);
}
