package org.rapaio.jupyter.kernel;

/** Test stand-in for rapaio's MainApp with its static kernel field. */
public class MainApp {
    public static RapaioKernel kernel;
}
