package org.pyport.kernel;

import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.magic.MagicCall;
import org.pyport.kernel.magic.MagicRegistry;

import java.util.List;

/**
 * Runs one cell: a cell magic gets the whole cell; otherwise its Java code and line magics run in order, the Java
 * by JShell, the magics from the {@link MagicRegistry}. The cell's value is the last part's.
 */
final class CellRunner {

    private final PyportKernel kernel;
    private final MagicRegistry magics;

    CellRunner(PyportKernel kernel, MagicRegistry magics) {
        this.kernel = kernel;
        this.magics = magics;
    }

    /**
     * @param code the cell
     * @return its value, or null
     * @throws CellError when it fails (an unknown magic or a magic's own exception included)
     */
    Object run(String code) {
        JShellEvaluator evaluator = kernel.startCell();
        CellParser.CellMagicCall cell = CellParser.cellMagic(code);
        try {
            if (cell != null) {
                return magics.run(kernel, new MagicCall(cell.name(), cell.rawArgs(), cell.args(), cell.body(),
                        cell.bodyLine()));
            }
            Object value = null;
            for (CellParser.Part part : CellParser.parts(code)) {
                if (evaluator.interruptRequested()) {
                    throw JShellEvaluator.interruptedError();
                }
                if (part.isMagic()) {
                    value = magics.run(kernel, new MagicCall(part.magic(), part.rawArgs(), part.args(), null, part.line()));
                } else {
                    value = PyportKernel.quietIfSemicolon(part.code(), evaluator.eval(part.code(), part.line()));
                }
            }
            return value;
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
