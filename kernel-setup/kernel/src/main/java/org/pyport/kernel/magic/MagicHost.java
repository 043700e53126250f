package org.pyport.kernel.magic;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.pyport.kernel.exec.JShellEvaluator;

/**
 * What a magic may ask of the kernel that runs it (implemented by the kernel itself), so that magics need not know
 * the kernel class.
 */
public interface MagicHost {

    /** @return true if the running cell was asked to stop */
    boolean interruptRequested();

    /** @return the evaluator, waiting for JShell's start-up if needed */
    JShellEvaluator evaluator();

    /**
     * Adds jars or class folders to the class path of later cells and to {@code pyport.classpath}.
     *
     * @param entries absolute paths of jars or folders
     */
    void addToClasspath(List<String> entries);

    /**
     * Defines (or redefines) {@code String name} in the notebook, holding {@code value}.
     *
     * @param name  a Java identifier
     * @param value the text
     */
    void defineString(String name, String value);

    /**
     * Runs code as a cell would, in the running cell.
     *
     * @param code Java code and magics
     * @return the value of its last part
     */
    Object evalNested(String code);

    /** @return the kernel as JJava's type, which the magics of JJava extensions are given */
    BaseKernel jjavaKernel();
}
