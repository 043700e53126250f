package io.github.spencerpark.jupyter.kernel;

/** Test stand-in for IJava's JupyterIO. */
public class JupyterIO {
    public final DisplayStream display = new DisplayStream();
}
