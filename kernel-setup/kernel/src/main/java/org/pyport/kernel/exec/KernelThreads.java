package org.pyport.kernel.exec;

import java.util.List;

/**
 * The names of the threads the kernel starts, in one place, and the system property that tells notebook code which
 * threads are the kernel's ({@link #PROPERTY}, published like {@code pyport.cellClassDir}): the helper library's
 * {@code LeakCheck} leaves them out of what a notebook must stop, without knowing the kernel.
 */
public final class KernelThreads {

    /** System property: the name prefixes of the kernel's threads, separated by commas. */
    public static final String PROPERTY = "pyport.kernelThreads";

    /** A cell's thread and its thread group, followed by the cell's number. */
    public static final String CELL = "pyport-cell-";
    /** The shell loop. */
    public static final String SHELL = "pyport-shell";
    /** The control loop. */
    public static final String CONTROL = "pyport-control";
    /** Sends what cells print, in batches (started by the first output). */
    public static final String OUTPUT = "pyport-output-batcher";
    /** Stops the kernel's own thread when an interrupt finds no cell code to stop. */
    public static final String INTERRUPT_WATCHDOG = "pyport-interrupt-watchdog";
    /** Starts JShell while the kernel is built. */
    public static final String JSHELL_START = "pyport-jshell-start";
    /** Keeps JShell's class path indexer paused while cells run. */
    public static final String INDEX_GATE = "pyport-jshell-index-gate";
    /** Adds the JIT directives at start. */
    public static final String COMPILER_DIRECTIVES = "pyport-compiler-directives";
    /** Removes the temp folders of kernels that are gone. */
    public static final String TEMP_SWEEP = "pyport-temp-sweep";
    /** Copies a {@code %%python} cell's output to the cell (one thread per stream, for the cell's time). */
    public static final String PYTHON_OUTPUT = "pyport-python-";
    /** The kernel's shutdown hook. */
    public static final String CLEANUP = "pyport-cleanup";
    /** The kernel the install's training run drives. */
    public static final String TRAINING = "pyport-training-kernel";

    private static final List<String> ALL = List.of(CELL, SHELL, CONTROL, OUTPUT, INTERRUPT_WATCHDOG, JSHELL_START,
            INDEX_GATE, COMPILER_DIRECTIVES, TEMP_SWEEP, PYTHON_OUTPUT, CLEANUP, TRAINING);

    private KernelThreads() {
    }

    /** @return the name prefixes of every thread the kernel starts */
    public static List<String> prefixes() {
        return ALL;
    }

    /** Sets {@link #PROPERTY} for notebook code. */
    public static void publish() {
        System.setProperty(PROPERTY, String.join(",", ALL));
    }
}
