package org.pyport.distributed.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One system's measurement.
 *
 * @param system which queue system
 * @param workers how many worker processes
 * @param tasks tasks completed in the throughput phase
 * @param seconds length of the throughput phase
 * @param tasksPerSecond tasks / seconds
 * @param latencyMedianMicros median time for one task: put, worker, result get
 * @param latencyP90Micros 90th percentile of the same
 * @param cpuMicrosPerTask CPU time (user + system) of every process of the system — manager,
 *     master, workers, cluster members — during the throughput phase, per task; NaN if unknown.
 *     When it times the tasks per second to about the number of cores, the run was CPU-bound.
 */
public record BenchResult(
    @JsonProperty("system") String system,
    @JsonProperty("workers") int workers,
    @JsonProperty("tasks") long tasks,
    @JsonProperty("seconds") double seconds,
    @JsonProperty("tasks_per_second") double tasksPerSecond,
    @JsonProperty("latency_median_us") double latencyMedianMicros,
    @JsonProperty("latency_p90_us") double latencyP90Micros,
    @JsonProperty("cpu_us_per_task") double cpuMicrosPerTask) {}
