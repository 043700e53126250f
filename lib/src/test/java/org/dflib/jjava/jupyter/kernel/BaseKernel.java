package org.dflib.jjava.jupyter.kernel;

import java.util.Objects;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Test stand-in for JJava's BaseKernel: a test installs an instance in {@link #notebookKernel}. */
public class BaseKernel {
    public static BaseKernel notebookKernel;
    private final JupyterIO io = new JupyterIO();

    public static BaseKernel notebookKernel() {
        return Objects.requireNonNull(notebookKernel, "No kernel running");
    }

    public JupyterIO getIO() {
        return io;
    }

    public void display(DisplayData d) {
        io.display.display(d);
    }
}
