package org.dflib.jjava.jupyter.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

/**
 * Bridge to {@link JupyterIO}'s package-private attach/detach methods. The pyport kernel re-implements
 * {@code BaseKernel.handleExecuteRequest} (to publish its own error names and tracebacks instead of the kernel's
 * Java stack trace), and attaching the cell's output streams is only possible from this package.
 */
public final class JupyterIOAccess {

    private JupyterIOAccess() {
    }

    /**
     * Routes the kernel's stdout/stderr/display streams to the request being handled.
     *
     * @param io           the kernel's streams
     * @param env          the request's reply environment
     * @param stdinEnabled whether the front end accepts input requests
     */
    public static void attach(JupyterIO io, ShellReplyEnvironment env, boolean stdinEnabled) {
        io.setEnv(env);
        io.setJupyterInEnabled(stdinEnabled);
    }

    /**
     * Detaches the streams from a finished request.
     *
     * @param io  the kernel's streams
     * @param env the request's reply environment
     */
    public static void detach(JupyterIO io, ShellReplyEnvironment env) {
        io.retractEnv(env);
    }
}
