package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import org.pyport.kernel.runtime.NotebookDisplay;

/** IJava's {@code Display} statics, for notebooks that import them (the kernel's own are imported already). */
public final class Display {

    private Display() {
    }

    /** @param value an object; @param mimes types wanted (none: preferred); @return its representations */
    public static DisplayData render(Object value, String... mimes) {
        return new DisplayData(NotebookDisplay.render(value, mimes));
    }

    /** @param value shown now; @param mimes types wanted (none: preferred); @return the display id */
    public static String display(Object value, String... mimes) {
        return NotebookDisplay.display(value, mimes);
    }

    /** @param id a display id; @param value what it shows now; @param mimes types wanted (none: preferred) */
    public static void updateDisplay(String id, Object value, String... mimes) {
        NotebookDisplay.updateDisplay(id, value, mimes);
    }
}
