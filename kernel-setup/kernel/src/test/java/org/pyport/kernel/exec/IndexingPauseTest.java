package org.pyport.kernel.exec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.function.BooleanSupplier;

/** JShell's class path indexer waits while cells run and finishes once the kernel is idle. */
class IndexingPauseTest {

    @TempDir
    Path classDir;

    @Test
    void theIndexerWaitsUntilTheKernelIsIdleThenFinishes() throws Exception {
        try (JShellEvaluator evaluator = new JShellEvaluator(List.of(), classDir, () -> 1, List.of())) {
            assertTrue(evaluator.pausesIndexing(), "surefire opens jdk.jshell as kernel.json does");
            evaluator.beginCell();
            assertEquals(2, evaluator.eval("1 + 1", 0));
            // paused: JShell's indexer thread parks in its suspension point instead of walking the class path
            assertTrue(waitFor(IndexingPauseTest::indexerIsSuspended), "the indexer should be waiting");
            assertTrue(!upToDate(evaluator), "nothing indexed while paused");

            evaluator.endCell(); // idle from now on: the indexer goes on after a moment and completes
            assertTrue(waitFor(() -> upToDate(evaluator)), "the index should complete once the kernel is idle");
        }
    }

    private static boolean upToDate(JShellEvaluator evaluator) {
        return evaluator.shell().sourceCodeAnalysis().listQualifiedNames("ArrayList", "ArrayList".length()).isUpToDate();
    }

    private static boolean indexerIsSuspended() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getState() == Thread.State.WAITING)
                .anyMatch(e -> List.of(e.getValue()).stream()
                        .anyMatch(f -> f.getMethodName().equals("waitIndexingNotSuspended")));
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L; // generous: a loaded CI machine
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
