package org.pyport.kernel.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.regex.Pattern;

/**
 * Who a class path entry belongs to: the kernel (its own jars and their dependencies, on the JVM's class path),
 * the helper library (the jars of the folder named by {@link #LIBRARY_PROPERTY}), or the notebook (everything else).
 */
public final class ClassPathRoles {

    /** System property: the folder of the helper library's jars (the installer's {@code lib/}). */
    public static final String LIBRARY_PROPERTY = "pyport.library";

    /** Whose an entry is. */
    public enum Role { KERNEL, LIBRARY, NOTEBOOK }

    private final Set<Path> jvm = new HashSet<>();
    private final Path libraryFolder;

    /**
     * @param jvmClasspath  the JVM's class path
     * @param libraryFolder the helper library's folder, or null: then the JVM's whole class path is the library's
     *                      (as in the kernel's own tests), and only what is added later is the notebook's
     */
    public ClassPathRoles(String jvmClasspath, Path libraryFolder) {
        for (String entry : jvmClasspath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                jvm.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        this.libraryFolder = libraryFolder == null ? null : libraryFolder.toAbsolutePath().normalize();
    }

    /** @return the roles of this JVM ({@code java.class.path} and {@link #LIBRARY_PROPERTY}) */
    public static ClassPathRoles ofThisJvm() {
        String folder = System.getProperty(LIBRARY_PROPERTY);
        Path library = folder != null && Files.isDirectory(Path.of(folder)) ? Path.of(folder) : null;
        return new ClassPathRoles(System.getProperty("java.class.path", ""), library);
    }

    /**
     * @param entry an absolute, normalized path
     * @return whose it is
     */
    public Role roleOf(Path entry) {
        if (libraryFolder != null && entry.startsWith(libraryFolder)) {
            return Role.LIBRARY;
        }
        if (jvm.contains(entry)) {
            return libraryFolder == null ? Role.LIBRARY : Role.KERNEL;
        }
        return Role.NOTEBOOK;
    }

    /**
     * @param jar a jar the notebook adds
     * @return the helper library's jar of the same artifact in another version ({@code slf4j-api-2.0.17.jar} for
     * {@code slf4j-api-1.7.36.jar}), which the added jar replaces for the notebook's code, or null
     */
    public Path libraryCopyOf(Path jar) {
        String artifact = artifactOf(jar.getFileName().toString());
        if (libraryFolder == null || artifact == null || roleOf(jar.toAbsolutePath().normalize()) != Role.NOTEBOOK) {
            return null;
        }
        try (Stream<Path> jars = Files.list(libraryFolder)) {
            return jars.filter(j -> artifact.equals(artifactOf(j.getFileName().toString()))
                    && !j.getFileName().equals(jar.getFileName())).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return a Maven jar file name without its version ({@code tablesaw-core} of {@code tablesaw-core-0.38.1.jar}) */
    static String artifactOf(String fileName) {
        Matcher m = Pattern.compile("(.+?)-\\d.*\\.jar").matcher(fileName);
        return m.matches() ? m.group(1) : null;
    }
}
