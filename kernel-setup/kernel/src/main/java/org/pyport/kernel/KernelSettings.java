package org.pyport.kernel;

import org.pyport.kernel.magic.ClasspathMagic;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the environment asks of a starting kernel, read the way IJava reads it, so that set-ups written for IJava
 * (or JJava) keep working. Each setting is read under three prefixes, in this order: {@code PYPORT_} (this
 * kernel's own name), {@code IJAVA_} and {@code JJAVA_}; values found under several are all used.
 * <ul>
 *   <li>{@code *_CLASSPATH}: jars and class folders, separated by {@link File#pathSeparator}; globs allowed
 *       ({@code /opt/libs/*.jar}).</li>
 *   <li>{@code *_COMPILER_OPTS}: options for the compiler of every cell, separated by spaces
 *       ({@code -parameters -Xlint:deprecation}).</li>
 *   <li>{@code *_STARTUP_SCRIPTS_PATH}: JShell scripts (globs allowed, {@link File#pathSeparator} between them)
 *       evaluated once at start, in file-name order.</li>
 *   <li>{@code *_STARTUP_SCRIPT}: code evaluated once at start, after the scripts.</li>
 *   <li>{@code *_LOAD_EXTENSIONS}: {@code 0} or {@code false} to not install JJava extensions found on the class
 *       path (they are installed by default, as in JJava).</li>
 * </ul>
 * {@code *_JVM_OPTS} (options for the kernel's JVM) is read by the kernel's launcher, {@code kernel.sh}.
 * Nothing read here stops the kernel from starting: a classpath entry that matches nothing or a script that cannot
 * be read becomes a {@linkplain #problems() problem}, which the kernel shows in the first cell.
 *
 * @param classpath       absolute jar and folder paths to add
 * @param compilerOptions extra compiler options
 * @param startupScripts  code to evaluate at start, in order
 * @param problems        what could not be used, one sentence each
 * @param loadExtensions  whether JJava extensions on the class path are installed
 */
public record KernelSettings(List<String> classpath, List<String> compilerOptions, List<Script> startupScripts,
                             List<String> problems, boolean loadExtensions) {

    /** The environment variable prefixes read, this kernel's own first. */
    public static final List<String> PREFIXES = List.of("PYPORT_", "IJAVA_", "JJAVA_");

    /**
     * A piece of start-up code.
     *
     * @param origin where it came from (a file, or the variable's name)
     * @param code   the Java code
     */
    public record Script(String origin, String code) {
    }

    public KernelSettings {
        classpath = List.copyOf(classpath);
        compilerOptions = List.copyOf(compilerOptions);
        startupScripts = List.copyOf(startupScripts);
        problems = List.copyOf(problems);
    }

    /** @return settings that add nothing */
    public static KernelSettings none() {
        return new KernelSettings(List.of(), List.of(), List.of(), List.of(), true);
    }

    /**
     * Reads the settings from environment variables.
     *
     * @param env the environment, usually {@link System#getenv()}
     * @return the settings, with anything unusable listed in {@link #problems()}
     */
    public static KernelSettings fromEnvironment(Map<String, String> env) {
        List<String> classpath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<Script> scripts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (Path path : paths(env, prefix + "CLASSPATH", problems)) {
                classpath.add(path.toString());
            }
            options.addAll(split(env.get(prefix + "COMPILER_OPTS"), " "));
        }
        for (String prefix : PREFIXES) {
            String name = prefix + "STARTUP_SCRIPTS_PATH";
            for (Path file : paths(env, name, problems)) {
                try {
                    scripts.add(new Script(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    problems.add(name + ": cannot read " + file + " (" + e.getMessage() + ")");
                }
            }
        }
        for (String prefix : PREFIXES) {
            String code = env.get(prefix + "STARTUP_SCRIPT");
            if (code != null && !code.isBlank()) {
                scripts.add(new Script(prefix + "STARTUP_SCRIPT", code));
            }
        }
        boolean extensions = true;
        for (String prefix : PREFIXES) {
            String value = env.get(prefix + "LOAD_EXTENSIONS");
            if (value != null && (value.isBlank() || value.strip().equals("0") || value.strip().equalsIgnoreCase("false"))) {
                extensions = false;
            }
        }
        return new KernelSettings(classpath, options, scripts, problems, extensions);
    }

    /** The files a path-list variable names, globs expanded; an entry that matches nothing is a problem. */
    private static List<Path> paths(Map<String, String> env, String variable, List<String> problems) {
        List<Path> out = new ArrayList<>();
        for (String entry : split(env.get(variable), File.pathSeparator)) {
            List<Path> matches = glob(entry, variable, problems);
            if (matches.isEmpty()) {
                problems.add(variable + ": nothing matches " + entry);
            }
            out.addAll(matches);
        }
        return out;
    }

    private static List<String> split(String value, String separator) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(Pattern.quote(separator))) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static List<Path> glob(String pattern, String variable, List<String> problems) {
        try {
            return ClasspathMagic.resolve(pattern);
        } catch (IOException e) {
            problems.add(variable + ": cannot list " + pattern + " (" + e.getMessage() + ")");
            return List.of();
        }
    }
}
