package io.github.spencerpark.ijava;

/** Test stand-in for IJava's entry class with its static kernel accessor. */
public class IJava {
    public static JavaKernel kernel;

    public static JavaKernel getKernelInstance() {
        return kernel;
    }
}
