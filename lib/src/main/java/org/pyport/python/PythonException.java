package org.pyport.python;

/** A python3 run that failed; {@link #result()} holds its output. */
public class PythonException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PyResult result;

    /** Creates the exception. */
    public PythonException(String message, PyResult result) {
        super(message);
        this.result = result;
    }

    /** The failed run's result, or null when python3 could not be started at all. */
    public PyResult result() {
        return result;
    }
}
