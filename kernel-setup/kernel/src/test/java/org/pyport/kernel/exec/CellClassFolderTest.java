package org.pyport.kernel.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep removes the class folders of kernels that are gone, and only those. */
class CellClassFolderTest {

    /** A stand-in for a running kernel: holds the lock of the folder named on its command line until killed. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            FileChannel channel = FileChannel.open(Path.of(args[0], CellClassFolder.LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.lock();
            System.out.println("locked");
            Thread.sleep(120_000);
        }
    }

    private static Path folder(Path tmp, String name) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Files.createDirectories(dir.resolve("REPL"));
        Files.write(dir.resolve("REPL").resolve("$JShell$1.class"), new byte[100]);
        return dir;
    }

    @Test
    @Timeout(60)
    void theFolderOfAKilledKernelIsRemovedAndARunningKernelsIsKept() throws Exception {
        Path tmp = Files.createTempDirectory("pyport-sweep-test");
        Path dir = folder(tmp, CellClassFolder.PREFIX + "123");
        Process kernel = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(kernel.getInputStream()));
            assertEquals("locked", out.readLine());
            assertEquals(List.of(), CellClassFolder.sweep(tmp, CellClassFolder.LEGACY_AGE), "its kernel runs");
            assertTrue(Files.exists(dir.resolve("REPL")));
        } finally {
            kernel.destroyForcibly().waitFor(); // as kill -9: the kernel cannot clean up
        }
        assertEquals(List.of(dir), CellClassFolder.sweep(tmp, CellClassFolder.LEGACY_AGE));
        assertFalse(Files.exists(dir));
        Files.delete(tmp);
    }

    @Test
    void aFolderOfThisProcessIsKept(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            Path mine = CellClassFolder.create();
            assertEquals(List.of(), CellClassFolder.sweep(tmp, Duration.ZERO));
            assertTrue(Files.exists(mine.resolve(CellClassFolder.LOCK_FILE)));
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }

    @Test
    void foldersOfOlderKernelsWithoutLockGoOnceUnchangedForAnHour(@TempDir Path tmp) throws Exception {
        Path fresh = folder(tmp, CellClassFolder.PREFIX + "fresh");
        Path old = folder(tmp, CellClassFolder.PREFIX + "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        Path unrelated = folder(tmp, "pyport-other");
        Files.setLastModifiedTime(unrelated, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        assertEquals(List.of(old), CellClassFolder.sweep(tmp, CellClassFolder.LEGACY_AGE));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(unrelated));
    }

    @Test
    void mavenFoldersOfEndedProcessesGo(@TempDir Path tmp) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path gone = folder(tmp, CellClassFolder.MAVEN_PREFIX + ended.pid());
        Path running = folder(tmp, CellClassFolder.MAVEN_PREFIX + ProcessHandle.current().pid());
        assertEquals(List.of(gone), CellClassFolder.sweep(tmp, CellClassFolder.LEGACY_AGE));
        assertTrue(Files.exists(running));
    }
}
