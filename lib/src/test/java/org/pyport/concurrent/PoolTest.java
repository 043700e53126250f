package org.pyport.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolTest {

    @AfterEach
    void noWorkerLeft() {
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "worker processes left behind");
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    @Test
    void tasksRunInOtherProcessesAndReturnResults() {
        Pool p = new Pool(2);
        List<AsyncResult<Long>> rs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            rs.add(p.applyAsync(() -> pid() * 10 + n % 1));
        }
        p.close();
        p.join();
        Set<Long> pids = new HashSet<>();
        for (AsyncResult<Long> r : rs) pids.add(r.get() / 10);
        assertFalse(pids.contains(pid()), "a task ran in the parent");
        assertTrue(p.pids().containsAll(pids), "tasks ran outside the pool: " + pids + " vs " + p.pids());
        assertEquals(2, p.size());
    }

    @Test
    void workersTakeThisJvmsTempDir() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("pyport-pool-tmp");
        String old = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", dir.toString()); // as the kernel sets it from the notebook's TMPDIR
            Pool p = new Pool(1);
            AsyncResult<String> r = p.applyAsync(() -> System.getProperty("java.io.tmpdir"));
            p.close();
            p.join();
            assertEquals(dir.toString(), r.get());
        } finally {
            System.setProperty("java.io.tmpdir", old);
            java.nio.file.Files.delete(dir);
        }
    }

    @Test
    void workerOutputIsPrintedInOrderBeforeJoinReturns() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Pool p = new Pool(1);
            for (int i = 0; i < 3; i++) {
                int n = i;
                p.applyAsync(() -> {
                    System.out.println("Run task " + n);
                    System.out.println("Task " + n + " done");
                });
            }
            p.close();
            p.join();
        } finally {
            System.setOut(old);
        }
        assertEquals("Run task 0\nTask 0 done\nRun task 1\nTask 1 done\nRun task 2\nTask 2 done\n",
                buf.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    @Test
    void linesPrintedInPiecesByTwoWorkersStayWhole() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            Pool p = new Pool(2);
            for (int i = 0; i < 4; i++) {
                int n = i;
                p.applyAsync(() -> {
                    for (int k = 0; k < 200; k++) {
                        System.out.print("task ");
                        System.out.print(n);
                        System.out.print(" line ");
                        System.out.println(k);
                    }
                });
            }
            p.close();
            p.join();
        } finally {
            System.setOut(old);
        }
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(800, lines.length);
        for (String l : lines) assertTrue(l.matches("task [0-3] line \\d+"), "broken line: " + l);
    }

    @Test
    void failuresComeBackWithTheRemoteTrace() {
        Pool p = new Pool(1);
        AsyncResult<Integer> bad = p.applyAsync(() -> Integer.parseInt("not a number"));
        AsyncResult<Integer> good = p.applyAsync(() -> 6 * 7);
        TaskFailedException e = assertThrows(TaskFailedException.class, bad::get);
        assertTrue(e.remoteTrace().contains("NumberFormatException"), e.remoteTrace());
        assertEquals(42, good.get());
        assertTrue(good.successful());
        assertFalse(bad.successful());
        p.close();
        p.join();
    }

    @Test
    void joinBeforeCloseAndSubmitAfterCloseAreErrors() {
        Pool p = new Pool(1);
        assertThrows(IllegalStateException.class, p::join);
        p.close();
        assertThrows(IllegalStateException.class, () -> p.applyAsync(() -> 1));
        p.join();
    }

    @Test
    void nonSerializableCaptureIsRejectedAtSubmit() {
        Pool p = new Pool(1);
        Object notSerializable = new Object();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.applyAsync(() -> notSerializable.hashCode()));
        assertTrue(e.getMessage().contains("Serializable"), e.getMessage());
        p.close();
        p.join();
    }

    @Test
    void terminateKillsRunningTasksAndFailsQueuedOnes() {
        Pool p = new Pool(1);
        AsyncResult<Void> running = p.applyAsync(() -> Thread.sleep(60_000));
        AsyncResult<Void> queued = p.applyAsync(() -> { });
        long pidOfWorker = p.pids().get(0);
        p.terminate();
        assertThrows(TaskFailedException.class, running::get);
        assertThrows(TaskFailedException.class, queued::get);
        assertFalse(ProcessHandle.of(pidOfWorker).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void defaultSizeIsTheNumberOfCores() {
        Pool p = new Pool();
        assertEquals(Runtime.getRuntime().availableProcessors(), p.size());
        assertNotEquals(0, p.pids().get(0));
        p.close();
        p.join();
    }

    @Test
    void badSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Pool(0));
    }
}
