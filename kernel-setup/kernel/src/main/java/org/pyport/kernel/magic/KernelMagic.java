package org.pyport.kernel.magic;


/** A line or cell magic of this kernel, registered in the {@link MagicRegistry} under its name. */
@FunctionalInterface
public interface KernelMagic {

    /**
     * Runs the magic.
     *
     * @param kernel the kernel
     * @param call   its words, raw text, body and position
     * @return the magic's value (shown like an expression's when it ends the cell), or null
     * @throws Exception whatever went wrong; a {@link org.pyport.kernel.exec.CellError} is shown as it is
     */
    Object run(MagicHost kernel, MagicCall call) throws Exception;

    /**
     * @return true if the magic's value is shown when the magic ends a cell (as {@code %time}'s); IJava's magics
     * show none, their values are for code that uses them as expressions ({@code List<String> added = %jars x.jar})
     */
    default boolean showsValue() {
        return false;
    }
}
