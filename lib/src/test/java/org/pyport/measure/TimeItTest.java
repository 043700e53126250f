package org.pyport.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.pyport.python.PyResult;
import org.pyport.python.Python;

import tech.tablesaw.api.Table;

class TimeItTest {
    /**
     * IPython's own _format_time is the reference; it lives in the Jupyter Python of {@code make setup}
     * ({@code PYPORT_JUPYTER_PYTHON}, else the one {@code build/jupyter-python} names), not the CPython under test.
     */
    /** The Jupyter python, or a skipped test without one. */
    private static String ipython() throws java.io.IOException {
        String jupyterPython = System.getenv("PYPORT_JUPYTER_PYTHON");
        java.nio.file.Path recorded = java.nio.file.Path.of("..", "build", "jupyter-python");
        if ((jupyterPython == null || jupyterPython.isBlank()) && java.nio.file.Files.isRegularFile(recorded)) {
            jupyterPython = java.nio.file.Files.readString(recorded).strip();
        }
        assumeTrue(jupyterPython != null && !jupyterPython.isBlank(), "no Jupyter python recorded (make setup)");
        assumeTrue(java.nio.file.Files.isExecutable(java.nio.file.Path.of(jupyterPython)));
        PyResult probe = Python.with().executable(jupyterPython).run("import IPython");
        assumeTrue(probe.ok(), "IPython not installed");
        return jupyterPython;
    }

    @Test
    void formatTimeMatchesIPython() throws java.io.IOException {
        String jupyterPython = ipython();
        Random rnd = new Random(1);
        List<Double> values = new ArrayList<>(List.of(0.0, 1e-9, 1.23e-3, 4.56e-5, 0.9999, 0.9995, 999.9e-3, 1.0, 59.99,
                60.0, 75.0, 3600.5, 90061.0, 1e-10, 123.456e-9, 0.1, 0.01));
        for (int i = 0; i < 300; i++) values.add(Math.pow(10, -9 + rnd.nextDouble() * 10.5));
        StringBuilder code = new StringBuilder("from IPython.core.magics.execution import _format_time\nimport sys\n"
                + "for a in sys.argv[1:]:\n    print(_format_time(float.fromhex(a)))\n");
        String[] args = values.stream().map(Double::toHexString).toArray(String[]::new);
        String[] expected = Python.with().executable(jupyterPython).env("PYTHONIOENCODING", "utf-8")
                .run(code.toString(), args).check().stdout().split("\n");
        for (int i = 0; i < values.size(); i++) {
            assertEquals(expected[i], TimeItResult.formatTime(values.get(i)), "seconds " + values.get(i));
        }
    }

