package org.pyport.kernel.exec;

import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JShell's class loading for the kernel: cells' classes and the notebook's class path go to a {@link CellClassLoader}.
 * Of the entries JShell is given, the helper library's jars are searched after the notebook's own, and the kernel's
 * internal jars are left out (cells see the kernel only through its API).
 */
final class CellLoaderDelegate implements LoaderDelegate {

    private final CellClassLoader loader;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();
    private final ClassPathRoles roles;

    /** @param roles which entries are the helper library's and which the kernel's own */
    CellLoaderDelegate(ClassPathRoles roles) {
        this.roles = roles;
        this.loader = new CellClassLoader(new KernelApiLoader(CellLoaderDelegate.class.getClassLoader()));
    }

    /** @return the loader of notebook code */
    ClassLoader loader() {
        return loader;
    }

    /**
     * Loads the classes; classes this loader has loaded already (JShell never loads a name twice) are redefined in
     * place, which {@link CellExecutionControl#redefine} asks for.
     */
    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException {
        if (cbcs.length > 0 && classes.containsKey(cbcs[0].name())) {
            redefine(cbcs);
            return;
        }
        boolean[] loaded = new boolean[cbcs.length];
        try {
            for (ClassBytecodes cbc : cbcs) {
                loader.declare(cbc.name(), cbc.bytecodes());
            }
            for (int i = 0; i < cbcs.length; i++) {
                Class<?> type = loader.loadClass(cbcs[i].name());
                classes.put(cbcs[i].name(), type);
                loaded[i] = true;
                type.getDeclaredMethods(); // linked now, as JShell's own delegate does, so errors show here
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e.getMessage(), loaded);
        }
    }

    /** Redefines classes loaded before, all or none (see {@link ClassRedefinition}). */
    private void redefine(ClassBytecodes[] cbcs) throws ClassInstallException {
        Map<Class<?>, byte[]> definitions = new LinkedHashMap<>();
        for (ClassBytecodes cbc : cbcs) {
            Class<?> type = classes.get(cbc.name());
            if (type == null) {
                throw new ClassInstallException("redefine: " + cbc.name() + " was not loaded", new boolean[cbcs.length]);
            }
            definitions.put(type, cbc.bytecodes());
        }
        try {
            ClassRedefinition.redefine(definitions);
        } catch (Exception | LinkageError e) {
            // JShell then replaces the classes with new ones (their variables reset), as when JDI cannot redefine
            throw new ClassInstallException("redefine: " + e, new boolean[cbcs.length]);
        }
        classesRedefined(cbcs);
    }

    @Override
    public void classesRedefined(ClassBytecodes[] cbcs) {
        for (ClassBytecodes cbc : cbcs) {
            loader.declare(cbc.name(), cbc.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String classpath) {
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            switch (roles.roleOf(path)) {
                case KERNEL -> { } // the kernel's own: seen only through the API loader
                case LIBRARY -> loader.add(path, true);
                case NOTEBOOK -> loader.add(path, false);
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = classes.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " not found");
        }
        return type;
    }
}
