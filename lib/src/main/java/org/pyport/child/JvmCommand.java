package org.pyport.child;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The command line of a child JVM that can load the same classes as this one; the one place every
 * launcher of this library ({@link ChildJvm}, the {@code Pool} workers, Hazelcast members, the demo
 * and benchmark workers, {@code Jdk.runSource}) builds it. Like {@link ProcessBuilder}, it is a
 * mutable builder whose setters return {@code this}:
 *
 * <pre>{@code
 * Process p = JvmCommand.of(Worker.class).jvmOptions("-Xmx64m").args("a", "b")
 *         .env("KEY", "v").redirectErrorStream(true).start();
 * }</pre>
 *
 * <p>The command is {@code <java> <default options> <jvmOptions> -cp <classpath> <main> <args>}:
 * <ul>
 * <li>{@code java}: the launcher of this JVM ({@link #javaExecutable()}), so the child runs the same
 *     Java version;</li>
 * <li>default options ({@link #defaultJvmOptions()}): {@code -Djava.io.tmpdir=} this JVM's temp
 *     directory, so a notebook's temp sandbox also holds its children's temp files; and, on Java 24+,
 *     {@code --sun-misc-unsafe-memory-access=allow}, which silences the deprecation warnings that
 *     libraries using {@code sun.misc.Unsafe} (classgraph, Hazelcast) print there. A caller's own
 *     {@code -Djava.io.tmpdir=} comes later and wins;</li>
 * <li>the classpath ({@link #classpath()}): the kernel's compile classpath ({@code pyport.classpath}),
 *     else {@code java.class.path}, plus the folder of cell-defined classes ({@code pyport.cellClassDir})
 *     and this library's own location.</li>
 * </ul>
 * The child inherits this JVM's whole environment (as {@link ProcessBuilder} does), notably the
 * notebook runner's marker {@code PYPORT_NOTEBOOK_RUN}, by which it finds processes a notebook left
 * behind; {@link #env(String, String)} only adds to it.
 */
public final class JvmCommand {
    /** Java 24 warns on {@code sun.misc.Unsafe} memory access (JEP 498); older JDKs reject or do not need the flag. */
    static final int UNSAFE_WARNING_SINCE = 24;
    static final String ALLOW_UNSAFE = "--sun-misc-unsafe-memory-access=allow";

    private final String main;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path directory;
    private boolean redirectErrorStream;

    private JvmCommand(String main) {
        this.main = main;
    }

    /** A command running {@code mainClass}'s {@code public static void main(String[])}. */
    public static JvmCommand of(Class<?> mainClass) {
        return of(Objects.requireNonNull(mainClass, "mainClass").getName());
    }

    /** A command running the main class with this binary name (e.g. {@code "org.pyport.child.ChildJvm"}). */
    public static JvmCommand of(String mainClassName) {
        Objects.requireNonNull(mainClassName, "mainClassName");
        if (mainClassName.isBlank()) throw new IllegalArgumentException("the main class name is blank");
        return new JvmCommand(mainClassName);
    }

    /** A command running a single-file program with the JDK's source launcher ({@code java File.java}). */
    public static JvmCommand ofSourceFile(Path sourceFile) {
        Objects.requireNonNull(sourceFile, "sourceFile");
        if (!sourceFile.toString().endsWith(".java")) {
            throw new IllegalArgumentException("the source launcher needs a file ending in .java, got " + sourceFile);
        }
        return new JvmCommand(sourceFile.toString());
    }

    /** Adds JVM options (e.g. {@code -Xmx64m}, {@code -Dkey=value}), placed after the defaults. */
    public JvmCommand jvmOptions(String... options) {
        return jvmOptions(Arrays.asList(options));
    }

    /** Adds JVM options, placed after the defaults. */
    public JvmCommand jvmOptions(List<String> options) {
        for (String o : options) jvmOptions.add(Objects.requireNonNull(o, "a JVM option is null"));
        return this;
    }

    /** Adds arguments for the main method. */
    public JvmCommand args(String... arguments) {
        return args(Arrays.asList(arguments));
    }

    /** Adds arguments for the main method. */
    public JvmCommand args(List<String> arguments) {
        for (String a : arguments) args.add(Objects.requireNonNull(a, "an argument is null"));
        return this;
    }

    /** Adds an environment variable to the inherited environment. */
    public JvmCommand env(String key, String value) {
        env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Adds environment variables to the inherited environment. */
    public JvmCommand env(Map<String, String> variables) {
        variables.forEach(this::env);
        return this;
    }

    /** The child's working directory (default: this JVM's). */
    public JvmCommand directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Whether the child's stderr is merged into its stdout (default false), as in {@link ProcessBuilder}. */
    public JvmCommand redirectErrorStream(boolean merge) {
        this.redirectErrorStream = merge;
        return this;
    }

    /** The full command line, for this JVM's Java version and system properties as they are now. */
    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(defaultJvmOptions());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(main);
        cmd.addAll(args);
        return Collections.unmodifiableList(cmd);
    }

    /** A {@link ProcessBuilder} for {@link #command()}, with the environment additions, directory and redirect set. */
    public ProcessBuilder toProcessBuilder() {
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.environment().putAll(env); // adds to the inherited environment, never replaces it
        if (directory != null) pb.directory(directory.toFile());
        pb.redirectErrorStream(redirectErrorStream);
        return pb;
    }

    /**
     * Starts the child JVM; its stdin, stdout and stderr are pipes of the returned process.
     *
     * @throws UncheckedIOException if the process cannot be started (the message names the java launcher)
     */
    public Process start() {
        ProcessBuilder pb = toProcessBuilder();
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM for " + main + " with " + pb.command().get(0), e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command());
    }

    // ---- the parts, shared by every child --------------------------------------------------------------

    /** The {@code java} launcher of this JVM, so the child runs the same Java version. */
    public static String javaExecutable() {
        Path candidate = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java");
        if (Files.isExecutable(candidate)) return candidate.toString();
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * The options every child gets, for this JVM: see {@link #defaultJvmOptions(int, String)} with
     * {@code Runtime.version().feature()} (the child runs this JVM's launcher) and {@code java.io.tmpdir}.
     */
    public static List<String> defaultJvmOptions() {
        return defaultJvmOptions(Runtime.version().feature(), System.getProperty("java.io.tmpdir"));
    }

    /**
     * The options every child gets: {@code -Djava.io.tmpdir=<tmpdir>} (when {@code tmpdir} is set), and
     * {@code --sun-misc-unsafe-memory-access=allow} when the child's Java feature version is 24 or later
     * (Java 17–22 reject that option as unknown; 23 knows it but does not warn yet).
     *
     * @param javaFeature the child's Java feature version (17, 21, 25, ...)
     * @param tmpdir the child's temp directory, or null to leave the JVM's default
     */
    public static List<String> defaultJvmOptions(int javaFeature, String tmpdir) {
        List<String> options = new ArrayList<>();
        if (tmpdir != null && !tmpdir.isBlank()) options.add("-Djava.io.tmpdir=" + tmpdir);
        if (javaFeature >= UNSAFE_WARNING_SINCE) options.add(ALLOW_UNSAFE);
        return Collections.unmodifiableList(options);
    }

    /**
     * The child's classpath: {@code pyport.classpath} when the kernel set it, else {@code java.class.path};
     * then {@code pyport.cellClassDir} (so a cell-defined class, named like {@code REPL.$JShell$12$Worker},
     * loads by its {@code getName()}); then this library's own location if missing. No duplicates.
     */
    public static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        String kernelCp = System.getProperty("pyport.classpath");
        split(kernelCp != null && !kernelCp.isBlank() ? kernelCp : System.getProperty("java.class.path", ""), entries);
        String cellDir = System.getProperty("pyport.cellClassDir");
        if (cellDir != null && !cellDir.isBlank()) entries.add(cellDir);
        String self = ownLocation();
        if (self != null) entries.add(self);
        return String.join(File.pathSeparator, entries);
    }

    private static void split(String cp, Set<String> into) {
        for (String e : cp.split(File.pathSeparator)) if (!e.isBlank()) into.add(e);
    }

    private static String ownLocation() {
        CodeSource cs = JvmCommand.class.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) return null;
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (Exception e) {
            return null; // not a file location: the library reaches the child some other way
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
