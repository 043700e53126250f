package org.pyport.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CaptureTest {
    @Test
    void capturesAndStillPrints() {
        PrintStream original = System.out;
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        System.setOut(new PrintStream(cell, true, StandardCharsets.UTF_8));
        try {
            String got = Capture.stdout(() -> {
                System.out.println("中文 line");
                System.out.print("no newline");
            });
            assertEquals("中文 line" + System.lineSeparator() + "no newline", got);
            assertEquals(got, cell.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        assertSame(original, System.out);
    }

    @Test
    void nestedCapturesBothSeeOutput() {
        String[] inner = new String[1];
        String outer = Capture.stdout(() -> {
            System.out.print("a");
            inner[0] = Capture.stdout(() -> System.out.print("b"));
        });
        assertEquals("b", inner[0]);
        assertEquals("ab", outer);
    }

    @Test
    void restoresStdoutAndRethrowsCheckedExceptions() {
        PrintStream original = System.out;
        IOException e = assertThrows(IOException.class, () -> Capture.stdout(() -> {
            System.out.print("partial");
            throw new IOException("boom");
        }));
        assertEquals("boom", e.getMessage());
        assertSame(original, System.out);
        Runnable r = () -> System.out.print("plain runnable");
        assertTrue(Capture.stdout(r).equals("plain runnable"));
    }

    @Test
    void hiddenCaptureReturnsWithoutShowing() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream cell = new ByteArrayOutputStream();
        System.setOut(new PrintStream(cell, true, StandardCharsets.UTF_8));
        try {
            String got = Capture.stdoutHidden(() -> System.out.print("/tmp/some-run/file"));
            assertEquals("/tmp/some-run/file", got);
            assertEquals("", cell.toString(StandardCharsets.UTF_8), "nothing reached the cell");
            assertThrows(IOException.class, () -> Capture.stdoutHidden(() -> { throw new IOException("boom"); }));
            System.out.print("after");
            assertEquals("after", cell.toString(StandardCharsets.UTF_8), "System.out restored");
        } finally {
            System.setOut(original);
        }
    }
}
