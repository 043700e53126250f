package org.pyport.measure;

import org.pyport.check.LeakCheck;
import org.pyport.jdk.Jdk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.Table;

class WorkloadsAndSweepTest {

    @Test
    void computeIsDeterministic() {
        assertEquals(Workloads.compute(10_000), Workloads.compute(10_000));
        assertEquals(0, Workloads.compute(0));
    }

    @Test
    void iterationsForACpuTimeAreAPlausibleCount() {
        // measured on one thread: neither absurdly many (a clock read on another thread) nor none
        long n = Workloads.iterationsFor(Duration.ofMillis(10));
        assertTrue(n >= 1_000 && n <= 10_000_000_000L, "iterations for 10 ms: " + n);
    }

    @Test
    void busyThreadsAllRunAndEnd() {
        LeakCheck census = LeakCheck.start();
        long rounds = Workloads.busyThreads(3, Duration.ofMillis(50));
        assertTrue(rounds > 0);
        assertTrue(census.newThreads().isEmpty(), "busy threads left: " + census.newThreads());
    }

    @Test
    void speedupRunsEveryTaskForEveryThreadCount() {
        AtomicInteger runs = new AtomicInteger();
        Table t = ThreadSweep.speedup("io", new int[] {1, 2, 4}, 8, runs::incrementAndGet);
        assertEquals(3 * 8, runs.get());
        assertEquals(List.of(1, 2, 4), t.intColumn("threads").asList());
        assertEquals(1.0, t.doubleColumn("speedup").get(0), 1e-12);
        assertEquals(List.of("kind", "threads", "seconds", "speedup"), t.columnNames());
    }

    @Test
    void throughputCountsUnitsAndJoinsItsThreads() {
        LeakCheck census = LeakCheck.start();
        Table t = ThreadSweep.throughput(new int[] {1, 3}, Duration.ofMillis(30), () -> Workloads.compute(100));
        assertEquals(2, t.rowCount());
        assertTrue(t.doubleColumn("units_per_s").get(0) > 0);
        assertTrue(census.newThreads().isEmpty());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ThreadSweep.speedup("x", new int[] {0}, 1, () -> { }));
        assertThrows(IllegalArgumentException.class, () -> ThreadSweep.throughput(new int[0], Duration.ZERO, () -> { }));
    }

    @Test
    void leakCheckNamesALeftoverThread() throws Exception {
        LeakCheck census = LeakCheck.start();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException stopped) {
                // the test stops it
            }
        }, "forgotten");
        t.start();
        AssertionError e = assertThrows(AssertionError.class, () -> census.assertNoneLeft(Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains("forgotten"), e.getMessage());
        t.interrupt();
        t.join();
        census.assertNoneLeft(Duration.ofSeconds(5));
    }

    @Test
    void leakCheckNamesALeftoverProcess() throws Exception {
        LeakCheck census = LeakCheck.start();
        Process p = new ProcessBuilder(org.pyport.child.JvmCommand.javaExecutable(), "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        census.assertNoneLeft(Duration.ofSeconds(5));
    }

    @Test
    void resourceMeterCountsPlatformThreads() {
        ResourceMeter.Usage u = ResourceMeter.measure("3 threads", () -> Workloads.busyThreads(3, Duration.ofMillis(20)));
        assertTrue(u.peakThreads() >= Thread.activeCount() + 3 - 1, u.toString());
        assertEquals(1, ResourceMeter.table(List.of(u)).rowCount());
    }

    @Test
    void virtualThreadsMatchTheJdk() throws Exception {
        var vt = Jdk.virtualThreadExecutor();
        assertEquals(Jdk.feature() >= 21, vt.isPresent());
        if (vt.isPresent()) {
            ExecutorService ex = vt.get();
            assertEquals(7, ex.submit(() -> 7).get());
            ex.shutdown();
            assertTrue(ex.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void runSourceRunsOrExplains() {
        String src = "public class Hello { public static void main(String[] a) { System.out.println(\"hi \" + a.length); } }";
        assertEquals("hi 0", Jdk.runSource("Hello", 11, 11, src).orElseThrow().strip());
        assertTrue(Jdk.runSource("Future", 999, 998, src).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> Jdk.runSource("x", 11, 11, "class NoPublic {}"));
    }
}
