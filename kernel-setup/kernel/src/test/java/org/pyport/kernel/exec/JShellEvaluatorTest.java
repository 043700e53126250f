package org.pyport.kernel.exec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jdk.jshell.VarSnippet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.io.File;

class JShellEvaluatorTest {

    @TempDir
    Path classDir;
    JShellEvaluator evaluator;

    @BeforeEach
    void start() {
        evaluator = new JShellEvaluator(List.of(), classDir, () -> 1, List.of("import java.util.*;"));
    }

    @AfterEach
    void stop() {
        evaluator.close();
    }

    /** The kernel's own classes on JShell's class path, as in the kernel: the imports are then evaluated at once. */
    private static List<String> kernelClasspath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    @Test
    void startUpImportsAllApply() {
        for (List<String> classpath : List.of(kernelClasspath(), List.<String>of())) { // at once, and one by one
            try (JShellEvaluator e = new JShellEvaluator(classpath, classDir, () -> 1,
                    List.of("import java.math.*;", "import java.util.*;", "import java.util.function.*;"))) {
                assertEquals(BigInteger.valueOf(6), e.eval("BigInteger.valueOf(5).add(BigInteger.ONE)", 0));
                assertEquals(List.of(), e.eval("new ArrayList<Integer>()", 0));
                assertEquals(3, e.eval("((IntUnaryOperator) x -> x + 1).applyAsInt(2)", 0));
            }
        }
    }

    @Test
    void aCellImportingADefaultAgainKeepsTheOthers() {
        // notebook 01 imports java.io.* again: JShell must not drop java.math.* and java.util.* with it
        try (JShellEvaluator e = new JShellEvaluator(kernelClasspath(), classDir, () -> 1,
                List.of("import java.io.*;", "import java.math.*;", "import java.util.*;"))) {
            e.eval("import java.io.*;", 0);
            e.eval("import java.util.*;", 0);
            assertEquals(BigInteger.ONE, e.eval("BigInteger.ONE", 0));
            assertEquals(List.of(1), e.eval("List.of(1)", 0));
            assertEquals(0, e.eval("new ByteArrayOutputStream().size()", 0));
        }
    }

    @Test
    void aStartUpImportThatCannotBeFoundIsReportedByName() {
        CellError error = assertThrows(CellError.class, () -> new JShellEvaluator(List.of(), classDir, () -> 1,
                List.of("import java.util.*;", "import no.such.pkg.*;")));
        assertTrue(String.join("\n", error.traceback()).contains("no.such.pkg"), error.traceback().toString());
    }

    @Test
    void returnsTheValueOfTheLastExpression() {
        assertEquals(42, evaluator.eval("int x = 41;\nx + 1", 0));
        assertEquals(List.of(1, 2), evaluator.eval("List.of(1, 2)", 0));
    }

    @Test
    void expressionValuesAreNotKeptAsVariables() {
        // JShell would keep each value as $1, $2...: variables every later snippet is compiled against
        assertEquals(2, evaluator.eval("1 + 1", 0));
        assertEquals(3, evaluator.eval("int kept = 3;\nkept", 0));
        assertEquals(List.of("kept"), evaluator.shell().variables().map(VarSnippet::name).collect(Collectors.toList()));
        assertEquals(4, evaluator.eval("kept + 1", 0));
    }

    @Test
    void classesOfExpressionsAndStatementsAreNotKept() {
        // JShell keeps every snippet's class file and lists them all in each later compilation: cells got slower
        CompiledSnippetClasses compiled = evaluator.compiledSnippetClasses();
        assertTrue(compiled.works(), "JShell's class files out of reach: is jdk.jshell opened to the tests?");
        evaluator.eval("int sq(int x) { return x * x; }", 0);
        int declared = compiled.size();
        assertTrue(declared > 0);
        for (int i = 0; i < 20; i++) {
            assertEquals(i * i + 1, evaluator.eval("sq(" + i + ") + 1", 0));
            evaluator.eval("for (int j = 0; j < 2; j++) { Runnable r = () -> {}; r.run(); }", 0);
            evaluator.eval("new Object() { public String toString() { return \"anonymous\"; } }.toString()", 0);
            evaluator.eval("System.out.print(\"\")", 0);
            assertThrows(CellError.class, () -> evaluator.eval("Integer.parseInt(\"not a number\")", 0));
        }
        assertEquals(declared, compiled.size());
    }

    @Test
    void declarationsStillCompileAfterTransientClassesAreForgotten() {
        evaluator.eval("class Base { int v() { return 1; } static class Inner { int k = 3; } }", 0);
        evaluator.eval("int twice(int x) { return 2 * x; }", 0);
        evaluator.eval("var xs = new ArrayList<Integer>();", 0);
        for (int i = 0; i < 5; i++) {
            evaluator.eval("xs.add(" + i + ")", 0);
            evaluator.eval("new Base().v() + twice(1)", 0);
        }
        // later declarations and expressions need the class files of the earlier declarations
        evaluator.eval("class Sub extends Base { int v() { return 2; } }", 0);
        assertEquals(7, evaluator.eval("new Sub().v() + new Base.Inner().k + twice(1)", 0));
        assertEquals(5, evaluator.eval("xs.size()", 0));
        evaluator.eval("int twice(int x) { return 20 * x; }", 0); // redefined: Sub is untouched, calls see the new one
        assertEquals(20, evaluator.eval("twice(1)", 0));
        assertEquals(2, evaluator.eval("((Base) new Sub()).v()", 0));
    }

