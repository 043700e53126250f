package org.pyport.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class SandboxTest {
    @Test
    void createsFreshDirAndDeletesEverythingOnClose() throws Exception {
        Path dir;
        Path outside = Files.createTempFile("pyport-outside", ".txt");
        try (Sandbox sb = Sandbox.create("test/x")) {
            dir = sb.dir();
            assertTrue(Files.isDirectory(dir));
            assertTrue(dir.getFileName().toString().startsWith("pyport-test_x-"), dir.toString());
            assertTrue(sb.toString().equals(dir.toString()));
            Files.createDirectories(sb.resolve("a/b"));
            Files.writeString(sb.resolve("a/b/c.txt"), "data");
            Files.writeString(sb.resolve("top.txt"), "data");
            // a symlink to a file outside must be removed, not followed
            Files.createSymbolicLink(sb.resolve("link"), outside);
        }
        assertFalse(Files.exists(dir));
        assertTrue(Files.exists(outside), "symlink target outside the sandbox must survive");
        Files.delete(outside);
    }

    @Test
    void twoSandboxesAreDistinctAndCloseIsIdempotent() {
        Sandbox a = Sandbox.create("t");
        Sandbox b = Sandbox.create("t");
        assertFalse(a.dir().equals(b.dir()));
        a.close();
        a.close();
        b.close();
    }

    @Test
    void resolveRejectsEscapes() {
        try (Sandbox sb = Sandbox.create("t")) {
            assertThrows(IllegalArgumentException.class, () -> sb.resolve("../evil"));
        }
    }
}
