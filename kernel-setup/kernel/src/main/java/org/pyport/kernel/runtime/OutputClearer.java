package org.pyport.kernel.runtime;

/**
 * What a kernel does for {@link NotebookDisplay#clearOutput(boolean)}: the runtime cannot reach the cell's message channel
 * itself, and the kernel batches stream text, which must reach the front end before the clear does.
 */
public interface OutputClearer {

    /**
     * Sends what the cell printed so far, then Jupyter's {@code clear_output} message to the running cell (or, once
     * it finished, to the last cell, where its background threads' output goes).
     *
     * @param wait true: the front end clears when the next output arrives instead of now
     */
    void clearOutput(boolean wait);
}
