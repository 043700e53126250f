package org.pyport.kernel.exec;

import com.sun.tools.attach.VirtualMachine;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a notebook's declarations keep when JShell compiles them again, against JShell's own engine (JDI, in a JVM of
 * its own), which is the reference: the same cells give the same values in both.
 */
class ClassRedefinitionTest {

    @TempDir
    static Path dir;

    /** Cells of a notebook, the last an expression whose value (or exception) both engines must agree on. */
    private static final List<List<String>> NOTEBOOKS = List.of(
            // a comment line above an import (an import of several lines) reset every variable
            List.of("var a = new StringBuilder(\"kept\");",
                    "import java.time.Duration;\nimport java.util.concurrent.atomic.*;   // a comment\nimport java.text.*;",
                    "a.length()"),
            // a cell of imports run again, and an import of the session's again with other spaces and comments
            List.of("var b = new StringBuilder(\"kept\");", "// the imports\nimport java.util.*;\nimport java.io.*;",
                    "// the imports\nimport java.util.*;\nimport java.io.*;", "import  java.util.* ; /* again */",
                    "/* and */\nimport java.util.*;", "b.length()"),
            // a method declared again with another body: a variable computed with it keeps its value
            List.of("int sq(int x) { return x * x; }", "int f = sq(3);", "int sq(int x) { return x * x * x; }",
                    "f * 1000 + sq(3)"),
            // a class declared again with another method body: its objects are the same, with the new method
            List.of("class P { int v() { return 1; } }", "P g = new P();", "class P { int v() { return 2; } }",
                    "g.v()"),
            // a class declared again with a new field cannot be redefined: JShell replaces it, and resets g2
            List.of("class Q { }", "Q g2 = new Q();", "class Q { int x = 3; }", "g2 == null"),
            // declared again as it was, and a method others do not use: nothing changes
            List.of("int one() { return 1; }", "int h = one();", "int one() { return 1; }",
                    "var k = new StringBuilder(\"k\");", "void m() { System.out.print(\"\"); }",
                    "void m() { System.out.print(\"\" + 2); }", "h * 10 + k.length()"));

    /** Loads the kernel's agent into this JVM, as {@code -javaagent} does for the kernel (surefire allows it). */
    @BeforeAll
    static void loadTheAgent() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Agent-Class", ClassRedefinition.class.getName());
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        Path jar = dir.resolve("agent.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            // the agent's class is on the class path already
        }
        if (!ClassRedefinition.available()) {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
            try {
                vm.loadAgent(jar.toString());
            } finally {
                vm.detach();
            }
        }
        assertTrue(ClassRedefinition.available(), "the agent did not load");
    }

    @Test
    void declarationsKeepWhatTheyKeepInJShellsOwnEngine() {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        try (JShell reference = JShell.create()) {
            reference.eval("import java.util.*;");
            for (List<String> cells : NOTEBOOKS) {
                String last = null;
                for (String cell : cells) {
                    last = inJShell(reference, cell);
                }
                expected.add(last);
            }
        }
        try (JShellEvaluator kernel = new JShellEvaluator(List.of(), dir, () -> 1, List.of("import java.util.*;"))) {
            for (List<String> cells : NOTEBOOKS) {
                String last = null;
                for (String cell : cells) {
                    last = inKernel(kernel, cell);
                }
                actual.add(last);
            }
        }
        assertEquals(List.of("4", "4", "9027", "2", "true", "11"), expected, "JShell itself changed");
        assertEquals(expected, actual);
    }

    /** @return the value of the cell's last snippet as JShell shows it, or the name of its exception */
    private static String inJShell(JShell shell, String cell) {
        String value = null;
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        for (String rest = cell; !rest.isBlank(); ) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            for (SnippetEvent event : shell.eval(info.source())) {
                if (event.causeSnippet() == null) {
                    assertTrue(event.status() != Snippet.Status.REJECTED, cell + ": " + shell.diagnostics(event.snippet()).toList());
                    value = event.exception() != null ? event.exception().getClass().getSimpleName() : event.value();
                }
            }
            rest = info.remaining();
        }
        return value;
    }

    private static String inKernel(JShellEvaluator kernel, String cell) {
        try {
            return String.valueOf(kernel.eval(cell, 0));
        } catch (CellError e) {
            return e.name();
        }
    }
}
