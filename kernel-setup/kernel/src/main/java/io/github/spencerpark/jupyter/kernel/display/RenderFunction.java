package io.github.spencerpark.jupyter.kernel.display;

/**
 * IJava's renderer function: fills the context's output for the requested types.
 *
 * @param <T> the type rendered
 */
@FunctionalInterface
public interface RenderFunction<T> {
    /**
     * @param data    the object to render
     * @param context what is requested, and where the output goes
     */
    void render(T data, RenderContext context);
}
