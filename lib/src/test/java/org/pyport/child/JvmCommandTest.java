package org.pyport.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class JvmCommandTest {
    private static final String MARKER = "PYPORT_NOTEBOOK_RUN";

    /** What a child reports; as {@code spawn}, it first starts a grandchild through JvmCommand and relays its report. */
    static final class Probe {
        public static void main(String[] args) throws Exception {
            if (args.length == 1 && args[0].equals("spawn")) {
                System.out.println("child tmpdir=" + System.getProperty("java.io.tmpdir"));
                Process p = JvmCommand.of(Probe.class).args("report").redirectErrorStream(true).start();
                System.out.print(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                System.exit(p.waitFor());
            }
            System.out.println("tmpdir=" + System.getProperty("java.io.tmpdir"));
            System.out.println("marker=" + System.getenv(MARKER));
            System.out.println("unsafeFlag=" + ManagementFactory.getRuntimeMXBean().getInputArguments().contains(JvmCommand.ALLOW_UNSAFE));
            touchUnsafeMemory();
        }

        /** A memory access through sun.misc.Unsafe, as Hazelcast and classgraph do: Java 24+ warns unless allowed. */
        static void touchUnsafeMemory() throws Exception {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            long address = (long) c.getMethod("allocateMemory", long.class).invoke(unsafe, 8L);
            c.getMethod("freeMemory", long.class).invoke(unsafe, address);
        }
    }

    @Test
    void defaultOptionsPassTheTempDirAndAllowUnsafeOnlyFromJava24() {
        for (int feature = 17; feature <= 23; feature++) {
            assertEquals(List.of("-Djava.io.tmpdir=/nb/tmp"), JvmCommand.defaultJvmOptions(feature, "/nb/tmp"), "Java " + feature);
        }
        for (int feature : new int[] {24, 25, 30}) {
            assertEquals(List.of("-Djava.io.tmpdir=/nb/tmp", "--sun-misc-unsafe-memory-access=allow"),
                    JvmCommand.defaultJvmOptions(feature, "/nb/tmp"), "Java " + feature);
        }
        assertEquals(List.of(), JvmCommand.defaultJvmOptions(17, null));
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow"), JvmCommand.defaultJvmOptions(25, " "));
    }

    @Test
    void commandIsJavaDefaultsOptionsClasspathMainArgs() {
        List<String> cmd = JvmCommand.of(Probe.class).jvmOptions("-Xmx64m").jvmOptions(List.of("-Da=b"))
                .args("x").args(List.of("y z")).command();
        List<String> expected = new java.util.ArrayList<>();
        expected.add(JvmCommand.javaExecutable());
        expected.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        if (Runtime.version().feature() >= 24) expected.add("--sun-misc-unsafe-memory-access=allow");
        expected.addAll(List.of("-Xmx64m", "-Da=b", "-cp", JvmCommand.classpath(), Probe.class.getName(), "x", "y z"));
        assertEquals(expected, cmd);
        assertTrue(Files.isExecutable(Path.of(cmd.get(0))), cmd.get(0));
        assertThrows(UnsupportedOperationException.class, () -> cmd.add("more"));
    }

    @Test
    void theTempDirIsReadWhenTheCommandIsBuilt() {
        String old = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", "/some/notebook/sandbox");
            assertTrue(JvmCommand.of("Main").command().contains("-Djava.io.tmpdir=/some/notebook/sandbox"));
        } finally {
            System.setProperty("java.io.tmpdir", old);
        }
    }

    @Test
    void badTargetsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> JvmCommand.of(" "));
        assertThrows(NullPointerException.class, () -> JvmCommand.of((Class<?>) null));
        assertThrows(IllegalArgumentException.class, () -> JvmCommand.ofSourceFile(Path.of("Main.class")));
        assertThrows(NullPointerException.class, () -> JvmCommand.of("Main").args("a", null));
    }

    @Test
    void sourceFileTakesTheMainClassPlace() {
        List<String> cmd = JvmCommand.ofSourceFile(Path.of("/d/Hello.java")).jvmOptions("--enable-preview").args("1").command();
        assertEquals(List.of("--enable-preview", "-cp", JvmCommand.classpath(), "/d/Hello.java", "1"),
                cmd.subList(cmd.size() - 5, cmd.size()));
    }

    @Test
    void classpathUsesKernelPropertiesWhenSet() {
        String oldCp = System.getProperty("pyport.classpath");
        String oldDir = System.getProperty("pyport.cellClassDir");
        try {
            System.setProperty("pyport.classpath", "/k/a.jar" + File.pathSeparator + "/k/b.jar");
            System.setProperty("pyport.cellClassDir", "/k/cells");
            List<String> cp = List.of(JvmCommand.classpath().split(File.pathSeparator));
            assertEquals(List.of("/k/a.jar", "/k/b.jar", "/k/cells"), cp.subList(0, 3));
            assertEquals(4, cp.size(), "plus this library's own location: " + cp);
        } finally {
            restore("pyport.classpath", oldCp);
            restore("pyport.cellClassDir", oldDir);
        }
    }

    @Test
    void classpathIsThisJvmsOutsideTheKernel() {
        assertTrue(System.getProperty("pyport.classpath") == null);
        List<String> cp = List.of(JvmCommand.classpath().split(File.pathSeparator));
        List<String> own = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertEquals(own, cp.subList(0, own.size()));
    }

    /**
     * A child and its own child (like kernel → worker → helper): the marker environment variable reaches
     * the grandchild, the temp dir travels down (an explicit option beats the default), and the Unsafe
     * flag is there exactly from Java 24 on, where it silences the warning.
     */
    @Test
    void childAndGrandchildInheritMarkerAndTempDir() throws Exception {
        Path sandbox = Files.createTempDirectory("pyport-jvmcommand");
        try {
            String token = UUID.randomUUID().toString();
            Process p = JvmCommand.of(Probe.class).jvmOptions("-Djava.io.tmpdir=" + sandbox).env(MARKER, token)
                    .args("spawn").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out + err);
            boolean from24 = Runtime.version().feature() >= 24;
            assertEquals(List.of("child tmpdir=" + sandbox, "tmpdir=" + sandbox, "marker=" + token, "unsafeFlag=" + from24),
                    out.lines().toList(), err);
            assertFalse(out.contains("sun.misc.Unsafe") || err.contains("sun.misc.Unsafe"), out + err);
            try (var left = Files.list(sandbox)) {
                assertEquals(0, left.count(), "no child left files in its temp dir");
            }
        } finally {
            Files.deleteIfExists(sandbox);
        }
    }

    /** The control for the test above: without the flag, Java 24+ does warn, so that test can tell. */
    @Test
    void withoutTheFlagJava24WarnsAboutUnsafe() throws Exception {
        assumeTrue(Runtime.version().feature() >= 24, "Java " + Runtime.version().feature() + " does not warn yet");
        Process p = new ProcessBuilder(JvmCommand.javaExecutable(), "-cp", JvmCommand.classpath(), Probe.class.getName(), "report")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("sun.misc.Unsafe"), out);
    }

    private static void restore(String key, String old) {
        if (old == null) System.clearProperty(key);
        else System.setProperty(key, old);
    }
}
