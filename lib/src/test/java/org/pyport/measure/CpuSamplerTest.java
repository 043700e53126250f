package org.pyport.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.pyport.python.Python;

import tech.tablesaw.api.Table;

/** Ranges, not exact values: CPU percentages depend on the machine, so bounds are wide. */
class CpuSamplerTest {
    private static volatile long sink;

    /** Starts a thread spinning until {@code stop} is set. */
    private static Thread spinner(String name, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            long x = 0;
            while (!stop.get()) x += System.nanoTime() & 1;
            sink = x;
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread sleeper(String name, AtomicBoolean stop) {
        Thread t = new Thread(() -> {
            while (!stop.get()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Mean cpu_pct of the rows labelled {@code label}. */
    private static double mean(Table t, String label) {
        Table rows = t.where(t.stringColumn("process").isEqualTo(label));
        assertTrue(rows.rowCount() > 0, "no samples for " + label + " in\n" + t.printAll());
        return rows.doubleColumn("cpu_pct").mean();
    }

    /** CPU seconds the sampler saw for {@code label}: Σ pct/100 × interval (intervals end at time_s). */
    private static double integrated(Table t, String label) {
        double total = 0;
        double previous = 0;
        List<Double> times = new ArrayList<>(new java.util.TreeSet<>(t.doubleColumn("time_s").asList()));
        for (int r = 0; r < t.rowCount(); r++) {
            double time = t.doubleColumn("time_s").get(r);
            int k = times.indexOf(time);
            previous = k == 0 ? 0 : times.get(k - 1);
            if (t.stringColumn("process").get(r).equals(label)) total += t.doubleColumn("cpu_pct").get(r) / 100 * (time - previous);
        }
        return total;
    }

    @Test
    void busyThreadReadsAboutOneCoreAndSleepingThreadAboutZero() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicBoolean stop = new AtomicBoolean();
        Thread busy = spinner("busy", stop);
        Thread idle = sleeper("idle", stop);
        Table t;
        long cpu0, cpu1, wall0, wall1;
        try (CpuSampler s = CpuSampler.every(Duration.ofMillis(50)).thread(busy).thread(idle)) {
            wall0 = System.nanoTime();
            cpu0 = mx.getThreadCpuTime(busy.getId());
            s.start();
            Thread.sleep(800);
            t = s.stop();
            cpu1 = mx.getThreadCpuTime(busy.getId());
            wall1 = System.nanoTime();
        } finally {
            stop.set(true);
        }
        busy.join();
        idle.join();
        assertEquals(List.of("time_s", "process", "cpu_pct"), t.columnNames());
        assertTrue(t.doubleColumn("time_s").max() > 0.5, "samples span the run");
        double b = mean(t, "busy");
        double i = mean(t, "idle");
        assertTrue(i < 10, "sleeping thread ~0%: " + i);
        assertTrue(b > 5 && b > 5 * i, "busy " + b + " vs idle " + i);
        // what the sampler saw adds up to what the thread really used
        double used = (cpu1 - cpu0) / 1e9;
        assertEquals(used, integrated(t, "busy"), 0.1 * used + 0.03, t.printAll());
        // ~100% holds only when the machine gives the thread a core: otherwise the test says so and stops here
        double share = (cpu1 - cpu0) / (double) (wall1 - wall0);
        assumeTrue(share > 0.8, "machine too loaded for the absolute check: busy thread got " + share + " of a core");
        assertTrue(b > 60 && b < 110, "busy thread ~100%: " + b);
    }

    @Test
    void twoBusyThreadsReadAboutTwoCoresForTheJvm() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs 2 cores");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        Table t;
        Table snapshot;
        long cpu0, cpu1, wall0, wall1;
        try (CpuSampler s = CpuSampler.every(Duration.ofMillis(100)).thisJvm()) {
            threads.add(spinner("a", stop));
            threads.add(spinner("b", stop));
            Thread.sleep(100);
            wall0 = System.nanoTime();
            cpu0 = ProcCpu.jvmCpuNanos();
            s.start();
            Thread.sleep(1000);
            t = s.stop();
            cpu1 = ProcCpu.jvmCpuNanos();
            wall1 = System.nanoTime();
            snapshot = CpuSampler.threadCpu(threads); // while alive: the JVM forgets an ended thread's CPU time
        } finally {
            stop.set(true);
        }
        for (Thread th : threads) th.join();
        double jvm = mean(t, "this JVM");
        double used = (cpu1 - cpu0) / 1e9;
        assertEquals(used, integrated(t, "this JVM"), 0.1 * used + 0.05, t.printAll());
        assertEquals(2, snapshot.rowCount());
        assertTrue(snapshot.doubleColumn("cpu_ms").min() > 0, snapshot.printAll());
        double share = (cpu1 - cpu0) / (double) (wall1 - wall0);
        assumeTrue(share > 1.5, "machine too loaded for the absolute check: the JVM got " + share + " cores");
        assertTrue(jvm > 120, "two busy threads ≈ 200%: " + jvm);
    }

    @Test
    void samplesChildProcessesIncludingOnesStartedLater() throws Exception {
        assumeTrue(Python.available(), "python3 is needed");
        Process[] p = new Process[1];
        String[] out = new String[1];
        Table t = CpuSampler.during(Duration.ofMillis(100), () -> {
            p[0] = Python.start("import time\nt=time.process_time()\nwhile time.process_time()-t < 0.5: pass\nprint(time.process_time())");
            try {
                out[0] = new String(p[0].getInputStream().readAllBytes());
                p[0].waitFor();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals(0, p[0].exitValue());
        List<String> labels = t.stringColumn("process").asList();
        assertTrue(labels.contains("this JVM"));
        List<String> mine = labels.stream().filter(s -> s.endsWith("(" + p[0].pid() + ")")).distinct().toList();
        assertFalse(mine.isEmpty(), "child not sampled:\n" + t.printAll());
        double seen = 0;
        for (String label : mine) seen += integrated(t, label);
        double used = Double.parseDouble(out[0].strip());
        // the last few ms before exit fall between samples; the interpreter start-up before process_time() counts too
        assertTrue(seen > 0.5 * used && seen < used + 0.3, "sampler saw " + seen + " s of CPU, python used " + used + "\n" + t.printAll());
    }

    @Test
    void sampledProcessByPid() throws Exception {
        assumeTrue(Python.available(), "python3 is needed");
        Process p = Python.start("import time\ntime.sleep(1.5)");
        try (CpuSampler s = CpuSampler.every(Duration.ofMillis(100)).process("sleepy", p).start()) {
            p.waitFor();
            Table t = s.stop();
            // the median ignores the interpreter's start-up burst in the first samples
            Table rows = t.where(t.stringColumn("process").isEqualTo("sleepy"));
            assertTrue(rows.rowCount() >= 5, t.printAll());
            assertTrue(rows.doubleColumn("cpu_pct").median() < 10, t.printAll());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void misuseIsReported() {
        assertThrows(IllegalArgumentException.class, () -> CpuSampler.every(Duration.ZERO));
        CpuSampler s = CpuSampler.every(Duration.ofMillis(10));
        assertThrows(IllegalStateException.class, s::stop);
        s.start();
        assertThrows(IllegalStateException.class, s::start);
        Table a = s.stop();
        assertTrue(a == s.stop());
        s.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(th -> th.getName().equals("pyport-cpu-sampler") && th.isAlive()), "sampler thread ended");
    }

    @Test
    void readsProcStatTicks() {
        assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")), "Linux only");
        long ticks = ProcCpu.procTicks(ProcessHandle.current().pid());
        assertTrue(ticks >= 0);
        assertTrue(ProcCpu.clockTicks() > 0);
        assertEquals(-1, ProcCpu.procTicks(Long.MAX_VALUE));
    }
}
