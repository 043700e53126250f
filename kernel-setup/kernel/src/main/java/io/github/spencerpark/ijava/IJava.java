package io.github.spencerpark.ijava;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/** IJava's entry point as notebooks use it: {@code IJava.getKernelInstance()}. */
public final class IJava {

    private static volatile JavaKernel view;

    private IJava() {
    }

    /** @return the running kernel, as IJava's {@link JavaKernel} */
    public static JavaKernel getKernelInstance() {
        BaseKernel kernel = BaseKernel.notebookKernel();
        JavaKernel current = view;
        if (current == null || !current.isViewOf(kernel)) {
            current = new JavaKernel(kernel);
            view = current;
        }
        return current;
    }
}
