package org.pyport.kernel.exec;

import java.util.List;

/**
 * A cell failed: it did not compile, threw, or was interrupted. Carries the lines shown to the user
 * (the Jupyter "traceback"), already free of kernel and JShell internals.
 */
public class CellError extends RuntimeException {

    private final String name;
    private final List<String> traceback;

    /**
     * @param name      short error name shown by front ends (Jupyter's {@code ename})
     * @param message   one-line description (Jupyter's {@code evalue})
     * @param traceback the lines to show
     */
    public CellError(String name, String message, List<String> traceback) {
        super(message);
        this.name = name;
        this.traceback = List.copyOf(traceback);
    }

    /** @return the error name, e.g. {@code java.lang.ArithmeticException} or {@code CompilationError} */
    public String name() {
        return name;
    }

    /** @return the lines to show to the user */
    public List<String> traceback() {
        return traceback;
    }

    @Override
    public String getLocalizedMessage() {
        return name + ": " + getMessage();
    }
}
