package org.pyport.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pyport.check.Sandbox;

class PythonTest {
    @BeforeAll
    static void needPython() {
        assumeTrue(Python.available(), "python3 is needed");
    }

    @Test
    void runsCodeWithArgsAndDecodesUtf8() {
        PyResult r = Python.run("import sys\nprint('中文', sys.argv[1:])\nprint('err', file=sys.stderr)", "a b", "c");
        assertEquals(0, r.exitCode());
        assertEquals("中文 ['a b', 'c']\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertTrue(r.wallNanos() > 0);
        assertTrue(r.ok());
        assertEquals(r, r.check());
    }

    @Test
    void checkThrowsWithStderr() {
        PyResult r = Python.run("raise ValueError('bad value')");
        assertEquals(1, r.exitCode());
        PythonException e = assertThrows(PythonException.class, r::check);
        assertTrue(e.getMessage().contains("ValueError: bad value"), e.getMessage());
        assertEquals(r, e.result());
        assertEquals(3, Python.run("import sys; sys.exit(3)").exitCode());
    }

    @Test
    void optionsEnvDirTimeout() throws Exception {
        try (Sandbox sb = Sandbox.create("py")) {
            PyResult r = Python.with().env("PYPORT_X", "42").dir(sb.dir())
                    .run("import os; print(os.environ['PYPORT_X'], os.getcwd())").check();
            assertEquals("42 " + sb.dir().toRealPath(), r.stdout().strip());
            Path script = sb.resolve("s.py");
            Files.writeString(script, "import sys\nprint(sys.argv[1])\n");
            assertEquals("x\n", Python.runFile(script, "x").check().stdout());
        }
        long t0 = System.nanoTime();
        PythonException e = assertThrows(PythonException.class,
                () -> Python.with().timeout(Duration.ofSeconds(3)).run("print('started', flush=True)\nimport time\ntime.sleep(30)"));
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "the timeout killed the process");
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertEquals("started\n", e.result().stdout());
        assertThrows(IllegalArgumentException.class, () -> Python.runFile(Path.of("/nonexistent/x.py")));
    }

    @Test
    void reportsCpuTimeOfABusyScript() {
        PyResult r = Python.run("import time\nt=time.process_time()\nwhile time.process_time()-t < 0.3: pass").check();
        assertTrue(r.cpuNanos() > 200_000_000L, "cpu " + r.cpuNanos());
        assertTrue(r.cpuNanos() <= r.wallNanos() + 50_000_000L, "cpu " + r.cpuNanos() + " wall " + r.wallNanos());
    }

    @Test
    void missingExecutableGivesClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Python.with().executable("/nonexistent/python3").run("print(1)"));
        assertTrue(e.getMessage().contains("/nonexistent/python3 not found") && e.getMessage().contains("PYPORT_PYTHON"),
                e.getMessage());
    }

    @Test
    void versionAndStart() throws Exception {
        assertTrue(Python.version().matches("3\\.\\d+\\.\\d+.*"), Python.version());
        Process p = Python.start("import sys; print(sys.stdin.read().upper())");
        p.getOutputStream().write("hi".getBytes());
        p.getOutputStream().close();
        assertEquals("HI\n", new String(p.getInputStream().readAllBytes()));
        assertEquals(0, p.waitFor());
        assertFalse(p.isAlive());
    }
}
