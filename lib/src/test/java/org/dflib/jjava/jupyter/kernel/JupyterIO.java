package org.dflib.jjava.jupyter.kernel;

/** Test stand-in for JJava's JupyterIO. */
public class JupyterIO {
    public final DisplayStream display = new DisplayStream();
}
