package org.pyport.concurrent;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

class AnyOrderTest {
    @Test
    void orderAndMaskedPartsDoNotMatter() {
        AnyOrder.sameLines("Run task 0 (12)...\nTask 0 runs 0.14 seconds.\n",
                "Task 0 runs 1.91 seconds.\r\nRun task 0 (977)...\n", AnyOrder.PIDS_AND_SECONDS);
    }

    @Test
    void aMissingOrExtraLineFailsAndIsNamed() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> AnyOrder.sameLines("a\nb\n", "a\nc\n", UnaryOperator.identity()));
        assertTrue(e.getMessage().contains("[b]") && e.getMessage().contains("[c]"), e.getMessage());
        assertThrows(AssertionError.class, () -> AnyOrder.sameLines("a\na\n", "a\n", UnaryOperator.identity()));
    }
}
