package org.pyport.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

import java.util.List;

/**
 * The kernel as notebook code sees it, statically imported into every notebook with the names IJava's start-up
 * gives it: {@code eval(code)}, {@code lineMagic(name, args)}, {@code cellMagic(name, args, body)},
 * and {@code printf(format, args...)} ({@code getKernelInstance()} is IJava's own, {@code IJava.getKernelInstance}).
 */
public final class Notebook {

    private Notebook() {
    }

    /** What the kernel offers its runtime API (implemented by the kernel itself). */
    public interface Host {
        /**
         * Runs code as a cell would, in the running cell.
         *
         * @param code Java code and magics
         * @return the value of its last part
         */
        Object evalNested(String code);

        /**
         * Runs a line magic from code.
         *
         * @param name    the magic's name
         * @param rawArgs its arguments as written
         * @param line    the cell line it is written on (for errors), 0 when unknown
         * @return the magic's value
         */
        Object lineMagic(String name, String rawArgs, int line);
    }

    private static Host host() {
        BaseKernel kernel = BaseKernel.notebookKernel();
        if (kernel instanceof Host host) {
            return host;
        }
        throw new IllegalStateException("not running in the pyport kernel");
    }

    /**
     * Evaluates code as a cell would (magics included), within the running cell; IJava's and JJava's {@code eval}.
     *
     * @param code Java code
     * @return the value of its last expression, or null
     */
    public static Object eval(String code) {
        return host().evalNested(code);
    }

    /**
     * Runs a line magic; IJava's and JJava's {@code lineMagic}.
     *
     * @param name its name, without {@code %}
     * @param args its words
     * @param <T>  what it returns ({@code %jars} and {@code %classpath}: the added paths)
     * @return its value
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        try {
            return (T) BaseKernel.notebookKernel().getMagicsRegistry().evalLineMagic(BaseKernel.notebookKernel(), name, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("%" + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs a cell magic; IJava's and JJava's {@code cellMagic}.
     *
     * @param name its name, without {@code %%}
     * @param args its words
     * @param body the cell's body
     * @param <T>  what it returns
     * @return its value
     */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        try {
            return (T) BaseKernel.notebookKernel().getMagicsRegistry()
                    .evalCellMagic(BaseKernel.notebookKernel(), name, args, body);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("%%" + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * What a magic written where a value goes ({@code List<String> added = %jars x.jar}) is replaced with.
     *
     * @param name    the magic's name
     * @param rawArgs its arguments as written
     * @param line    the cell line it is on
     * @param <T>     what it returns
     * @return its value
     */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagicAt(String name, String rawArgs, int line) {
        return (T) host().lineMagic(name, rawArgs, line);
    }

    /**
     * Prints formatted text to the cell's output, as IJava's start-up {@code printf} does.
     *
     * @param format a {@link java.util.Formatter} format
     * @param args   its arguments
     */
    public static void printf(String format, Object... args) {
        System.out.printf(format, args);
    }
}
