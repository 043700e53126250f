package io.github.spencerpark.ijava;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.pyport.kernel.runtime.Notebook;
import java.util.List;

/** IJava's kernel type as notebooks use it: the renderer, displays, evaluation and the class path. */
public final class JavaKernel {

    private final BaseKernel kernel;
    private final Renderer renderer;

    JavaKernel(BaseKernel kernel) {
        this.kernel = kernel;
        this.renderer = new Renderer(kernel.getRenderer());
    }

    boolean isViewOf(BaseKernel other) {
        return kernel == other;
    }

    /** @return the renderer, where notebooks register how their types are shown */
    public Renderer getRenderer() {
        return renderer;
    }

    /** @param data shown now, below the running cell */
    public void display(org.dflib.jjava.jupyter.kernel.display.DisplayData data) {
        kernel.display(data);
    }

    /** @return the kernel's streams ({@code getIO().display.updateDisplay(..)}) */
    public JupyterIO getIO() {
        return kernel.getIO();
    }

    /**
     * @param code Java code (magics included), run within the current cell
     * @return its value
     */
    public Object evalRaw(String code) {
        return Notebook.eval(code);
    }

    /**
     * @param code Java code (magics included), run within the current cell
     * @return its value rendered, or null
     */
    public DisplayData eval(String code) {
        Object value = Notebook.eval(code);
        return value == null ? null : renderer.render(value);
    }

    /** @param path a jar or class folder for later cells */
    public void addToClasspath(String path) {
        Notebook.lineMagic("classpath", List.of(path));
    }

    /** @return the kernel's banner */
    public String getBanner() {
        return kernel.getBanner();
    }
}
