package org.pyport.kernel.runtime;

/**
 * Stands in for {@code System.exit} and {@code Runtime.exit}/{@code halt} in code defined in notebook cells (the kernel rewrites those calls):
 * exiting would kill the kernel and lose the notebook's state, so the call fails instead.
 */
public final class ExitGuard {

    private ExitGuard() {
    }

    /**
     * Refuses to exit.
     *
     * @param status the exit status the cell asked for
     * @throws ExitNotAllowedException always
     */
    public static void exit(int status) {
        throw new ExitNotAllowedException(status);
    }

    /**
     * Stands in for {@code Runtime.getRuntime().exit(status)} and {@code halt(status)}: refuses to exit.
     *
     * @param runtime the runtime the cell asked to exit
     * @param status  the exit status the cell asked for
     * @throws ExitNotAllowedException always
     */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitNotAllowedException(status);
    }

    /** Thrown instead of exiting the kernel's JVM. */
    public static final class ExitNotAllowedException extends RuntimeException {
        private final int status;

        ExitNotAllowedException(int status) {
            super("exit(" + status + ") was not run: it would stop the kernel. "
                    + "Use return or an exception to leave the cell (restart the kernel to start afresh).");
            this.status = status;
        }

        /** @return the status passed to {@code System.exit} */
        public int status() {
            return status;
        }
    }
}
