package org.pyport.kernel.exec;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;
import java.security.cert.Certificate;

/** A jar or a class folder of the notebook's class path, read by the {@link CellClassLoader}. */
final class ClassPathEntry implements AutoCloseable {

    final Path path;
    private final JarFile jar;
    private final URL base;
    final ProtectionDomain domain;

    ClassPathEntry(Path path) throws IOException {
        this.path = path.toAbsolutePath().normalize();
        boolean isJar = Files.isRegularFile(this.path);
        this.jar = isJar ? new JarFile(this.path.toFile(), true, ZipFile.OPEN_READ, Runtime.version()) : null;
        this.base = this.path.toUri().toURL();
        this.domain = new ProtectionDomain(new CodeSource(base, (Certificate[]) null), null);
    }

    /** @return the bytes of a resource ({@code a/b/C.class}), or null if this entry has none */
    byte[] read(String resource) throws IOException {
        if (jar != null) {
            JarEntry entry = jar.getJarEntry(resource);
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
        Path file = path.resolve(resource);
        return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    /** @return the resource's URL, or null */
    URL find(String resource) {
        try {
            if (jar != null) {
                return jar.getJarEntry(resource) == null ? null : new URL("jar:" + base + "!/" + resource);
            }
            Path file = path.resolve(resource);
            return Files.exists(file) ? file.toUri().toURL() : null;
        } catch (MalformedURLException e) {
            return null;
        }
    }

    /** @return the jar's manifest, or null */
    Manifest manifest() throws IOException {
        return jar == null ? null : jar.getManifest();
    }

    /** @return the base URL (for packages' sealing and code sources) */
    URL url() {
        return base;
    }

    @Override
    public void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }
}
