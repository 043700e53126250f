package org.pyport.kernel.exec;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What notebook code sees of the kernel's own class loader: the JDK, and the kernel's notebook API (its runtime
 * package, IJava's names, JJava's kernel API with its {@code Extension} SPI), nothing else. The kernel's internals
 * (JJava's sockets and messages too) and their dependencies (jeromq, gson, slf4j...) are not found from cells, so a
 * notebook's own versions of such libraries are the ones it gets.
 */
final class KernelApiLoader extends ClassLoader {

    /** Packages, with their subpackages, of the kernel that notebook code may use (install.sh lists them too). */
    static final List<String> API_PACKAGES = List.of("org.pyport.kernel.runtime", "io.github.spencerpark",
            "org.dflib.jjava.jupyter.kernel");
    /** JJava's package of the {@code Extension} interface (without its subpackages: channels, messages). */
    static final String EXTENSION_PACKAGE = "org.dflib.jjava.jupyter";

    private final ClassLoader kernel;
    private final Set<String> jdkPackages = new HashSet<>();

    /** @param kernel the kernel's class loader (the JVM's application class loader) */
    KernelApiLoader(ClassLoader kernel) {
        super("pyport-kernel-api", ClassLoader.getPlatformClassLoader());
        this.kernel = kernel;
        for (Module module : ModuleLayer.boot().modules()) {
            ModuleDescriptor descriptor = module.getDescriptor();
            if (descriptor != null) {
                jdkPackages.addAll(descriptor.packages());
            }
        }
    }

    /** @return true if notebook code may load this class of the kernel's class loader */
    boolean visible(String className) {
        int dot = className.lastIndexOf('.');
        String pkg = dot < 0 ? "" : className.substring(0, dot);
        return jdkPackages.contains(pkg) || isApi(pkg);
    }

    private static boolean isApi(String pkg) {
        if (pkg.equals(EXTENSION_PACKAGE)) {
            return true;
        }
        for (String api : API_PACKAGES) {
            if (pkg.equals(api) || pkg.startsWith(api + ".")) {
                return true;
            }
        }
        return false;
    }

    private boolean visibleResource(String name) {
        int slash = name.lastIndexOf('/');
        return slash > 0 && visible(name.substring(0, slash).replace('/', '.') + ".x");
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        // the platform loader (the parent) did not have it: the JDK's modules of the application loader, or the API
        if (!visible(name)) {
            throw new ClassNotFoundException(name);
        }
        return kernel.loadClass(name);
    }

    @Override
    protected URL findResource(String name) {
        return visibleResource(name) ? kernel.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return visibleResource(name) ? kernel.getResources(name) : Collections.emptyEnumeration();
    }
}
