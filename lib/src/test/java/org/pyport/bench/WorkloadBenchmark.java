package org.pyport.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** JMH's measurement of {@link Workload}: the reference TimeIt is compared with. */
public class WorkloadBenchmark {
    /** Average time per call; JMH consumes the returned digest. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte[] md5() {
        return Workload.run();
    }
}
