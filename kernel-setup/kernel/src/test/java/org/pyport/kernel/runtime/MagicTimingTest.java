package org.pyport.kernel.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.pyport.measure.TimeItResult;

/** %time and %timeit print with the helper library's formatting (tested there against IPython's own text). */
class MagicTimingTest {

    @Test
    void theTimeitLineIsTheHelperLibrarys() {
        // 999.7 ns: the kernel used to print "1.00e+03 ns" where IPython and the library print "1e+03 ns"
        assertEquals("1e+03 ns \u00b1 0 ns per loop (mean \u00b1 std. dev. of 7 runs, 1,000 loops each)",
                MagicTiming.formatTimeit(999.7e-9, 0, 7, 1000));
        assertEquals(new TimeItResult(null, 20, 3, 1.5e6, 2e4, 0).toString(), MagicTiming.formatTimeit(1.5e-3, 2e-5, 3, 20));
        assertEquals(TimeItResult.formatTime(65.2), MagicTiming.formatTime(65.2));
    }

    @Test
    void cpuTimeIsSplitByTheTicksCountedMeanwhileAndNeverNegative() {
        // 30 ms of CPU, 3 user ticks and 1 system tick meanwhile
        assertArrayEquals(new double[] {0.0225, 0.0075}, MagicTiming.userAndSystem(new long[] {0, 10, 5}, new long[] {30_000_000, 13, 6}), 1e-12);
        // no tick passed: all of it is user time (it was split by the ratio of all ticks so far, and went negative)
        assertArrayEquals(new double[] {0.002, 0}, MagicTiming.userAndSystem(new long[] {0, 10, 5}, new long[] {2_000_000, 10, 5}), 1e-12);
    }
}
