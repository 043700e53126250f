package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** IJava's render context, over the kernel's. */
public class RenderContext {

    private final org.dflib.jjava.jupyter.kernel.display.RenderContext context;

    RenderContext(org.dflib.jjava.jupyter.kernel.display.RenderContext context) {
        this.context = context;
    }

    /** @return where rendered data goes */
    public org.dflib.jjava.jupyter.kernel.display.DisplayData getOutputContainer() {
        return context.getOutputContainer();
    }

    /** @return the render request's parameters */
    public Map<String, Object> getParams() {
        return context.getParams();
    }

    /**
     * @param key a parameter's name
     * @return its value, or null
     */
    public Object getParameter(String key) {
        return context.getParameter(key);
    }

    /**
     * @param type a type the function can produce
     * @return true if it is wanted
     */
    public boolean wantsDataRenderedAs(MIMEType type) {
        return context.wantsDataRenderedAs(type);
    }

    /**
     * Renders {@code type} with {@code render} if it is wanted.
     *
     * @param type   a type the function can produce
     * @param render makes the data
     * @return true if it was rendered
     */
    public boolean renderIfRequested(MIMEType type, Supplier<Object> render) {
        return context.renderIfRequested(type, render);
    }

    /**
     * @param type   a type the function can produce
     * @param render makes the data for the requested type
     * @return true if it was rendered
     */
    public boolean renderIfRequested(MIMEType type, Function<MIMEType, Object> render) {
        return context.renderIfRequested(type, (org.dflib.jjava.jupyter.kernel.display.mime.MIMEType t) -> render.apply(MIMEType.from(t)));
    }

    /**
     * @param type   a type the function can produce
     * @param render puts the data for the requested type into the output
     * @return true if it was rendered
     */
    public boolean renderIfRequested(MIMEType type, BiConsumer<MIMEType, org.dflib.jjava.jupyter.kernel.display.DisplayData> render) {
        return context.renderIfRequested(type,
                (org.dflib.jjava.jupyter.kernel.display.mime.MIMEType t, org.dflib.jjava.jupyter.kernel.display.DisplayData out)
                        -> render.accept(MIMEType.from(t), out));
    }
}
