package org.pyport.kernel.runtime;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.UUID;

/**
 * IJava-compatible display functions, statically imported into every notebook:
 * {@code display(obj, mime...)}, {@code render(obj, mime...)}, {@code updateDisplay(id, obj, mime...)}, and
 * {@code clearOutput()} / {@code clearOutput(wait)} (IPython's {@code clear_output}).
 */
public final class NotebookDisplay {

    private NotebookDisplay() {
    }

    /**
     * Renders {@code value} with the kernel's renderer.
     *
     * @param value the object to show
     * @param mimes MIME types wanted (e.g. {@code "text/html"}); none means the renderer's preferred types
     * @return the rendered data; returning it from a cell shows it
     */
    public static DisplayData render(Object value, String... mimes) {
        if (value instanceof DisplayData data && mimes.length == 0) {
            return data;
        }
        BaseKernel kernel = BaseKernel.notebookKernel();
        return mimes.length == 0 ? kernel.getRenderer().render(value) : kernel.getRenderer().renderAs(value, mimes);
    }

    /**
     * Shows {@code value} now, below the running cell.
     *
     * @param value the object to show
     * @param mimes MIME types wanted; none means the renderer's preferred types
     * @return the display id, to pass to {@link #updateDisplay(String, Object, String...)}
     */
    public static String display(Object value, String... mimes) {
        DisplayData data = copy(render(value, mimes));
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        BaseKernel.notebookKernel().display(data);
        return id;
    }

    /**
     * Replaces what an earlier {@link #display(Object, String...)} showed.
     *
     * @param id    the id that {@code display} returned
     * @param value the new object to show
     * @param mimes MIME types wanted; none means the renderer's preferred types
     */
    public static void updateDisplay(String id, Object value, String... mimes) {
        DisplayData data = copy(render(value, mimes));
        data.setDisplayId(id);
        BaseKernel.notebookKernel().getIO().display.updateDisplay(data);
    }

    /**
     * Clears the output the running cell has shown so far, now (IPython's {@code clear_output()}).
     */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the output the running cell has shown so far (IPython's {@code clear_output(wait)}). With
     * {@code wait}, the front end keeps the old output until the next output arrives, so a loop that clears and
     * prints again redraws without flicker.
     *
     * @param wait true: clear when the next output arrives; false: clear now
     * @throws IllegalStateException outside a kernel that can clear output
     */
    public static void clearOutput(boolean wait) {
        if (!(BaseKernel.notebookKernel() instanceof OutputClearer kernel)) {
            throw new IllegalStateException("clearOutput: no notebook kernel that can clear output is running");
        }
        kernel.clearOutput(wait);
    }

    /** A fresh copy, so setting a display id never changes data the caller holds. */
    private static DisplayData copy(DisplayData data) {
        return new DisplayData(data);
    }
}
