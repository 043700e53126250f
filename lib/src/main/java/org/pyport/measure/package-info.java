/**
 * Measuring, for the sections about speed and concurrency: Python's {@code timeit} and IPython's {@code %timeit}
 * report ({@link org.pyport.measure.TimeIt}), CPU use over time of this JVM, its children or any PID
 * ({@link org.pyport.measure.CpuSampler}), whether other programs keep the cores busy
 * ({@link org.pyport.measure.MachineLoad}), thread-count sweeps ({@link org.pyport.measure.ThreadSweep}),
 * threads and memory a block costs ({@link org.pyport.measure.ResourceMeter}), the compute- and IO-bound
 * workloads they measure ({@link org.pyport.measure.Workloads}) and timed ways to read a file
 * ({@link org.pyport.measure.ReadBench}).
 */
package org.pyport.measure;
