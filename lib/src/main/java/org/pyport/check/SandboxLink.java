package org.pyport.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells {@code %%python} cells where the notebook's sandbox is. Java cannot change the environment of
 * the kernel that starts python3, but both run in the same working directory (the notebook's folder), so
 * a one-line file there carries the path: Java writes {@code .NAME.sandbox}, Python reads it with
 * {@code open('.NAME.sandbox').read()}. {@link #close()} removes the file (also attempted at JVM exit).
 */
public final class SandboxLink implements AutoCloseable {
    private final Path file;

    private SandboxLink(Path file) {
        this.file = file;
    }

    /**
     * Writes {@code .<name>.sandbox} in the working directory, holding the absolute path of {@code sandboxDir}.
     *
     * @param name a plain name such as the notebook's ({@code 01-file-io}); no path separators
     */
    public static SandboxLink publish(Path sandboxDir, String name) {
        if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("link name must be letters, digits, '_', '.', '-': " + name);
        }
        if (!Files.isDirectory(sandboxDir)) throw new IllegalArgumentException("not a directory: " + sandboxDir);
        Path f = Path.of("." + name + ".sandbox").toAbsolutePath();
        try {
            Files.writeString(f, sandboxDir.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox link " + f
                    + " (is the notebook's folder writable?)", e);
        }
        f.toFile().deleteOnExit();
        return new SandboxLink(f);
    }

    /** The link file (absolute). */
    public Path file() {
        return file;
    }

    /** The name Python opens: the link file's name, relative to the shared working directory. */
    public String fileName() {
        return file.getFileName().toString();
    }

    /** Removes the link file; calling it twice is harmless. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sandbox link " + file, e);
        }
    }
}
