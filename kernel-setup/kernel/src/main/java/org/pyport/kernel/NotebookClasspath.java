package org.pyport.kernel;

import org.pyport.kernel.exec.ClassPathRoles;
import org.pyport.kernel.exec.JShellEvaluator;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The notebook's class path as the kernel keeps it: what JShell was given, in order, and {@code pyport.classpath}
 * (for child JVMs), which lists the notebook's own entries first, as cells see them.
 */
final class NotebookClasspath {

    private final Set<String> entries;
    private final ClassPathRoles roles = ClassPathRoles.ofThisJvm();

    /** @param initial what JShell started with (the JVM's class path and the environment's) */
    NotebookClasspath(List<String> initial) {
        this.entries = new LinkedHashSet<>(initial);
        publish();
    }

    /**
     * Adds entries not added before to the shell; one line says which of the helper library's jars they replace
     * for the notebook's code, if any.
     *
     * @return true if anything was added
     */
    synchronized boolean add(List<String> added, JShellEvaluator shell) {
        List<String> replaced = new ArrayList<>();
        boolean any = false;
        for (String entry : added) {
            if (!entries.add(entry)) {
                continue;
            }
            any = true;
            Path copy = roles.libraryCopyOf(Path.of(entry));
            if (copy != null) {
                replaced.add(Path.of(entry).getFileName() + " (for " + copy.getFileName() + ")");
            }
            shell.addToClasspath(entry);
        }
        if (!replaced.isEmpty()) {
            System.out.println("Note: in place of the helper library's copies, this notebook's code now uses "
                    + String.join(", ", replaced) + ".");
        }
        if (any) {
            publish();
        }
        return any;
    }

    private void publish() {
        List<String> ordered = new ArrayList<>();
        for (String entry : entries) {
            if (roles.roleOf(Path.of(entry).toAbsolutePath().normalize()) == ClassPathRoles.Role.NOTEBOOK) {
                ordered.add(entry);
            }
        }
        for (String entry : entries) {
            if (!ordered.contains(entry)) {
                ordered.add(entry);
            }
        }
        System.setProperty(PyportKernel.CLASSPATH_PROPERTY, String.join(File.pathSeparator, ordered));
    }
}
