package org.pyport.display;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Sink for kernels built on a {@code BaseKernel} with a {@code DisplayData} class that has
 * {@code putData(String, Object)} and {@code setDisplayId(String)}: JJava (and our kernel, which
 * shares its API), IJava 1.3, and rapaio. Reflection is deliberate: the library must load in every
 * kernel without a compile-time dependency on any of them.
 */
final class ReflectiveKernelSink implements DisplaySink {
    private final String name;
    private final Object kernel;
    private final Class<?> displayDataClass;
    private final Method display;
    private final Method putData;
    private final Method setDisplayId;
    /** update(id, data) on the kernel's display stream / kernel, or update(data) with the id set. */
    private final Object updateTarget;
    private final Method update;
    private final boolean updateTakesId;
    private final boolean svg;

    private ReflectiveKernelSink(String name, Object kernel, Method display, Object updateTarget, Method update,
            boolean svg) throws ReflectiveOperationException {
        this.name = name;
        this.kernel = kernel;
        this.display = display;
        this.displayDataClass = display.getParameterTypes()[0];
        this.putData = displayDataClass.getMethod("putData", String.class, Object.class);
        this.setDisplayId = displayDataClass.getMethod("setDisplayId", String.class);
        this.updateTarget = updateTarget;
        this.update = update;
        this.updateTakesId = update != null && update.getParameterCount() == 2;
        this.svg = svg;
    }

    @Override public String name() { return name; }

    @Override public boolean isKernel() { return true; }

    @Override public boolean supports(String mimeType) { return svg || !Mime.SVG.equals(mimeType); }

    @Override
    public void display(String displayId, Map<String, Object> bundle) {
        flushText();
        try {
            display.invoke(kernel, toDisplayData(displayId, bundle));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the " + name + " kernel refused a display: " + e, e);
        }
    }

    @Override
    public void update(String displayId, Map<String, Object> bundle) {
        if (update == null) {
            display(displayId, bundle);
            return;
        }
        flushText();
        try {
            Object data = toDisplayData(displayId, bundle);
            if (updateTakesId) update.invoke(updateTarget, displayId, data);
            else update.invoke(updateTarget, data);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the " + name + " kernel refused a display update: " + e, e);
        }
    }

    /** Kernels buffer printed text; flush it so it appears above the display that follows it. */
    private static void flushText() {
        System.out.flush();
        System.err.flush();
    }

    private Object toDisplayData(String displayId, Map<String, Object> bundle) throws ReflectiveOperationException {
        Object data = displayDataClass.getConstructor().newInstance();
        for (Map.Entry<String, Object> e : bundle.entrySet()) putData.invoke(data, e.getKey(), e.getValue());
        setDisplayId.invoke(data, displayId);
        return data;
    }

    // ---- detection -------------------------------------------------------------------------------

    /** JJava / our kernel: {@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()}. */
    static DisplaySink jjava() {
        return baseKernelFamily("jjava", "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel");
    }

    /** IJava 1.3: {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}. */
    static DisplaySink ijava() {
        return baseKernelFamily("ijava", "io.github.spencerpark.ijava.IJava", "getKernelInstance");
    }

    private static DisplaySink baseKernelFamily(String name, String holder, String accessor) {
        try {
            Class<?> c = load(holder);
            if (c == null) return null;
            Object kernel = c.getMethod(accessor).invoke(null);
            if (kernel == null) return null;
            Method display = findOneArg(kernel.getClass(), "display");
            if (display == null) return null;
            Class<?> dd = display.getParameterTypes()[0];
            // updates go to io.display (a DisplayStream with updateDisplay(String id, DisplayData)),
            // or to the kernel itself in versions that have it there; without either, update shows anew
            Object target = null;
            Method update = null;
            try {
                Object io = kernel.getClass().getMethod("getIO").invoke(kernel);
                Object stream = io.getClass().getField("display").get(io);
                update = stream.getClass().getMethod("updateDisplay", String.class, dd);
                target = stream;
            } catch (ReflectiveOperationException e) {
                try {
                    update = kernel.getClass().getMethod("updateDisplay", String.class, dd);
                    target = kernel;
                } catch (NoSuchMethodException ignored) {
                    // no update support
                }
            }
            if (update != null) update.setAccessible(true);
            return new ReflectiveKernelSink(name, kernel, display, target, update, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // notebookKernel() throws outside the notebook lifecycle: not this kernel
            return null;
        }
    }

    /** rapaio 3.x: static field {@code org.rapaio.jupyter.kernel.MainApp.kernel}. */
    static DisplaySink rapaio() {
        try {
            Class<?> c = load("org.rapaio.jupyter.kernel.MainApp");
            if (c == null) return null;
            Object kernel = c.getField("kernel").get(null);
            if (kernel == null) return null;
            Method display = findOneArg(kernel.getClass(), "display");
            if (display == null) return null;
            Class<?> dd = display.getParameterTypes()[0];
            Method update;
            try {
                update = kernel.getClass().getMethod("updateDisplay", String.class, dd);
            } catch (NoSuchMethodException e) {
                update = kernel.getClass().getMethod("updateDisplay", dd);
            }
            return new ReflectiveKernelSink("rapaio", kernel, display, kernel, update, false);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method findOneArg(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].getSimpleName().equals("DisplayData")) {
                m.setAccessible(true);
                return m;
            }
        }
        return null;
    }

    private static Class<?> load(String name) {
        for (ClassLoader cl : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                ReflectiveKernelSink.class.getClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (cl == null) continue;
            try {
                return Class.forName(name, true, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }
}
