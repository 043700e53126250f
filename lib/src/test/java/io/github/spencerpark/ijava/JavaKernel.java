package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.JupyterIO;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/** Test stand-in for IJava's JavaKernel (a BaseKernel). */
public class JavaKernel {
    private final JupyterIO io = new JupyterIO();

    public JupyterIO getIO() {
        return io;
    }

    public void display(DisplayData d) {
        io.display.display(d);
    }
}
