package org.pyport.kernel;

import org.pyport.kernel.exec.CellClassFolder;
import org.pyport.kernel.exec.CellError;
import org.pyport.kernel.exec.JShellEvaluator;
import org.pyport.kernel.exec.KernelThreads;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntSupplier;

/**
 * JShell starting on a thread of its own. Its start-up (the compiler's first compilations, the default imports)
 * is the longest part of a kernel's start, so it begins before anything else is built, and overlaps building
 * the kernel, binding the sockets and answering kernel_info. The environment's settings (class path, compiler
 * options, start-up scripts) apply here; what fails among them is kept in {@link #problems}, never fatal.
 */
final class ShellStart {

    /** Imports every notebook starts with: IJava's start-up imports and runtime API, and a few more packages. */
    static final List<String> STARTUP = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.pyport.kernel.runtime.NotebookDisplay.*;", "import static org.pyport.kernel.runtime.Notebook.*;",
            "import static io.github.spencerpark.ijava.IJava.getKernelInstance;");

    /** folder receiving the bytecode of classes defined in cells (for child JVMs) */
    final Path cellClassDir;
    /** the JVM's class path and the settings' entries, in order, without repeats */
    final List<String> classpath = new ArrayList<>();
    final CompletableFuture<JShellEvaluator> evaluator = new CompletableFuture<>();
    /** what the environment asked for and could not be done, shown in the first cell */
    final Queue<String> problems = new ConcurrentLinkedQueue<>();
    /** whether JJava extensions on the class path are installed */
    final boolean loadExtensions;
    /** the kernel's cell counter, once the kernel exists (errors in start-up snippets say cell 0) */
    volatile IntSupplier cellNumber = () -> 0;

    /**
     * Starts JShell now, on a daemon thread.
     *
     * @param settings class path, compiler options and start-up scripts
     */
    ShellStart(KernelSettings settings) {
        try {
            cellClassDir = CellClassFolder.create(); // and the folders of kernels that are gone are removed
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the kernel's temp folder", e);
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addOnce(Paths.get(entry).toAbsolutePath().toString());
            }
        }
        settings.classpath().forEach(this::addOnce);
        problems.addAll(settings.problems());
        loadExtensions = settings.loadExtensions();
        List<String> initial = List.copyOf(classpath);
        Thread starter = new Thread(() -> {
            try {
                evaluator.complete(start(initial, settings));
            } catch (Throwable e) {
                evaluator.completeExceptionally(e);
            }
        }, KernelThreads.JSHELL_START);
        starter.setDaemon(true);
        starter.start();
    }

    private void addOnce(String entry) {
        if (!classpath.contains(entry)) {
            classpath.add(entry);
        }
    }

    /** @return the {@link PyportKernel#COMPILE_CLASSES_PROPERTY} folder if it exists, else null (compile against the jars) */
    static Path jvmClasses() {
        String folder = System.getProperty(PyportKernel.COMPILE_CLASSES_PROPERTY);
        return folder != null && Files.isDirectory(Paths.get(folder)) ? Paths.get(folder) : null;
    }

    private JShellEvaluator start(List<String> initial, KernelSettings settings) {
        IntSupplier cell = () -> cellNumber.getAsInt();
        JShellEvaluator shell;
        try {
            shell = new JShellEvaluator(initial, cellClassDir, cell, STARTUP, settings.compilerOptions(), jvmClasses());
        } catch (IllegalArgumentException e) {
            problems.add("compiler options " + settings.compilerOptions() + " ignored: " + e.getMessage());
            shell = new JShellEvaluator(initial, cellClassDir, cell, STARTUP, List.of(), jvmClasses());
        }
        for (KernelSettings.Script script : settings.startupScripts()) {
            try {
                shell.eval(script.code(), 0);
            } catch (CellError e) {
                problems.add("start-up script " + script.origin() + " failed: " + String.join("\n", e.traceback()));
            }
        }
        return shell;
    }
}
