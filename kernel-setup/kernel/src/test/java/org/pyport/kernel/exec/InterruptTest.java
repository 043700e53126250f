package org.pyport.kernel.exec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.concurrent.ExecutionException;
import jdk.jshell.spi.ExecutionControl;
import org.junit.jupiter.api.Assertions;

class InterruptTest {

    JShellEvaluator evaluator;

    @BeforeEach
    void start() {
        evaluator = new JShellEvaluator(List.of(), null, () -> 1, List.of());
    }

    @AfterEach
    void stop() {
        evaluator.close();
    }

    private CellError interruptWhileRunning(String code) throws Exception {
        return interruptWhileRunning(evaluator, code).error();
    }

    /** What an interrupted cell gave back, and how long after the interrupt. */
    record Interrupted(CellError error, double seconds) {
    }

    /** Runs code on another thread, interrupts it once it runs, returns its error (also for other tests). */
    static Interrupted interruptWhileRunning(JShellEvaluator evaluator, String code) throws Exception {
        evaluator.beginCell();
        CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> evaluator.eval(code, 0));
        // poll until the cell is running, then interrupt it
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!evaluator.isRunning() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(300); // let the cell start its threads
        long stop = System.nanoTime();
        evaluator.stop();
        try {
            run.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return new Interrupted((CellError) e.getCause(), (System.nanoTime() - stop) / 1e9);
        }
        throw new AssertionError("the cell was not interrupted");
    }

    @Test
    @Timeout(60)
    void stopsABusyLoop() throws Exception {
        evaluator.eval("long x = 0;", 0);
        CellError e = interruptWhileRunning("while (true) { x ^= 1; }");
        assertEquals("Interrupted", e.name());
        evaluator.beginCell();
        assertEquals(2, evaluator.eval("1 + 1", 0));
    }

    @Test
    @Timeout(60)
    void stopsASleep() throws Exception {
        CellError e = interruptWhileRunning("Thread.sleep(100_000);");
        assertEquals("Interrupted", e.name());
        evaluator.beginCell();
        assertEquals(2, evaluator.eval("1 + 1", 0));
    }

    @Test
    @Timeout(60)
    void reportsThreadsTheCellStarted() throws Exception {
        // a thread blocked in accept() survives both Thread.stop (JDK 17) and the stop checks (JDK 21+)
        evaluator.eval("java.net.ServerSocket server = new java.net.ServerSocket(0);", 0);
        try {
            CellError e = interruptWhileRunning(
                    "{ Thread t = new Thread(() -> { try { server.accept(); } catch (Exception ex) { } }, \"acceptor\");\n"
                            + "t.setDaemon(true); t.start();\nwhile (true) { Thread.onSpinWait(); } }");
            assertTrue(String.join("\n", e.traceback()).contains("\"acceptor\""), e.traceback().toString());
        } finally {
            evaluator.beginCell();
            evaluator.eval("server.close();", 0);
        }
    }

    @Test
    @Timeout(60)
    void stopsACellWhoseThreadSpins() throws Exception {
        evaluator.eval("long x = 0;", 0);
        CellError e = interruptWhileRunning(
                "{ new Thread(() -> { while (true) { x ^= 1; } }, \"spinner\").start();\nwhile (true) { x ^= 1; } }");
        assertEquals("Interrupted", e.name());
        evaluator.beginCell();
        assertEquals(2, evaluator.eval("1 + 1", 0));
    }

    @Test
    @Timeout(30)
    void interruptWhileTheSnippetCompilesStopsItBeforeItRuns() throws Exception {
        // an interrupt between JShell's compilation and the start of the snippet: it must not run at all
        CellExecutionControl control = new CellExecutionControl(null);
        control.stopBeforeStart();
        long start = System.nanoTime();
        ExecutionControl.UserException e = Assertions.assertThrows(
                ExecutionControl.UserException.class,
                () -> control.invoke(Thread.class.getMethod("onSpinWait")));
        assertEquals(CellExecutionControl.INTERRUPTED, e.causeExceptionClass());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        control.clearStopBeforeStart();
        assertTrue(control.invoke(Thread.class.getMethod("onSpinWait")) != null, "runs again after the flag is cleared");
    }

    @Test
    @Timeout(60)
    void interruptBeforeTheCellStartsIsForgottenByTheNextCell() throws Exception {
        evaluator.stop(); // e.g. the user pressed stop while nothing ran
        evaluator.beginCell();
        assertEquals(2, evaluator.eval("1 + 1", 0));
    }
}
