package org.pyport.kernel.exec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JNI library behind interrupts on JDK 20+ (JVM TI StopThread) stops a thread spinning inside the JDK. */
class JvmtiThreadStopTest {

    static Path library;

    /** Builds src/main/c/pyport_threadstop.c with cc as install.sh does, against the running JDK's headers. */
    @BeforeAll
    static void build() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path out = Path.of("target", "native");
        Files.createDirectories(out);
        library = out.resolve("libpyport-threadstop.so").toAbsolutePath();
        List<String> cc = new ArrayList<>(List.of("cc", "-shared", "-fPIC", "-O2",
                "-I" + javaHome.resolve("include"), "-I" + javaHome.resolve("include").resolve("linux"),
                "-o", library.toString(), Path.of("src/main/c/pyport_threadstop.c").toAbsolutePath().toString()));
        Process p = new ProcessBuilder(cc).redirectErrorStream(true).redirectOutput(new File("target/native/cc.log")).start();
        assertEquals(0, p.waitFor(), "cc failed: " + Files.readString(Path.of("target/native/cc.log")));
    }

    @Test
    @Timeout(30)
    void stopsAThreadSpinningInsideTheJdk() throws Exception {
        assertNull(JvmtiThreadStop.load(library.toString()));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread spinner = new Thread(() -> {
            try {
                // backtracks for ever: the backreference keeps java.util.regex from memoizing (JDK 9+ does for (a+)+b)
                ("a".repeat(40) + "!").matches("(a+)+\\1b");
            } catch (Throwable e) {
                ended.set(e);
            }
        }, "regex-spinner");
        spinner.start();
        Thread.sleep(300);
        assertTrue(spinner.isAlive(), "the regex should still be backtracking");
        IllegalStateException marker = new IllegalStateException("stopped by JVM TI");
        System.setProperty(JvmtiThreadStop.LIBRARY_PROPERTY, library.toString());
        assertTrue(JvmtiThreadStop.stop(spinner, marker));
        spinner.join(2000);
        assertFalse(spinner.isAlive(), "still running after StopThread");
        assertEquals(marker, ended.get());
        assertTrue(JvmtiThreadStop.stop(spinner, marker), "a thread that has ended is not an error");
    }

    @Test
    void aMissingLibraryIsExplained() {
        try {
            String why = JvmtiThreadStop.load("/nonexistent/libpyport-threadstop.so");
            assertTrue(why.contains("/nonexistent/libpyport-threadstop.so is missing"), why);
            assertFalse(JvmtiThreadStop.available());
            assertTrue(JvmtiThreadStop.load(null).contains("-D" + JvmtiThreadStop.LIBRARY_PROPERTY), "no property");
        } finally {
            JvmtiThreadStop.load(library.toString()); // loaded already: leaves it usable for the other tests
        }
    }
}
