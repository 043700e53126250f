package org.pyport.concurrent;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the command line of a child JVM that can load the same classes as this one: the classes a
 * notebook cell defined (folder in {@code pyport.cellClassDir}), the notebook classpath
 * ({@code pyport.classpath}, or {@code java.class.path} outside the kernel) and this library.
 *
 * <p>Package-private: the pool workers need a long-lived child with their own main class, which the
 * one-shot {@code org.pyport.child.ChildJvm} does not offer; both read the same system properties.
 */
final class JavaCommand {
    private JavaCommand() {}

    /** The {@code java} launcher of the running JDK, so the child runs the same Java version. */
    static String javaExecutable() {
        Path bin = Paths.get(System.getProperty("java.home"), "bin");
        Path java = bin.resolve(File.separatorChar == '\\' ? "java.exe" : "java");
        return java.toString();
    }

    /** Classpath for the child: cell classes first, then the notebook classpath, then this library. */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        String cellDir = System.getProperty("pyport.cellClassDir");
        if (cellDir != null && !cellDir.isBlank()) entries.add(cellDir);
        String cp = System.getProperty("pyport.classpath");
        if (cp == null || cp.isBlank()) cp = System.getProperty("java.class.path", "");
        for (String e : cp.split(File.pathSeparator)) {
            if (!e.isBlank()) entries.add(e);
        }
        String self = ownLocation();
        if (self != null) entries.add(self);
        return String.join(File.pathSeparator, entries);
    }

    /** {@code java -cp <classpath> [jvmArgs] mainClass args...}. */
    static List<String> command(List<String> jvmArgs, Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        // one GC thread instead of a pool per child: several children share two cores in a workshop VM
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.addAll(jvmArgs);
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    private static String ownLocation() {
        CodeSource cs = JavaCommand.class.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) return null;
        try {
            return Paths.get(cs.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
