package org.pyport.kernel;

import org.pyport.kernel.exec.KernelThreads;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds the kernel's JIT compiler directives ({@code compiler-directives.json}: C2 leaves javac and JShell to C1) from
 * inside the JVM, as {@code jcmd PID Compiler.directives_add FILE} would. Given as {@code -XX:CompilerDirectivesFile}
 * instead, the JVM prints {@code 1 compiler directives added} on the kernel's stdout at every start, which Jupyter
 * shows in its server log; a diagnostic command returns that text instead. The JDK has no public API for it: the
 * JDK's own implementation of the diagnostic command MBean is called reflectively, which needs
 * {@code --add-opens=jdk.management/com.sun.management.internal=ALL-UNNAMED} (kernel.json has it). When that is not
 * possible, or the file does not parse, it says so on stderr and the kernel runs without the directives (slower to
 * warm up, nothing else).
 */
final class CompilerDirectives {

    /** System property: the directives file to add at start. */
    static final String PROPERTY = "pyport.compilerDirectives";

    private CompilerDirectives() {
    }

    /** Adds the directives named by {@link #PROPERTY}, if any, on a thread of its own (it takes some milliseconds). */
    static void addInBackground() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        Thread t = new Thread(() -> {
            String problem = add(Path.of(file));
            if (problem != null) {
                System.err.println("pyport kernel: JIT compiler directives not added (" + problem + ")");
            }
        }, KernelThreads.COMPILER_DIRECTIVES);
        t.setDaemon(true);
        t.start();
    }

    /**
     * @param file a directives file
     * @return null once added, else why not
     */
    static String add(Path file) {
        if (!Files.isRegularFile(file)) {
            return "no file " + file;
        }
        try {
            // the provider's class initialisation loads the native part the command needs
            Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl");
            Class<?> impl = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
            Method get = impl.getDeclaredMethod("getDiagnosticCommandMBean");
            get.setAccessible(true);
            Method execute = impl.getDeclaredMethod("executeDiagnosticCommand", String.class);
            execute.setAccessible(true);
            String out = String.valueOf(execute.invoke(get.invoke(null), "Compiler.directives_add " + file));
            return out.contains("compiler directives added") ? null : out.strip();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return e.toString();
        }
    }
}
