package org.pyport.kernel.magic;

import org.pyport.kernel.exec.CellError;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Arrays;

/**
 * {@code %classpath PATH...} adds folders or jars, {@code %jars PATH...} adds jars (a folder adds the jars in it).
 * Paths may be globs ({@code lib/*.jar}, {@code libs/**.jar}); relative paths are resolved against the working
 * directory of the kernel (the notebook's folder). The value (as IJava's) is the list of paths added, for code that
 * uses the magic as an expression ({@code List<String> added = %jars lib/*.jar}).
 */
public final class ClasspathMagic implements KernelMagic {

    private final boolean jarsOnly;

    /** @param jarsOnly true for {@code %jars}, false for {@code %classpath} */
    public ClasspathMagic(boolean jarsOnly) {
        this.jarsOnly = jarsOnly;
    }

    @Override
    public Object run(MagicHost kernel, MagicCall call) throws IOException {
        List<String> args = call.args();
        String name = jarsOnly ? "%jars" : "%classpath";
        if (args.isEmpty()) {
            throw new CellError("UsageError", "no path given", List.of("Usage: " + name + " PATH_OR_GLOB..."));
        }
        List<String> added = new ArrayList<>();
        for (String arg : args) {
            List<Path> matches = resolve(arg);
            if (matches.isEmpty()) {
                throw new CellError("FileNotFound", "nothing matches " + arg, List.of(name + ": nothing matches " + arg));
            }
            for (Path path : matches) {
                if (jarsOnly && Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        for (Path jar : files.filter(ClasspathMagic::isJar).sorted().collect(Collectors.toList())) {
                            added.add(jar.toString());
                        }
                    }
                } else if (jarsOnly && !isJar(path)) {
                    throw new CellError("UsageError", "not a jar: " + path, List.of("%jars: not a jar: " + path));
                } else {
                    added.add(path.toString());
                }
            }
        }
        kernel.addToClasspath(added);
        return added;
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    /**
     * Expands a path that may contain glob characters into the existing files it names.
     *
     * @param pattern a path or glob, absolute or relative to the working directory
     * @return absolute, sorted matches (empty if none)
     */
    public static List<Path> resolve(String pattern) throws IOException {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        if (!expanded.matches(".*[*?\\[{].*")) {
            Path path = Paths.get(expanded).toAbsolutePath().normalize();
            return Files.exists(path) ? List.of(path) : List.of();
        }
        // walk from the longest glob-free parent folder
        String[] parts = expanded.split("/", -1);
        StringBuilder base = new StringBuilder(expanded.startsWith("/") ? "/" : "");
        int i = 0;
        for (; i < parts.length - 1 && !parts[i].matches(".*[*?\\[{].*"); i++) {
            if (!parts[i].isEmpty()) {
                base.append(parts[i]).append('/');
            }
        }
        Path root = Paths.get(base.length() == 0 ? "." : base.toString()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String rest = String.join("/", Arrays.copyOfRange(parts, i, parts.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p))).sorted().forEach(out::add);
        }
        return out;
    }
}
