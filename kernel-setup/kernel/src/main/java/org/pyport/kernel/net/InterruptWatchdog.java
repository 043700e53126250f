package org.pyport.kernel.net;

import org.pyport.kernel.exec.CellExecutionControl;
import org.pyport.kernel.exec.KernelThreads;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes an interrupt end the shell request it was meant for, also when no cell code runs: a compilation that does
 * not end (javac takes exponential time on some nested calls), a value whose {@code toString()} loops while it is
 * shown, a wait for JShell's start. Half a second after an interrupt, if the request is still handled and no cell
 * invocation has ended since (which would mean the interrupt reached cell code and the request is about to end by
 * itself), the shell loop's thread is stopped where it is ({@link BlockingShellChannel#stopRequest}), a few times at
 * most, until the request ends.
 */
final class InterruptWatchdog {

    private static final long FIRST_CHECK_MILLIS = 500;
    private static final long CHECK_MILLIS = 250;
    private static final int CHECKS = 5;

    private final BlockingShellChannel shell;
    private ScheduledExecutorService timer;

    InterruptWatchdog(BlockingShellChannel shell) {
        this.shell = shell;
    }

    /** An interrupt request was handled: watch the shell request running now, if any. */
    synchronized void interrupted() {
        RequestEnvironment request = shell.currentRequest();
        if (request == null) {
            return;
        }
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, KernelThreads.INTERRUPT_WATCHDOG);
                t.setDaemon(true);
                return t;
            });
        }
        long cellsEnded = CellExecutionControl.invocationsEnded();
        timer.schedule(() -> check(request, cellsEnded, 1), FIRST_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void check(RequestEnvironment request, long cellsEnded, int n) {
        if (shell.currentRequest() != request || CellExecutionControl.invocationsEnded() != cellsEnded) {
            return;
        }
        shell.stopRequest(request);
        if (n < CHECKS) {
            timer.schedule(() -> check(request, cellsEnded, n + 1), CHECK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the timer thread. */
    synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