    @Test
    void statementsHaveNoValue() {
        assertEquals(null, evaluator.eval("int y = 2;\nSystem.out.print(\"\");", 0));
    }

    @Test
    void exceptionNamesTheLineOfTheCell() {
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("int y = 1;\n\nint z = y / 0;", 0));
        assertEquals("java.lang.ArithmeticException", e.name());
        assertTrue(e.traceback().get(1).contains("line 3"), e.traceback().toString());
        assertTrue(e.traceback().get(1).contains("int z = y / 0;"), e.traceback().toString());
    }

    @Test
    void exceptionInAMethodShowsBothFrames() {
        evaluator.eval("void f() {\n  throw new IllegalStateException(\"boom\");\n}", 0);
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("int a = 2;\nf();", 0));
        assertEquals("boom", e.getMessage());
        assertTrue(e.traceback().get(1).contains("f") && e.traceback().get(1).contains("line 2"), e.traceback().toString());
        assertTrue(e.traceback().get(2).contains("line 2") && e.traceback().get(2).contains("f();"), e.traceback().toString());
        assertEquals(3, e.traceback().size(), e.traceback().toString());
    }

    @Test
    void compilationErrorPointsAtTheLine() {
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("int ok = 1;\nint q = \"s\";", 0));
        assertEquals("CompilationError", e.name());
        assertTrue(e.traceback().get(0).contains("line 2"), e.traceback().toString());
        assertEquals("    int q = \"s\";", e.traceback().get(1));
    }

    @Test
    void incompleteCodeIsAnError() {
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("for (int i = 0; i < 3; i++) {", 0));
        assertEquals("CompilationError", e.name());
    }

    @Test
    void cellClassesAreWrittenToTheClassFolder() throws Exception {
        evaluator.eval("class Foo { }", 0);
        try (var files = Files.walk(classDir)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith("$Foo.class")));
        }
    }

    @Test
    void completenessOfCode() {
        assertEquals("complete", evaluator.isComplete("int x = 1;"));
        assertEquals("incomplete", evaluator.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", evaluator.isComplete("int x = ;)"));
    }

    @Test
    void classesOfOneCellMayReferToEachOther() {
        assertEquals(null, evaluator.eval("class A { B b; int n = 1; }\nclass B { A a; }", 0));
        assertEquals(1, evaluator.eval("B b = new B(); b.a = new A(); b.a.b = b; b.a.n", 0));
        // methods too, and without a warning that one cannot be called yet
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true));
        try {
            evaluator.eval("int even(int n) { return n == 0 ? 1 : odd(n - 1); }\nint odd(int n) { return n == 0 ? 0 : even(n - 1); }", 0);
        } finally {
            System.setErr(old);
        }
        assertEquals("", err.toString());
        assertEquals(1, evaluator.eval("even(10)", 0));
        // what nothing in the cell declares still fails, at its line
        CellError e = assertThrows(CellError.class, () -> evaluator.eval("int k = 0;\nclass C { Missing m; }", 0));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("Missing"), e.getMessage());
    }

    @Test
    void aThousandStatementsRunAsFewCompilations() {
        evaluator.eval("int big = 0;", 0);
        String cell = "big++;\n".repeat(1000) + "big";
        long start = System.nanoTime();
        assertEquals(1000, evaluator.eval(cell, 0));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // not a timing test (tests must not depend on speed): the number of snippets JShell got tells
        long snippets = evaluator.shell().snippets().count();
        assertTrue(snippets < 20, snippets + " snippets for a 1,000-statement cell (" + millis + " ms)");
    }

    @Test
    void groupedStatementsKeepErrorsAndEffectsOfOneByOne() {
        evaluator.eval("List<Integer> seen = new ArrayList<>();", 0);
        // a compile error in the 3rd statement: the first two ran, as JShell runs them one by one
        CellError e = assertThrows(CellError.class,
                () -> evaluator.eval("seen.add(1);\nseen.add(2);\nseen.add(\"three\");\nseen.add(4);\nseen.size()", 0));
        assertEquals("CompilationError", e.name());
        assertTrue(e.traceback().get(0).contains("line 3"), e.traceback().toString());
        assertEquals(List.of(1, 2), evaluator.eval("seen", 0));
        // an exception in the 2nd: the first ran, the frame names line 2 of the cell
        CellError thrown = assertThrows(CellError.class,
                () -> evaluator.eval("seen.add(5);\nseen.get(99);\nseen.add(6);\nseen.size()", 0));
        String last = thrown.traceback().get(thrown.traceback().size() - 1);
        assertTrue(last.contains("line 2 of this cell: seen.get(99);"), thrown.traceback().toString());
        assertEquals(List.of(1, 2, 5), evaluator.eval("seen", 0));
        // declarations between statements stay visible to later cells
        evaluator.eval("seen.clear();\nseen.add(7);\nint later = seen.get(0);\nseen.add(8);\nseen.add(later);", 0);
        assertEquals(List.of(7, 8, 7), evaluator.eval("seen", 0));
        assertEquals(7, evaluator.eval("later", 0));
    }
}
