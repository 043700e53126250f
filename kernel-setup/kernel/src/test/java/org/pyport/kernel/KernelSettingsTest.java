package org.pyport.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.pyport.kernel.exec.CellError;

/** IJava's environment variables (and the kernel's own names for them) shape a starting kernel. */
class KernelSettingsTest {

    @Test
    void readsAllPrefixesAndExpandsGlobs(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("a.jar"));
        Files.createFile(dir.resolve("b.jar"));
        Files.writeString(dir.resolve("one.jshell"), "int one = 1;");
        KernelSettings s = KernelSettings.fromEnvironment(Map.of(
                "IJAVA_CLASSPATH", dir + "/*.jar" + File.pathSeparator + dir + "/missing.jar",
                "PYPORT_COMPILER_OPTS", "-parameters  -Xlint:none",
                "JJAVA_COMPILER_OPTS", "-g",
                "IJAVA_STARTUP_SCRIPTS_PATH", dir + "/*.jshell",
                "PYPORT_STARTUP_SCRIPT", "int two = 2;"));
        assertEquals(List.of(dir.resolve("a.jar").toString(), dir.resolve("b.jar").toString()), s.classpath());
        assertEquals(List.of("-parameters", "-Xlint:none", "-g"), s.compilerOptions());
        assertEquals(List.of("int one = 1;", "int two = 2;"),
                s.startupScripts().stream().map(KernelSettings.Script::code).toList());
        assertEquals(List.of("IJAVA_CLASSPATH: nothing matches " + dir + "/missing.jar"), s.problems());
    }

    @Test
    void kernelUsesClasspathAndScripts(@TempDir Path dir) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = Files.writeString(dir.resolve("Greeter.java"),
                "package demo; public class Greeter { public static String hi() { return \"hi from a jar\"; } }");
        // javac in a process of its own, as the jars and folders a user points the kernel at are made
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Process compile = new ProcessBuilder(javac.toString(), "-d", classes.toString(), source.toString())
                .inheritIO().start();
        assertEquals(0, compile.waitFor());
        Files.writeString(dir.resolve("start.jshell"), "String greeting = demo.Greeter.hi();");

        KernelSettings settings = KernelSettings.fromEnvironment(Map.of(
                "IJAVA_CLASSPATH", classes.toString(),
                "IJAVA_STARTUP_SCRIPTS_PATH", dir + "/*.jshell",
                "PYPORT_STARTUP_SCRIPT", "int broken = \"not an int\";"));
        PyportKernel kernel = PyportKernel.builder().settings(settings).build();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            // the start-up script ran against the class path entry
            Object greeting;
            try {
                greeting = kernel.evalRaw("greeting");
            } catch (CellError e) {
                throw new AssertionError("the start-up script did not define greeting; kernel said: " + err, e);
            }
            assertEquals("hi from a jar", greeting);
            assertTrue(System.getProperty(PyportKernel.CLASSPATH_PROPERTY).contains(classes.toString()));
        } finally {
            System.setErr(oldErr);
            kernel.cleanUp();
        }
        String shown = err.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("Kernel start-up: start-up script PYPORT_STARTUP_SCRIPT failed"), shown);
        assertTrue(shown.contains("incompatible types"), shown);
    }

    /** Options reach javac: one it rejects is reported (JShell accepts the others silently, so this is what shows). */
    @Test
    void rejectedCompilerOptionIsReportedNotFatal() {
        PyportKernel kernel = PyportKernel.builder()
                .settings(KernelSettings.fromEnvironment(Map.of("PYPORT_COMPILER_OPTS", "-no-such-flag"))).build();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(3, kernel.evalRaw("1 + 2"));
        } finally {
            System.setErr(oldErr);
            kernel.cleanUp();
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("compiler options [-no-such-flag] ignored"), err.toString());
    }
}
