package org.pyport.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the census counts: the threads and processes started after it, but not the JDK's pool threads nor the threads
 * a notebook kernel names in {@code pyport.kernelThreads}, which only the kernel knows (no kernel name is built in).
 */
class LeakCheckTest {
    private static final String PROPERTY = "pyport.kernelThreads";

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void cleanUp() {
        release.countDown();
        System.clearProperty(PROPERTY);
    }

    private Thread waiting(String name) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        t.start();
        started.await();
        return t;
    }

    private static List<String> names(LeakCheck census) {
        return census.newThreads().stream().map(Thread::getName).sorted().toList();
    }

    @Test
    void countsTheThreadsStartedSinceTheCensusUntilTheyEnd() throws Exception {
        LeakCheck census = LeakCheck.start();
        Thread t = waiting("notebook-worker");
        assertEquals(List.of("notebook-worker"), names(census));
        AssertionError e = assertThrows(AssertionError.class, () -> census.assertNoneLeft(Duration.ofMillis(50)));
        assertTrue(e.getMessage().contains("notebook-worker"), e.getMessage());
        release.countDown();
        t.join();
        assertEquals(List.of(), names(census));
        census.assertNoneLeft(Duration.ZERO);
    }

    @Test
    void leavesOutTheThreadsTheKernelNamesAndOnlyThose() throws Exception {
        System.setProperty(PROPERTY, "kernel-output, kernel-cell-");
        LeakCheck census = LeakCheck.start();
        waiting("kernel-output");
        waiting("kernel-cell-7");
        waiting("pyport-output-batcher"); // a kernel's name, but not one this kernel published
        assertEquals(List.of("pyport-output-batcher"), names(census));
    }

    @Test
    void outsideAKernelEveryNewThreadCounts() throws Exception {
        LeakCheck census = LeakCheck.start();
        waiting("pyport-cell-3");
        waiting("JShell-worker");
        assertEquals(List.of("JShell-worker", "pyport-cell-3"), names(census));
    }

    @Test
    void leavesOutTheJdksPoolThreads() throws Exception {
        LeakCheck census = LeakCheck.start();
        ForkJoinPool.commonPool().submit(() -> { }).get();
        assertEquals(List.of(), names(census));
    }

    @Test
    void countsChildProcessesUntilTheyEnd() throws Exception {
        LeakCheck census = LeakCheck.start();
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            assertEquals(List.of(p.pid()), census.newProcesses().stream().map(ProcessHandle::pid).toList());
        } finally {
            p.destroy();
            p.waitFor();
        }
        assertEquals(List.of(), census.newProcesses());
    }
}
