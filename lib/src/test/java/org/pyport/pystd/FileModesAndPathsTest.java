package org.pyport.pystd;

import org.pyport.check.SandboxLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileModesAndPathsTest {
    @Test
    void filemodeMatchesCPythonForTypesAndSpecialBits() {
        List<Integer> modes = new ArrayList<>();
        int[] types = {0140000, 0120000, 0100000, 0060000, 0040000, 0020000, 0010000, 0};
        for (int t : types) for (int perm = 0; perm < 07777; perm += 0111) modes.add(t | perm);
        for (int special : new int[] {04000, 02000, 01000, 04755, 02644, 01777, 07000}) modes.add(0100000 | special);
        String args = modes.stream().map(String::valueOf).collect(Collectors.joining(" "));
        String py = Py.run("import stat, sys\nfor m in sys.argv[1:]: print(stat.filemode(int(m)))", args.split(" "));
        String java = modes.stream().map(FileModes::filemode).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(py, java);
    }

    @Test
    void modeOfRealFilesMatchesLstat(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f.txt"), "x");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), f);
        Path sub = Files.createDirectory(dir.resolve("sub"));
        String py = Py.run("import os, stat, sys\nfor p in sys.argv[1:]: print(stat.filemode(os.lstat(p).st_mode))",
                f.toString(), link.toString(), sub.toString());
        assertEquals(py, FileModes.filemode(f) + "\n" + FileModes.filemode(link) + "\n" + FileModes.filemode(sub) + "\n");
        assertThrows(java.io.UncheckedIOException.class, () -> FileModes.mode(dir.resolve("missing")));
    }

    @Test
    void splitAndSplitextMatchCPython() {
        String[] paths = {"/Users/michael/testdir/file.txt", "/path/to/file.txt", "/a/b/", "a", "", "/", "//", "///x",
                "a//b", ".bashrc", "/x/..hidden", "/x/.a.b", "archive.tar.gz", "a.b/c", "dir.d/", "a.", "..", "x/...y"};
        StringBuilder java = new StringBuilder();
        for (String p : paths) java.append(PyPaths.split(p)).append(' ').append(PyPaths.splitext(p)).append('\n');
        String py = Py.run("import os.path, sys\nfor p in sys.argv[1:]:\n"
                + "    print('[' + ', '.join(os.path.split(p)) + '] [' + ', '.join(os.path.splitext(p)) + ']')", paths);
        assertEquals(py, java.toString());
    }

    @Test
    void sandboxLinkWritesThePathAndRemovesIt(@TempDir Path dir) throws Exception {
        try (SandboxLink link = SandboxLink.publish(dir, "unit-test-" + ProcessHandle.current().pid())) {
            assertEquals(dir.toAbsolutePath().toString(), Py.run("print(open('" + link.fileName() + "').read())").strip());
            assertTrue(Files.exists(link.file()));
            link.close();
            assertFalse(Files.exists(link.file()));
        }
        assertThrows(IllegalArgumentException.class, () -> SandboxLink.publish(dir, "../escape"));
        assertThrows(IllegalArgumentException.class, () -> SandboxLink.publish(dir.resolve("none"), "x"));
    }
}
