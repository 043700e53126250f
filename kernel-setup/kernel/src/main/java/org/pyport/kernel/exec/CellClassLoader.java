package org.pyport.kernel.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.security.ProtectionDomain;

/**
 * The class loader of notebook code. It finds, in this order: the JDK and the kernel's notebook API
 * ({@link KernelApiLoader}); the classes JShell compiled from cells; the jars and folders the notebook added
 * ({@code %maven}, {@code %jars}, {@code %classpath}, the environment's class path), in the order added; the helper
 * library's jars. So what a notebook asks for wins over the helper library's copy of the same library, and the
 * kernel's internals are not found at all.
 */
final class CellClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** class name -> bytecode of the classes JShell compiled (declared before they are loaded) */
    private final Map<String, byte[]> cellClasses = new ConcurrentHashMap<>();
    private final List<ClassPathEntry> notebook = new CopyOnWriteArrayList<>();
    private final List<ClassPathEntry> library = new CopyOnWriteArrayList<>();

    /** @param parent what cells see of the kernel (see {@link KernelApiLoader}) */
    CellClassLoader(ClassLoader parent) {
        super("pyport-cells", parent);
    }

    /** Makes the bytecode of a class compiled from a cell loadable (again, for a redefinition). */
    void declare(String name, byte[] bytecode) {
        cellClasses.put(name, bytecode);
    }

    /**
     * @param entry   a jar or class folder
     * @param isLibrary true for the helper library's jars, which come after the notebook's own
     */
    void add(Path entry, boolean isLibrary) {
        try {
            (isLibrary ? library : notebook).add(new ClassPathEntry(entry));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
    }

    /** @return the notebook's entries then the library's, in search order */
    private List<ClassPathEntry> entries() {
        List<ClassPathEntry> all = new ArrayList<>(notebook);
        all.addAll(library);
        return all;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] cell = cellClasses.get(name);
        if (cell != null) {
            return defineClass(name, cell, 0, cell.length, (ProtectionDomain) null);
        }
        String resource = name.replace('.', '/') + ".class";
        for (ClassPathEntry entry : entries()) {
            try {
                byte[] bytes = entry.read(resource);
                if (bytes != null) {
                    definePackageOf(name, entry);
                    return defineClass(name, bytes, 0, bytes.length, entry.domain);
                }
            } catch (IOException e) {
                throw new ClassNotFoundException(name + " (cannot read " + entry.path + ")", e);
            }
        }
        throw new ClassNotFoundException(name);
    }

    private void definePackageOf(String className, ClassPathEntry entry) throws IOException {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        Manifest manifest = entry.manifest();
        try {
            if (manifest == null) {
                definePackage(pkg, null, null, null, null, null, null, null);
            } else {
                Attributes main = manifest.getMainAttributes();
                definePackage(pkg, main.getValue(Attributes.Name.SPECIFICATION_TITLE),
                        main.getValue(Attributes.Name.SPECIFICATION_VERSION), main.getValue(Attributes.Name.SPECIFICATION_VENDOR),
                        main.getValue(Attributes.Name.IMPLEMENTATION_TITLE), main.getValue(Attributes.Name.IMPLEMENTATION_VERSION),
                        main.getValue(Attributes.Name.IMPLEMENTATION_VENDOR), null);
            }
        } catch (IllegalArgumentException alreadyDefined) {
            // another thread defined it meanwhile
        }
    }

    @Override
    protected URL findResource(String name) {
        for (ClassPathEntry entry : entries()) {
            URL url = entry.find(name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        List<URL> urls = new ArrayList<>();
        for (ClassPathEntry entry : entries()) {
            URL url = entry.find(name);
            if (url != null) {
                urls.add(url);
            }
        }
        return Collections.enumeration(urls);
    }
}
