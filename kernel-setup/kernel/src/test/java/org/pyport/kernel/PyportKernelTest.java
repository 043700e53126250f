package org.pyport.kernel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pyport.kernel.exec.CellError;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import org.pyport.kernel.magic.PythonMagic;

/** The kernel class driven directly, without Jupyter. */
class PyportKernelTest {

    static PyportKernel kernel;

    @BeforeAll
    static void start() {
        kernel = PyportKernel.builder().build();
        kernel.onStartup(); // the notebook API (eval, magics as values) finds the kernel
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    /** Runs a cell and returns what it printed on stdout. */
    private static String stdout(String cell) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            kernel.evalRaw(cell);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void pythonOutputIsStreamedAndStored() throws Exception {
        // the reference is CPython itself: what python3 prints for the same program
        String program = "print('a')\nprint('b', end='')\nprint(sum(range(10)))";
        Path script = Files.createTempFile("ref", ".py");
        Files.writeString(script, program);
        Process p = new ProcessBuilder(PythonMagic.pythonCommand(), script.toString()).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Files.delete(script);

        assertEquals(expected, stdout("%%python --out py_x\n" + program));
        assertEquals(expected, kernel.evalRaw("py_x"));
    }

    @Test
    void failingPythonFailsTheCell() {
        CellError e = assertThrows(CellError.class, () -> kernel.evalRaw("%%python\nimport sys\nsys.exit(3)"));
        assertEquals("PythonError", e.name());
        assertTrue(e.getMessage().contains("status 3"));
    }

    @Test
    void systemExitIsRefused() {
        CellError e = assertThrows(CellError.class, () -> kernel.evalRaw("System.exit(0);"));
        assertTrue(e.name().endsWith("ExitNotAllowedException"), e.name());
        assertEquals(3, kernel.evalRaw("1 + 2"));
        // System.exit's twins: Runtime's exit and halt, called or as a method reference, in a cell or a method
        for (String cell : List.of("Runtime.getRuntime().exit(1);", "Runtime.getRuntime().halt(2);",
                "Runtime rt = Runtime.getRuntime();\njava.util.function.IntConsumer quit = rt::exit;\nquit.accept(3);",
                "void leave(int n) { switch (n) { case 1 -> Runtime.getRuntime().exit(n); default -> { } } }\nleave(1);")) {
            CellError refused = assertThrows(CellError.class, () -> kernel.evalRaw(cell), cell);
            assertTrue(refused.name().endsWith("ExitNotAllowedException"), cell + ": " + refused.name());
        }
        assertEquals(3, kernel.evalRaw("1 + 2"));
    }

    @Test
    void timeitPrintsIPythonsFormat() {
        String out = stdout("%timeit -n 3 -r 2 Math.sqrt(2)");
        assertTrue(out.matches("(?s).* per loop \\(mean \u00b1 std\\. dev\\. of 2 runs, 3 loops each\\)\\n"), out);
    }

    @Test
    void timeKeepsDeclarationsAndValue() {
        String out = stdout("%%time\nint timed = 6 * 7;");
        assertTrue(out.startsWith("CPU times: user "), out);
        assertTrue(out.contains("\nWall time: "), out);
        assertEquals(42, kernel.evalRaw("timed"));
    }

    @Test
    void valuesShowAsInIJavaAlsoAfterASemicolon() {
        kernel.evalRaw("int[] runs = {0};");
        assertEquals(1, kernel.evalRaw("++runs[0];"));
        assertEquals("2", kernel.evalRaw("String.valueOf(++runs[0]);  // a comment"));
        assertEquals(3, kernel.evalRaw("++runs[0] // no semicolon"));
        assertNull(kernel.evalRaw("runs[0]++; int after = runs[0];"), "a declaration ends the cell: no value");
        assertEquals("a;", kernel.evalRaw("\"a;\""));
    }

    @Test
    void timeMagicsShowTheirCodesValue() {
        String out = stdout("%time 6 * 7;");
        assertTrue(out.startsWith("CPU times: "), out);
        assertEquals(42, kernel.evalRaw("%time 6 * 7;"));
        assertEquals(42, kernel.evalRaw("%%time\nint six = 6;\nsix * 7;"));
        assertEquals(42, kernel.evalRaw("int seven = 7;\n%time six * seven"));
        assertNull(kernel.evalRaw("%timeit -n 1 -r 1 six * seven;"));
    }

    @Test
    void lineMagicsShowNoValueButGiveOneInAnExpression() throws Exception {
        Path dir = Files.createTempDirectory("pyport-magic-value");
        try {
            assertNull(kernel.evalRaw("%classpath " + dir));
            Object added = kernel.evalRaw("List<String> added = %classpath " + dir + ";\nadded");
            assertEquals(List.of(dir.toString()), added);
        } finally {
            Files.delete(dir);
        }
    }

    @Test
    void cellClassesAreWrittenForChildJvms() throws Exception {
        kernel.evalRaw("class Shipped implements java.io.Serializable { }");
        Path dir = Path.of(System.getProperty(PyportKernel.CELL_CLASS_DIR_PROPERTY));
        try (var files = Files.walk(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith("$Shipped.class")));
        }
        assertTrue(System.getProperty(PyportKernel.CLASSPATH_PROPERTY).contains("jjava-jupyter"));
    }

    @Test
    void timingMagicsAreRegisteredLikeTheOthers() throws Exception {
        assertTrue(kernel.getMagicsRegistry().getLineMagicNames().containsAll(
                List.of("time", "timeit", "jars", "classpath", "maven")));
        assertTrue(kernel.getMagicsRegistry().getCellMagicNames().containsAll(List.of("time", "timeit", "python")));
        // the notebook API's lineMagic(..) reaches the same magic, with the words as its code
        assertEquals(42, (int) kernel.getMagicsRegistry().evalLineMagic(kernel, "time", List.of("6", "*", "7")));
    }

    @Test
    void unknownMagicIsAClearError() {
        CellError e = assertThrows(CellError.class, () -> kernel.evalRaw("%nosuch"));
        assertEquals("UndefinedMagic", e.name());
        assertNull(kernel.evalRaw("int quiet = 1;\n"));
    }
}
