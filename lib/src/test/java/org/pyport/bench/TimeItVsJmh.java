package org.pyport.bench;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.pyport.measure.TimeIt;
import org.pyport.measure.TimeItResult;

/**
 * {@code make bench}: times {@link Workload} with TimeIt (defaults, this JVM) and with JMH (one forked JVM),
 * and prints the ratio TimeIt / JMH; the target is within 5% (0.95–1.05).
 */
public final class TimeItVsJmh {
    private TimeItVsJmh() {}

    public static void main(String[] args) throws Exception {
        TimeItResult t = TimeIt.run("md5 4 KiB", Workload::run);
        System.out.println("TimeIt: " + t);

        Options opts = new OptionsBuilder()
                .include(WorkloadBenchmark.class.getName())
                .forks(1)
                .warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(7).measurementTime(TimeValue.seconds(1))
                .shouldDoGC(false)
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        double jmh = results.iterator().next().getPrimaryResult().getScore();
        double jmhErr = results.iterator().next().getPrimaryResult().getScoreError();

        System.out.printf(java.util.Locale.ROOT, "JMH:    %.1f ns/op ± %.1f (99.9%% CI)%n", jmh, jmhErr);
        System.out.printf(java.util.Locale.ROOT, "TimeIt: %.1f ns/op mean, %.1f ns/op best run%n", t.meanNanos(), t.minNanos());
        double ratio = t.meanNanos() / jmh;
        System.out.printf(java.util.Locale.ROOT, "ratio TimeIt/JMH = %.3f (best run: %.3f) -> %s%n", ratio,
                t.minNanos() / jmh, Math.abs(ratio - 1) <= 0.05 ? "within 5%" : "OUTSIDE 5%");
    }
}
