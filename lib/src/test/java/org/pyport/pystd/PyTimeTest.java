package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PyTimeTest {

    @Test
    void sleepsAFractionOfASecond() {
        long start = System.nanoTime();
        PyTime.sleep(0.05);
        assertTrue(System.nanoTime() - start >= 50_000_000L, "slept at least 50 ms");
    }

    @Test
    void refusesANegativeOrMissingLength() {
        assertThrows(IllegalArgumentException.class, () -> PyTime.sleep(-1));
        assertThrows(IllegalArgumentException.class, () -> PyTime.sleep(Double.NaN));
    }

    @Test
    void anInterruptEndsTheSleepAndStaysVisible() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class, () -> PyTime.sleep(10));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is set again");
        } finally {
            Thread.interrupted();
        }
    }
}
