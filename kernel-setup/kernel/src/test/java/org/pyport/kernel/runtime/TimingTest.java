package org.pyport.kernel.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimingTest {

    @Test
    void formatsLikeIPython() {
        assertEquals("1.23 ms", Timing.formatTime(0.00123));
        assertEquals("123 ms", Timing.formatTime(0.123));
        assertEquals("12.3 s", Timing.formatTime(12.3));
        assertEquals("1 s", Timing.formatTime(1.0));
        assertEquals("45.6 \u00b5s", Timing.formatTime(45.6e-6));
        assertEquals("13.5 ns", Timing.formatTime(13.5e-9));
        assertEquals("0 ns", Timing.formatTime(0));
        assertEquals("1min 5s", Timing.formatTime(65.2));
    }

    @Test
    void timeitLine() {
        assertEquals("1.23 ms \u00b1 45.6 \u00b5s per loop (mean \u00b1 std. dev. of 7 runs, 1,000 loops each)",
                Timing.formatTimeit(0.00123, 45.6e-6, 7, 1000));
        assertEquals("1 s \u00b1 0 ns per loop (mean \u00b1 std. dev. of 1 run, 1 loop each)",
                Timing.formatTimeit(1.0, 0, 1, 1));
    }
}
