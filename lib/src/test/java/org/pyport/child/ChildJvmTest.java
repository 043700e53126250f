package org.pyport.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyport.check.Capture;
import org.pyport.check.Sandbox;

class ChildJvmTest {
    /** Entry points the child runs. */
    static final class Worker {
        static void greet(String[] args) {
            System.out.println("hello " + String.join(",", args) + " from " + ProcessHandle.current().pid());
        }

        static void noArgs() {
            System.out.println("no args");
        }

        static void exitWith(String[] args) {
            System.exit(Integer.parseInt(args[0]));
        }

        static void fail() {
            throw new IllegalStateException("child failure");
        }

        static void sleepForever() throws InterruptedException {
            System.out.println("sleeping");
            Thread.sleep(600_000);
        }

        static void tmpdir() {
            System.out.println(System.getProperty("java.io.tmpdir"));
        }

        void notStatic() {}
    }

    @AfterEach
    void nothingLeftRunning() {
        assertEquals(0, ChildProcess.liveCount(), "every child reaped");
    }

    @Test
    void runsAStaticMethodWithArgsInAnotherProcess() {
        String[] out = new String[1];
        String echoed = Capture.stdout(() -> {
            try (ChildProcess c = ChildJvm.start(Worker.class, "greet", "a", "b")) {
                assertNotEquals(ProcessHandle.current().pid(), c.pid());
                assertEquals(0, c.join());
                assertEquals(0, c.exitCode());
                out[0] = c.stdout();
            }
        });
        assertTrue(out[0].startsWith("hello a,b from "), out[0]);
        assertFalse(out[0].contains(" from " + ProcessHandle.current().pid() + "\n"));
        assertEquals(out[0], echoed, "child output is echoed into this JVM's System.out");
        try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(Worker.class, "noArgs")) {
            assertEquals(0, c.join());
            assertEquals("no args\n", c.stdout());
        }
    }

    @Test
    void childTakesThisJvmsTempDir() throws Exception {
        Path dir = Files.createTempDirectory("pyport-child-tmp");
        String old = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", dir.toString()); // as the kernel sets it from the notebook's TMPDIR
            try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(Worker.class, "tmpdir")) {
                assertEquals(0, c.join(), c.stderr());
                assertEquals(dir + "\n", c.stdout());
            }
        } finally {
            System.setProperty("java.io.tmpdir", old);
            Files.delete(dir);
        }
    }

    @Test
    void prefixesEchoedLines() {
        String echoed = Capture.stdout(() -> {
            try (ChildProcess c = ChildJvm.with().prefix("[child] ").start(Worker.class, "noArgs")) {
                c.join();
            }
        });
        assertEquals("[child] no args\n", echoed);
    }

    @Test
    void exitCodesAndFailures() {
        try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(Worker.class, "exitWith", "7")) {
            assertEquals(7, c.join());
        }
        try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(Worker.class, "fail")) {
            assertEquals(1, c.join());
            assertTrue(c.stderr().contains("IllegalStateException: child failure"), c.stderr());
        }
    }

    @Test
    void badEntryPointsFailInTheParent() {
        assertThrows(IllegalArgumentException.class, () -> ChildJvm.start(Worker.class, "missing"));
        assertThrows(IllegalArgumentException.class, () -> ChildJvm.start(Worker.class, "notStatic"));
        assertThrows(IllegalArgumentException.class, () -> ChildJvm.start(() -> System.out.println(new Object() {})));
    }

    @Test
    void killAndCloseReap() {
        ChildProcess c = ChildJvm.with().inheritOutput(false).start(Worker.class, "sleepForever");
        assertTrue(c.isAlive());
        assertFalse(c.join(Duration.ofMillis(200)));
        assertThrows(IllegalStateException.class, c::exitCode);
        assertNotEquals(0, c.kill());
        assertFalse(c.isAlive());
        assertFalse(ProcessHandle.of(c.pid()).map(ProcessHandle::isAlive).orElse(false));

        ChildProcess d = ChildJvm.with().inheritOutput(false).start(Worker.class, "sleepForever");
        d.close();
        assertFalse(d.isAlive());
    }

    @Test
    void runsASerializableLambda() {
        String greeting = "captured value";
        try (ChildProcess c = ChildJvm.with().inheritOutput(false)
                .start(() -> System.out.println(greeting + " in " + ProcessHandle.current().pid()))) {
            assertEquals(0, c.join(), c.stderr());
            assertTrue(c.stdout().startsWith("captured value in "), c.stdout());
        }
        try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(() -> System.exit(5))) {
            assertEquals(5, c.join());
        }
    }

    /** The task travels on the child's stdin and is read through the task filter: a class off its list fails. */
    @Test
    void aTaskCapturingAClassThatIsNotAllowedFailsInTheChildWithTheReason() throws Exception {
        java.net.URL url = java.net.URI.create("http://127.0.0.1/").toURL();
        try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(() -> System.out.println("ran with " + url))) {
            assertEquals(1, c.join());
            assertEquals("", c.stdout());
            assertTrue(c.stderr().contains("refused by the deserialization filter: class java.net.URL is not allowed"), c.stderr());
        }
    }

    /**
     * JShell compiles cell classes as nested classes of synthetic wrappers in package REPL (e.g.
     * REPL.$JShell$12$Worker) and the kernel writes their bytecode to pyport.cellClassDir: such a class,
     * unknown to this JVM's class path, must load in the child by its getName().
     */
    @Test
    void loadsJShellStyleCellClassesFromTheCellClassDir() throws Exception {
        try (Sandbox sb = Sandbox.create("cells")) {
            Path src = sb.resolve("src/REPL");
            Files.createDirectories(src);
            Files.writeString(src.resolve("$JShell$12.java"), "package REPL;\n"
                    + "public class $JShell$12 {\n"
                    + "  public static class Worker {\n"
                    + "    public static void run(String[] a) { System.out.println(\"cell worker \" + a[0]); }\n"
                    + "  }\n"
                    + "  public static org.pyport.child.SerializableRunnable task(String s) {\n"
                    + "    return () -> System.out.println(\"cell lambda \" + s + \" \" + Worker.class.getName());\n"
                    + "  }\n"
                    + "}\n");
            Path classes = Files.createDirectories(sb.resolve("classes"));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                    src.resolve("$JShell$12.java").toString());
            assertEquals(0, rc);
            try (URLClassLoader cells = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
                Class<?> worker = Class.forName("REPL.$JShell$12$Worker", true, cells);
                assertEquals("REPL.$JShell$12$Worker", worker.getName());
                SerializableRunnable task = (SerializableRunnable) Class.forName("REPL.$JShell$12", true, cells)
                        .getMethod("task", String.class).invoke(null, "x");
                String old = System.getProperty("pyport.cellClassDir");
                System.setProperty("pyport.cellClassDir", classes.toString());
                try (ChildProcess c = ChildJvm.with().inheritOutput(false).start(worker, "run", "arg");
                     ChildProcess d = ChildJvm.with().inheritOutput(false).start(task)) {
                    assertEquals(0, c.join(), c.stderr());
                    assertEquals("cell worker arg\n", c.stdout());
                    assertEquals(0, d.join(), d.stderr());
                    assertEquals("cell lambda x REPL.$JShell$12$Worker\n", d.stdout());
                } finally {
                    if (old == null) System.clearProperty("pyport.cellClassDir");
                    else System.setProperty("pyport.cellClassDir", old);
                }
            }
        }
    }

    @Test
    void cellClassesWithoutTheCellClassDirAreRefusedClearly() {
        assertTrue(System.getProperty("pyport.cellClassDir") == null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChildJvm.requireCellClassDir("REPL.$JShell$3$Worker"));
        assertTrue(e.getMessage().contains("pyport.cellClassDir"), e.getMessage());
        ChildJvm.requireCellClassDir(Worker.class.getName());
    }
}