    /** IPython's TimeitResult prints the line for a table of loop counts and runs; ours must print the same. */
    @Test
    void toStringIsIPythonsTimeitResult() throws java.io.IOException {
        String jupyterPython = ipython();
        String code = String.join("\n",
                "from IPython.core.magics.execution import TimeitResult",
                "for loops, per_loop in ((1, [2.5]), (7, [1.2e-3, 1.3e-3]), (1000, [3.1e-7, 2.9e-7, 3.0e-7]),",
                "                        (1234567, [9.99e-10] * 7), (20, [65.0, 70.0]), (5, [999.7e-9, 1000.3e-9])):",
                "    r = TimeitResult(loops, len(per_loop), min(per_loop), max(per_loop), [t * loops for t in per_loop], 0, 3)",
                "    print(loops, len(per_loop), r.average.hex(), r.stdev.hex(), str(r), sep='|')");
        String[] lines = Python.with().executable(jupyterPython).env("PYTHONIOENCODING", "utf-8")
                .run(code).check().stdout().split("\n");
        assertEquals(6, lines.length);
        for (String line : lines) {
            String[] f = line.split("\\|");
            TimeItResult t = new TimeItResult(null, Long.parseLong(f[0]), Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]) * 1e9, Double.parseDouble(f[3]) * 1e9, 0);
            assertEquals(f[4], t.toString(), line);
        }
    }

    @Test
    void toStringIsIPythonsTimeitLine() {
        TimeItResult t = new TimeItResult("x", 100, 7, 1.23e6, 45.6e3, 1.1e6);
        assertEquals("x: 1.23 ms ± 45.6 μs per loop (mean ± std. dev. of 7 runs, 100 loops each)", t.toString());
        TimeItResult one = new TimeItResult("", 1, 1, 2e9, 0, 2e9);
        assertEquals("2 s ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)", one.toString());
    }

    @Test
    void autorangesLoopsLikePythonAndReportsConsistentStatistics() {
        AtomicLong calls = new AtomicLong();
        TimeItResult t = TimeIt.with().repeats(3).minTime(Duration.ofMillis(20)).warmup(Duration.ZERO).run("sleep", () -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(3, t.repeats());
        assertTrue(Set.of(1L, 2L, 5L, 10L).contains(t.loops()), "2 ms sleeps reach 20 ms within 10 loops: " + t.loops());
        assertTrue(t.meanNanos() >= 2e6, "a 2 ms sleep takes at least 2 ms: " + t);
        assertTrue(t.minNanos() <= t.meanNanos() && t.stdNanos() >= 0);
        // autorange batches 1+2+5+... then 3 runs of `loops`
        assertTrue(calls.get() >= 3 * t.loops() + 1);
    }

    @Test
    void autorangeStopsAtTheFirstLoopCountReachingMinTime() {
        // each loop spins for at least 1 ms of wall time, so 20 loops always reach 20 ms; a loaded machine
        // can only make batches slower, i.e. stop earlier on the 1, 2, 5, 10, 20 ladder
        long loops = TimeIt.autorange(n -> {
            long end = System.nanoTime() + n * 1_000_000L;
            while (System.nanoTime() < end) Thread.onSpinWait();
        }, 20_000_000L);
        assertTrue(Set.of(1L, 2L, 5L, 10L, 20L).contains(loops), "loops " + loops);
    }

    @Test
    void supplierResultsAreConsumedAndFixedLoopsRespected() {
        AtomicLong calls = new AtomicLong();
        TimeItResult t = TimeIt.with().repeats(2).loops(1000).warmup(Duration.ZERO).run("sum", () -> {
            calls.incrementAndGet();
            long s = 0;
            for (int i = 0; i < 100; i++) s += i;
            return s;
        });
        assertEquals(1000, t.loops());
        assertEquals(2000, calls.get());
        assertTrue(t.meanNanos() > 0);
    }

    @Test
    void fasterCodeTimesFaster() {
        // a 50x difference in work: robust to noise, and shows the numbers mean something
        TimeItResult small = TimeIt.with().repeats(3).minTime(Duration.ofMillis(20)).warmup(Duration.ofMillis(20))
                .run("small", () -> work(1_000));
        TimeItResult big = TimeIt.with().repeats(3).minTime(Duration.ofMillis(20)).warmup(Duration.ofMillis(20))
                .run("big", () -> work(50_000));
        assertTrue(big.minNanos() > 5 * small.minNanos(), small + " vs " + big);
    }

    private static double work(int n) {
        double s = 0;
        for (int i = 1; i <= n; i++) s += Math.sqrt(i);
        return s;
    }

    @Test
    void tablesHaveOneRowPerTiming() {
        TimeItResult a = new TimeItResult("a", 10, 7, 2e6, 1e5, 1.9e6);
        TimeItResult b = new TimeItResult("b", 10, 7, 1e6, 1e5, 0.9e6);
        Table t = TimeIt.table(a, b);
        assertEquals(List.of("label", "mean_ms", "std_ms", "min_ms", "loops", "repeats"), t.columnNames());
        assertEquals(2.0, t.doubleColumn("mean_ms").get(0), 1e-12);
        assertEquals(0.9, t.doubleColumn("min_ms").get(1), 1e-12);
        Table c = TimeIt.compare(a, b);
        assertEquals(2.0, c.doubleColumn("relative").get(0), 1e-12);
        assertEquals(1.0, c.doubleColumn("relative").get(1), 1e-12);
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TimeIt.with().repeats(0));
        assertThrows(IllegalArgumentException.class, () -> TimeIt.with().loops(0));
        assertThrows(IllegalArgumentException.class, () -> TimeIt.with().minTime(Duration.ofMillis(-1)));
    }
}
