package org.pyport.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

import java.nio.charset.Charset;

/**
 * The kernel's display and input streams, attached to the execute request being handled. JJava keeps attaching
 * to itself ({@code JupyterIO}'s methods are protected); the kernel handles execute requests on its own (its error
 * names and tracebacks are made for people), so it attaches through this subclass.
 */
final class CellIO extends JupyterIO {

    CellIO(Charset encoding) {
        super(encoding);
    }

    /**
     * Routes the display stream and stdin to the request being handled.
     *
     * @param env          the request's reply environment
     * @param stdinEnabled whether the front end accepts input requests
     */
    void attach(ShellReplyEnvironment env, boolean stdinEnabled) {
        setEnv(env);
        setJupyterInEnabled(stdinEnabled);
    }

    /** Detaches the streams from a finished request. */
    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
