package org.pyport.kernel.exec;

import java.util.List;

/**
 * A cell on which JShell's compiler itself failed, told as a compilation error: javac's recursive descent
 * overflows the stack on code nested thousands of levels deep, and some malformed input trips an assertion inside
 * JShell's analysis ({@code InternalError: Exception during analyze}). JShell stays usable after either.
 */
final class CompilerFailure {

    private CompilerFailure() {
    }

    /**
     * @param failure what JShell threw while analysing or compiling the code
     * @param line    0-based line of the cell where the code being compiled starts
     * @return the error to show in the cell
     */
    static CellError of(Throwable failure, int line) {
        String at = "line " + (line + 1);
        if (failure instanceof StackOverflowError) {
            return new CellError("CompilationError", "code nested too deeply to compile (" + at + ")", List.of(
                    "Compilation error at " + at + ":",
                    "    the code is nested too deeply for the Java compiler (its stack overflowed).",
                    "    Split it into smaller parts: local variables, methods, or a loop over data."));
        }
        return new CellError("CompilationError", "JShell cannot compile this code (" + at + "): " + failure, List.of(
                "Compilation error at " + at + ":",
                "    JShell's compiler failed on this code: " + failure,
                "    (a JShell bug that malformed code can trigger; look for a syntax error near " + at + ")"));
    }
}
