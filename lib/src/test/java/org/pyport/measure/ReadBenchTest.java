package org.pyport.measure;

import org.pyport.python.Python;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadBenchTest {
    @Test
    void everyStrategyReadsEveryByteAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.txt");
        long lines = ReadBench.writeTextFile(f, 3_000_001); // not a multiple of the block or buffer size
        long size = Files.size(f);
        assertEquals(lines * 64, size);
        // CPython counts the same lines and bytes
        assumeTrue(Python.available(), "python3 is needed");
        String py = Python.run("import sys\nb = open(sys.argv[1], 'rb').read()\nprint(len(b), b.count(b'\\n'))", f.toString())
                .check().stdout();
        assertEquals(size + " " + lines, py.strip());
        long[] expected = {size, lines};
        assertArrayEquals(expected, ReadBench.readAllBytes(f));
        assertArrayEquals(expected, ReadBench.bufferedReaderLines(f));
        assertArrayEquals(expected, ReadBench.filesLines(f));
        assertArrayEquals(expected, ReadBench.readAllLines(f));
        assertArrayEquals(expected, ReadBench.memoryMapped(f));
        assertArrayEquals(new long[] {size, -1}, ReadBench.channelOnly(f));
        try {
            assertArrayEquals(new long[] {size, -1}, ReadBench.disk(f));
        } catch (UnsupportedOperationException e) {
            assertTrue(e.getMessage().contains("O_DIRECT") || e.getMessage().contains("DIRECT"), e.getMessage());
        }
        assertTrue(Files.readString(f).startsWith("00000000 the quick"));
    }

    @Test
    void measureKeepsTheFastestRunAndReportsFailures(@TempDir Path dir) {
        Path f = dir.resolve("small.txt");
        ReadBench.writeTextFile(f, 640);
        ReadBench.Result r = ReadBench.measure("Java", "read all", "Files.readAllBytes", f, 3, ReadBench::readAllBytes);
        assertEquals("read all", r.way());
        assertEquals(640, r.bytes());
        assertEquals(10, r.lines());
        assertTrue(r.seconds() > 0 && r.mbPerSecond() > 0);
        assertThrows(java.io.UncheckedIOException.class,
                () -> ReadBench.measure("Java", "read all", "missing", dir.resolve("nope"), 1, ReadBench::readAllBytes));
        assertThrows(IllegalArgumentException.class, () -> ReadBench.measure("Java", "x", "x", f, 0, ReadBench::readAllBytes));
    }
}
