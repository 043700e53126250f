package org.pyport.kernel.exec;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.nio.file.Path;
import java.util.Map;

/** Hands JShell a {@link CellExecutionControl} and remembers it for the evaluator. */
public final class CellExecutionControlProvider implements ExecutionControlProvider {

    private final Path classDir;
    private volatile CellExecutionControl control;

    /** @param classDir where the bytecode of cell-defined classes is written */
    public CellExecutionControlProvider(Path classDir) {
        this.classDir = classDir;
    }

    @Override
    public String name() {
        return "pyport-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new CellExecutionControl(classDir);
        return control;
    }

    /** @return the control generated for the shell, null before JShell asked for it */
    public CellExecutionControl control() {
        return control;
    }
}
