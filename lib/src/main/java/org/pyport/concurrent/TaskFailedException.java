package org.pyport.concurrent;

/**
 * A task failed in a worker process. The remote exception cannot be re-thrown as-is (its class may
 * not even exist here), so its stack trace travels back as text, like multiprocessing's
 * {@code RemoteTraceback}.
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String remoteTrace;

    /** @param message what failed; @param remoteTrace the worker's stack trace (may be empty) */
    public TaskFailedException(String message, String remoteTrace) {
        super(message + (remoteTrace == null || remoteTrace.isEmpty() ? "" : "\n--- remote traceback ---\n" + remoteTrace));
        this.remoteTrace = remoteTrace == null ? "" : remoteTrace;
    }

    /** The stack trace printed in the worker process. */
    public String remoteTrace() {
        return remoteTrace;
    }
}
