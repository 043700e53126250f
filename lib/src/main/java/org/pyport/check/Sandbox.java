package org.pyport.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fresh temporary directory for everything a notebook writes, deleted recursively on {@link #close()}
 * and, as a best effort, at JVM exit (so an interrupted notebook leaves nothing behind).
 */
public final class Sandbox implements AutoCloseable {
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : LIVE) {
                try {
                    deleteRecursively(p);
                } catch (RuntimeException ignored) {
                    // best effort at exit: nothing left to report to
                }
            }
        }, "pyport-sandbox-cleanup"));
    }

    private final Path dir;

    private Sandbox(Path dir) {
        this.dir = dir;
    }

    /** Creates a new empty temp directory named {@code pyport-<name>-XXXX}. */
    public static Sandbox create(String name) {
        String safe = name == null ? "sandbox" : name.replaceAll("[^A-Za-z0-9_.-]", "_");
        try {
            Path d = Files.createTempDirectory("pyport-" + safe + "-");
            LIVE.add(d);
            return new Sandbox(d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory for sandbox '" + name + "'", e);
        }
    }

    /** The sandbox directory. */
    public Path dir() {
        return dir;
    }

    /** A path inside the sandbox (relative names only; nothing is created). */
    public Path resolve(String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir)) throw new IllegalArgumentException("path escapes the sandbox: " + relative);
        return p;
    }

    /** Deletes the directory and everything in it; calling it twice is harmless. */
    @Override
    public void close() {
        deleteRecursively(dir);
        LIVE.remove(dir);
    }

    @Override
    public String toString() {
        return dir.toString();
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                    if (exc instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                    throw exc;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete sandbox " + root, e);
        }
    }
}
