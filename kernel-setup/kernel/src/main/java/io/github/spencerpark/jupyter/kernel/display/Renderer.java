package io.github.spencerpark.jupyter.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

import java.util.Arrays;

/**
 * IJava's renderer, over the kernel's: what notebooks register here ({@code
 * getKernelInstance().getRenderer().createRegistration(C.class).preferring(MIMEType.TEXT_HTML).register(...)}) renders
 * their values in the kernel.
 */
public class Renderer {

    private final org.dflib.jjava.jupyter.kernel.display.Renderer renderer;

    /** @param renderer the kernel's renderer */
    public Renderer(org.dflib.jjava.jupyter.kernel.display.Renderer renderer) {
        this.renderer = renderer;
    }

    /**
     * A registration being built.
     *
     * @param <T> the type rendered
     */
    public class RenderRegistration<T> {
        private final org.dflib.jjava.jupyter.kernel.display.Renderer.RenderRegistration<T> registration;

        RenderRegistration(org.dflib.jjava.jupyter.kernel.display.Renderer.RenderRegistration<T> registration) {
            this.registration = registration;
        }

        /** @param types what the function can produce on request; @return this */
        public RenderRegistration<T> supporting(MIMEType... types) {
            registration.supporting(types);
            return this;
        }

        /** @param types what the function produces by default; @return this */
        public RenderRegistration<T> preferring(MIMEType... types) {
            registration.preferring(types);
            return this;
        }

        /** @param types what the function can produce on request; @return this */
        public RenderRegistration<T> supporting(String... types) {
            registration.supporting(types);
            return this;
        }

        /** @param types what the function produces by default; @return this */
        public RenderRegistration<T> preferring(String... types) {
            registration.preferring(types);
            return this;
        }

        /** @param type another type the function renders; @return this */
        public RenderRegistration<T> onType(Class<? extends T> type) {
            registration.onType(type);
            return this;
        }

        /** @param function renders the registered types */
        public void register(RenderFunction<T> function) {
            registration.register((data, context) -> function.render(data, new RenderContext(context)));
        }
    }

    /**
     * @param type the type to render
     * @param <T>  that type
     * @return a registration to complete with {@code preferring(..)} and {@code register(..)}
     */
    public <T> RenderRegistration<T> createRegistration(Class<T> type) {
        return new RenderRegistration<>(renderer.createRegistration(type));
    }

    /**
     * @param value an object
     * @return its preferred representations
     */
    public DisplayData render(Object value) {
        return new DisplayData(renderer.render(value));
    }

    /**
     * @param value an object
     * @param types the MIME types wanted
     * @return those representations
     */
    public DisplayData renderAs(Object value, String... types) {
        return new DisplayData(renderer.renderAs(value, Arrays.copyOf(types, types.length)));
    }
}
