package org.pyport.kernel.exec;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.LinkOption;

/**
 * The temp folder of a kernel's cell classes ({@code pyport-cells*}, the {@code pyport.cellClassDir} property), and
 * the sweep that removes those of kernels that are gone. A kernel deletes its folder when it shuts down; one that is
 * killed cannot, so, as Jupyter does for its runtime files, each kernel removes at start-up the folders no running
 * kernel owns. A kernel owns its folder by holding a lock on {@value #LOCK_FILE} in it for its whole life: the
 * operating system releases the lock when the process ends, however it ends, so a folder whose lock can be taken
 * belongs to no one (a process id could be reused; a lock cannot outlive its process). Folders without a lock file
 * were made by kernels older than this one and are removed once unchanged for {@link #LEGACY_AGE}.
 */
public final class CellClassFolder {

    /** The name of every kernel's folder starts with this. */
    static final String PREFIX = "pyport-cells";
    /** The file whose lock a kernel holds. */
    static final String LOCK_FILE = "kernel.lock";
    /** How long an unlocked folder of an older kernel is left alone. */
    static final Duration LEGACY_AGE = Duration.ofHours(1);
    /** {@code %maven}'s folder of each kernel: {@value} and the kernel's process id. */
    static final String MAVEN_PREFIX = "pyport-maven-";

    /** the locks of this process's folders: held (and never released) until the process ends */
    private static final List<FileChannel> HELD = new ArrayList<>();

    private CellClassFolder() {
    }

    /**
     * Makes this kernel's folder in the temp directory, locked for the life of the process, and removes the
     * folders of kernels that are gone on a background thread.
     *
     * @return the new folder
     * @throws IOException if the folder or its lock cannot be made
     */
    public static Path create() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(tmp, PREFIX);
        lock(dir);
        Thread sweeper = new Thread(() -> sweep(tmp, LEGACY_AGE), KernelThreads.TEMP_SWEEP);
        sweeper.setDaemon(true);
        sweeper.setPriority(Thread.MIN_PRIORITY);
        sweeper.start();
        return dir;
    }

    private static void lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IOException("cannot lock " + dir.resolve(LOCK_FILE));
        }
        synchronized (HELD) {
            HELD.add(channel);
        }
    }

    /**
     * Removes the folders of kernels that are gone from {@code tmp}: {@code pyport-cells*} folders whose lock file
     * is not locked (or that have none and were not changed for {@code legacyAge}), and {@code pyport-maven-PID}
     * folders of processes that no longer exist.
     *
     * @param tmp       the temp directory
     * @param legacyAge how long a folder without lock file is left alone
     * @return the folders removed
     */
    static List<Path> sweep(Path tmp, Duration legacyAge) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, "pyport-*")) {
            for (Path dir : entries) {
                String name = dir.getFileName().toString();
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                boolean stale = name.startsWith(PREFIX) ? ownerGone(dir, legacyAge)
                        : name.startsWith(MAVEN_PREFIX) && processGone(name.substring(MAVEN_PREFIX.length()));
                if (stale && deleteTree(dir)) {
                    removed.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a sweep is a courtesy: the kernel works without it
        }
        return removed;
    }

    private static boolean ownerGone(Path dir, Duration legacyAge) {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            try {
                FileTime changed = Files.getLastModifiedTime(dir);
                return changed.toInstant().isBefore(Instant.now().minus(legacyAge));
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false; // another process holds it: its kernel runs
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this process holds it
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean processGone(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return !Files.exists(root);
    }
}
