package org.pyport.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChecksTest {
    @Test
    void thatPrintsTickOrThrows() {
        String out = Capture.stdout(() -> Checks.that(true, "it holds"));
        assertEquals("✓ it holds\n", out.replace("\r\n", "\n"));
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.that(false, "it fails"));
        assertTrue(e.getMessage().contains("it fails"));
    }

    @Test
    void equalIsDeepAndShowsBothValuesInPythonStyle() {
        Capture.stdout(() -> {
            Checks.equal(new byte[] {1, 2}, new byte[] {1, 2}, "bytes");
            Checks.equal(new int[][] {{1}, {2}}, new int[][] {{1}, {2}}, "nested arrays");
            Checks.equal(List.of(new byte[] {1}), List.of(new byte[] {1}), "list of arrays");
            Checks.equal(Map.of("k", new long[] {3}), Map.of("k", new long[] {3}), "map of arrays");
            Checks.equal(null, null, "nulls");
        });
        AssertionError e = assertThrows(AssertionError.class,
                () -> Checks.equal(new byte[] {0, (byte) 0x9c}, new byte[] {0, (byte) 0x9d}, "digest"));
        assertTrue(e.getMessage().contains("b'\\x00\\x9c'"), e.getMessage());
        assertTrue(e.getMessage().contains("b'\\x00\\x9d'"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Checks.equal("a b", "a  b", "spaces"));
        assertTrue(e.getMessage().contains("'a b'") && e.getMessage().contains("'a  b'"), e.getMessage());
        assertThrows(AssertionError.class, () -> Checks.equal(List.of(1, 2), List.of(2, 1), "order matters"));
        e = assertThrows(AssertionError.class, () -> Checks.equal(1, 1L, "Integer is not Long"));
        assertTrue(e.getMessage().contains("1 (Integer)") && e.getMessage().contains("1 (Long)"), e.getMessage());
        assertThrows(AssertionError.class, () -> Checks.equal(null, "x", "null vs value"));
    }

    @Test
    void samePythonComparesLinesAndNormalisesOnlyTheTrailingNewline() {
        Capture.stdout(() -> {
            Checks.samePython("a\nb\n", "a\nb");
            Checks.samePython("a\r\nb\r\n", "a\nb\n");
            Checks.samePython("", "");
        });
        AssertionError e = assertThrows(AssertionError.class, () -> Checks.samePython("a\nb\nc\n", "a\nB\nc\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("'B'"), e.getMessage());
        e = assertThrows(AssertionError.class, () -> Checks.samePython("a\n", "a\n\n"));
        assertTrue(e.getMessage().contains("<no line>"), e.getMessage());
        assertThrows(AssertionError.class, () -> Checks.samePython("a \n", "a\n"));
        assertThrows(AssertionError.class, () -> Checks.samePython("", "\n\n"));
    }

    @Test
    void nearUsesTolerance() {
        Capture.stdout(() -> Checks.near(1.0, 1.05, 0.1, "close"));
        assertThrows(AssertionError.class, () -> Checks.near(1.0, 1.2, 0.1, "far"));
        assertThrows(AssertionError.class, () -> Checks.near(1.0, Double.NaN, 0.1, "nan"));
    }

    @Test
    void raisesReturnsTheExceptionOrFails() {
        IOException io = new IOException("disk");
        IOException got = Checks.raises(IOException.class, () -> {
            throw io;
        });
        assertSame(io, got);
        AssertionError none = assertThrows(AssertionError.class, () -> Checks.raises(IOException.class, () -> {}));
        assertTrue(none.getMessage().contains("nothing was thrown"));
        AssertionError wrong = assertThrows(AssertionError.class,
                () -> Checks.raises(IOException.class, () -> Integer.parseInt("x")));
        assertTrue(wrong.getCause() instanceof NumberFormatException);
    }
}
