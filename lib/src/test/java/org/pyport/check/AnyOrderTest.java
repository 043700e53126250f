package org.pyport.check;

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
    void linesThatCPythonsPrintRanTogetherAreAccepted() {
        AnyOrder.sameLines("Hello, Alice (in Thread-A)Hello, Bob (in Thread-B)\n\n",
                "Hello, Bob (in Thread-B)\nHello, Alice (in Thread-A)\n", UnaryOperator.identity());
        AnyOrder.sameLines("Run task 0 (12)...Run task 1 (13)...\n\n", "Run task 1 (99)...\nRun task 0 (98)...\n",
                AnyOrder.PIDS_AND_SECONDS);
    }

    @Test
    void runTogetherTextMustStillBeExactlyTheJavaLines() {
        assertThrows(AssertionError.class, () -> AnyOrder.sameLines("ab\n\n", "a\nc\n", UnaryOperator.identity()));
        assertThrows(AssertionError.class, () -> AnyOrder.sameLines("ab\n", "a\nb\n", UnaryOperator.identity()));
    }

    @Test
    void aMissingOrExtraLineFailsAndIsNamed() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> AnyOrder.sameLines("a\nb\n", "a\nc\n", UnaryOperator.identity()));
        assertTrue(e.getMessage().contains("[b]") && e.getMessage().contains("[c]"), e.getMessage());
        assertThrows(AssertionError.class, () -> AnyOrder.sameLines("a\na\n", "a\n", UnaryOperator.identity()));
    }
}
