package org.pyport.kernel;

import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.magic.MagicCall;
import org.pyport.kernel.magic.MagicRegistry;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one cell: a cell magic gets the whole cell; otherwise its Java code and line magics run in order, the Java
 * by JShell, the magics from the {@link MagicRegistry}. The cell shows the value of its last part, as IJava does
 * (also after a {@code ;}), except a magic's (unless it is one that shows values, as {@code %time}) and a display id
 * that a display of the same cell returned.
 */
final class CellRunner {

    private final PyportKernel kernel;
    private final MagicRegistry magics;
    /** ids of the displays the running cell showed */
    private final Set<String> displayIds = ConcurrentHashMap.newKeySet();

    CellRunner(PyportKernel kernel, MagicRegistry magics) {
        this.kernel = kernel;
        this.magics = magics;
    }

    /** Notes a display of the running cell, whose id then is not shown as the cell's value. */
    void displayed(String displayId) {
        if (displayId != null) {
            displayIds.add(displayId);
        }
    }

    /**
     * @param code the cell
     * @return its value, or null
     * @throws CellError when it fails (an unknown magic or a magic's own exception included)
     */
    Object run(String code) {
        JShellEvaluator evaluator = kernel.startCell();
        displayIds.clear();
        Object value = runWithin(code, evaluator);
        return value instanceof String id && displayIds.contains(id) ? null : value;
    }

    /**
     * Runs code within the running cell (from {@code %load} or the notebook's {@code eval(code)}).
     *
     * @param code Java code and magics
     * @return the value of its last part
     */
    Object runNested(String code) {
        return runWithin(code, kernel.evaluator());
    }

    /**
     * Runs a line magic written in Java code as a value ({@code List<String> added = %jars x.jar}).
     *
     * @return its value
     */
    Object runMagic(String name, String rawArgs, int line) {
        return call(() -> magics.run(kernel, new MagicCall(name, rawArgs, CellParser.split(rawArgs), null, line)));
    }

    private Object runWithin(String code, JShellEvaluator evaluator) {
        CellParser.CellMagicCall cell = CellParser.cellMagic(code);
        if (cell != null) {
            MagicCall call = new MagicCall(cell.name(), cell.rawArgs(), cell.args(), cell.body(), cell.bodyLine());
            return call(() -> magicValue(call));
        }
        return call(() -> {
            Object value = null;
            for (CellParser.Part part : CellParser.parts(code)) {
                if (evaluator.interruptRequested()) {
                    throw JShellEvaluator.interruptedError();
                }
                if (part.isMagic()) {
                    value = magicValue(new MagicCall(part.magic(), part.rawArgs(), part.args(), null, part.line()));
                } else {
                    value = evaluator.eval(CellParser.inlineMagics(part.code(), part.line()), part.line());
                }
            }
            return value;
        });
    }

    private Object magicValue(MagicCall call) throws Exception {
        Object value = magics.run(kernel, call);
        return magics.showsValue(call) ? value : null;
    }

    private interface Step {
        Object run() throws Exception;
    }

    /** Runs a step, with what fails in it as a {@link CellError}. */
    private Object call(Step step) {
        try {
            return step.run();
        } catch (CellError e) {
            throw e;
        } catch (UndefinedMagicException e) {
            throw new CellError("UndefinedMagic", e.getMessage(), List.of(e.getMessage(),
                    "Line magics: " + magics.getLineMagicNames() + ", cell magics: " + magics.getCellMagicNames()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CellError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(e.toString()));
        }
    }
}
