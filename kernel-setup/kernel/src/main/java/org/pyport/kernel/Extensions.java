package org.pyport.kernel;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JJava's extensions: classes implementing {@code org.dflib.jjava.jupyter.Extension}, named in a jar's
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, are installed into the kernel when their jar is on the
 * notebook's class path (at start, or once {@code %maven}, {@code %jars}... added it), each once, loaded by the
 * notebook's class loader as in JJava. {@code *_LOAD_EXTENSIONS=false} turns this off.
 */
final class Extensions {

    private final BaseKernel kernel;
    private final boolean enabled;
    private final Set<String> installed = ConcurrentHashMap.newKeySet();

    Extensions(BaseKernel kernel, boolean enabled) {
        this.kernel = kernel;
        this.enabled = enabled;
    }

    /** Installs the extensions the notebook's class path has and that are not installed yet. */
    void installNew(ClassLoader notebook) {
        if (!enabled || notebook == null) {
            return;
        }
        try {
            for (ServiceLoader.Provider<Extension> provider : ServiceLoader.load(Extension.class, notebook).stream().toList()) {
                if (installed.add(provider.type().getName())) {
                    try {
                        provider.get().install(kernel);
                    } catch (RuntimeException | LinkageError e) {
                        System.err.println("JJava extension " + provider.type().getName() + " failed to install: " + e);
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            System.err.println("JJava extensions could not be loaded: " + e.getMessage());
        }
    }
}
