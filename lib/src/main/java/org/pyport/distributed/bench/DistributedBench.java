package org.pyport.distributed.bench;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pyport.child.JvmCommand;
import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueClient;
import org.pyport.distributed.QueueManager;
import org.pyport.distributed.hazelcast.LocalCluster;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures the three queue systems with one workload: {@code workers} worker processes take n
 * from {@code task_queue} and put n*n into {@code result_queue}; the master (this JVM, or the
 * Python master process) talks to the queues through the network like every worker.
 *
 * <ul>
 *   <li>latency: one task in flight, the time from put to the result's get;
 *   <li>throughput: the master puts a batch of tasks, then gets as many results, repeatedly.
 * </ul>
 *
 * Each phase runs for a fixed time after a warm-up; the workers are separate processes (JVMs,
 * or Python processes for BaseManager), all reaped before a method returns.
 */
public final class DistributedBench {
  /**
   * How long and how wide to measure.
   *
   * @param workers worker processes
   * @param warmup warm-up time (throughput loop, not measured)
   * @param latency latency phase
   * @param throughput throughput phase
   * @param batch tasks per batch in the throughput phase
   */
  public record Plan(int workers, Duration warmup, Duration latency, Duration throughput, int batch) {
    /** @return about 5 s per system, for a notebook */
    public static Plan quick() {
      return new Plan(2, Duration.ofMillis(700), Duration.ofMillis(1000), Duration.ofMillis(1500), 200);
    }
  }

  /** The master's side of one system: one value per request, or batches when it can. */
  private interface Master {
    void put(long n) throws Exception;

    Object get() throws Exception;

    default void putBatch(List<Long> values) throws Exception {
      for (long v : values) {
        put(v);
      }
    }

    /** Gets at least one and at most {@code max} results. */
    default int getSome(int max) throws Exception {
      get();
      return 1;
    }
  }

  private DistributedBench() {}

  /**
   * All systems, Python's first (the reference for the ratios). Ours runs Python's program (one
   * put, take, done and get per task) with the client's defaults (pipelined writes, prefetch),
   * the same program with one request and reply per call as Python's proxies do, and a batched
   * program; Hazelcast runs one request per task, then batches.
   *
   * @param plan how long and how wide
   * @return the rows of the table, Python's first
   */
  public static List<BenchResult> all(Plan plan) {
    List<BenchResult> out = new ArrayList<>(List.of(python(plan), ours(plan, ClientMode.PER_TASK),
        ours(plan, ClientMode.PER_TASK_SYNC), ours(plan, ClientMode.BATCHED)));
    try (LocalCluster cluster = LocalCluster.start(1)) { // one cluster start for both runs
      out.add(hazelcast(cluster, plan, false));
      out.add(hazelcast(cluster, plan, true));
    }
    return out;
  }

  /**
   * Our {@link QueueManager}: manager in this JVM, master and workers connect as clients.
   *
   * @param plan how long and how wide
   * @param mode the program (per task, like Python's, or batched) and the client's settings
   * @return the measurement
   */
  public static BenchResult ours(Plan plan, ClientMode mode) {
    String key = "bench-" + System.nanoTime();
    boolean batched = mode == ClientMode.BATCHED;
    try (QueueManager m = QueueManager.builder().authkey(key.getBytes(StandardCharsets.UTF_8))
            .register("task_queue").register("result_queue").start();
        QueueClient c = mode.connect("127.0.0.1", m.port(), key.getBytes(StandardCharsets.UTF_8))) {
      NamedQueue tasks = c.queue("task_queue");
      NamedQueue results = c.queue("result_queue");
      List<Process> workers = new ArrayList<>();
      try {
        for (int i = 0; i < plan.workers(); i++) {
          workers.add(drained(worker(Map.of("PYPORT_AUTHKEY", key),
              "ours", "127.0.0.1", String.valueOf(m.port()), mode.name())));
        }
        BenchWorker.warmUp(mode); // this JVM's side (manager, master), while the workers start
        Duration t = Duration.ofSeconds(60);
        return measure(mode.system(), plan, new Master() {
          @Override
          public void put(long n) {
            tasks.put(n);
          }

          @Override
          public Object get() {
            return results.get(t);
          }

          @Override
          public void putBatch(List<Long> values) throws Exception {
            if (batched) {
              tasks.putAll(values);
            } else {
              Master.super.putBatch(values);
            }
          }

          @Override
          public int getSome(int max) throws Exception {
            return batched ? results.getBatch(Object.class, max, t).size() : Master.super.getSome(max);
          }
        }, workers);
      } finally {
        reap(workers);
      }
    }
  }

  /**
   * Hazelcast: one member JVM holds the queues; master and workers are clients.
   *
   * @param plan how long and how wide
   * @param batched false: one request per task; true: addAll and drainTo
   * @return the measurement
   */
  public static BenchResult hazelcast(Plan plan, boolean batched) {
    try (LocalCluster cluster = LocalCluster.start(1)) {
      return hazelcast(cluster, plan, batched);
    }
  }

  private static BenchResult hazelcast(LocalCluster cluster, Plan plan, boolean batched) {
    {
      HazelcastInstance hz = cluster.client();
      IQueue<Long> tasks = hz.getQueue("task_queue");
      IQueue<Object> results = hz.getQueue("result_queue");
      tasks.clear();
      results.clear();
      List<Process> workers = new ArrayList<>();
      try {
        List<String> argList = new ArrayList<>();
        argList.add("hazelcast");
        argList.addAll(List.of(cluster.workerArgs()));
        argList.add(batched ? "batch" : "single");
        String[] args = argList.toArray(String[]::new);
        for (int i = 0; i < plan.workers(); i++) {
          workers.add(drained(worker(Map.of(), args)));
        }
        List<Object> drained = new ArrayList<>();
        return measure("Hazelcast IQueue" + (batched ? " (batched)" : ""), plan, new Master() {
          @Override
          public void put(long n) throws InterruptedException {
            tasks.put(n);
          }

          @Override
          public Object get() throws InterruptedException {
            Object r = results.poll(60, TimeUnit.SECONDS);
            if (r == null) {
              throw new IllegalStateException("no result within 60 s");
            }
            return r;
          }

          @Override
          public void putBatch(List<Long> values) throws Exception {
            if (batched) {
              tasks.addAll(values);
            } else {
              Master.super.putBatch(values);
            }
          }

          @Override
          public int getSome(int max) throws Exception {
            if (!batched) {
              return Master.super.getSome(max);
            }
            get();
            drained.clear();
            return 1 + results.drainTo(drained, max - 1);
          }
        }, workers);
      } finally {
        reap(workers);
      }
    }
  }

  /** Python's BaseManager, run by {@code python3} with the same plan. */
  public static BenchResult python(Plan plan) {
    try {
      Path script = Files.createTempFile("basemanager_bench", ".py");
      try {
        try (InputStream in = DistributedBench.class.getResourceAsStream("basemanager_bench.py")) {
          Files.write(script, in.readAllBytes());
        }
        Process p = new ProcessBuilder("python3", script.toString(), String.valueOf(plan.workers()),
            secs(plan.warmup()), secs(plan.latency()), secs(plan.throughput()),
            String.valueOf(plan.batch())).redirectErrorStream(true).start();
        try {
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("python3 benchmark failed:\n" + out);
          }
          String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
              .orElseThrow(() -> new IllegalStateException("no result from python3:\n" + out));
          // NaN: the script could not read its processes' CPU time (not Linux)
          return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
              .readValue(json, BenchResult.class);
        } finally {
          p.destroyForcibly();
          p.waitFor(20, TimeUnit.SECONDS);
        }
      } finally {
        Files.deleteIfExists(script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run python3 (is it on PATH?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * @param results measurements, the first one being the reference for the ratio column
   * @return system, tasks/s, latency, and throughput relative to the first row
   */
  public static Table table(List<BenchResult> results) {
    double ref = results.get(0).tasksPerSecond();
    return Table.create("queue benchmark on loopback",
        StringColumn.create("system", results.stream().map(BenchResult::system).toList()),
        IntColumn.create("workers", results.stream().mapToInt(BenchResult::workers).toArray()),
        DoubleColumn.create("tasks_per_s", results.stream().mapToDouble(r -> Math.round(r.tasksPerSecond())).toArray()),
        DoubleColumn.create("latency_median_us", results.stream().mapToDouble(r -> Math.round(r.latencyMedianMicros())).toArray()),
        DoubleColumn.create("latency_p90_us", results.stream().mapToDouble(r -> Math.round(r.latencyP90Micros())).toArray()),
        DoubleColumn.create("cpu_us_per_task", results.stream().mapToDouble(r -> Math.round(r.cpuMicrosPerTask())).toArray()),
        DoubleColumn.create("throughput_vs_" + results.get(0).system().replace(' ', '_'),
            results.stream().mapToDouble(r -> Math.round(r.tasksPerSecond() / ref * 10) / 10.0).toArray()));
  }

  /** @return the table as plain fixed-width text with ratios, for a terminal */
  public static String text(List<BenchResult> results) {
    double refTp = results.get(0).tasksPerSecond();
    double refLat = results.get(0).latencyMedianMicros();
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-38s %7s %12s %10s %14s %12s %10s %12s %6s%n", "system",
        "workers", "tasks/s", "x tasks/s", "latency med us", "p90 us", "x latency", "cpu us/task",
        "cores"));
    for (BenchResult r : results) {
      sb.append(String.format(Locale.ROOT, "%-38s %7d %12.0f %10.1f %14.0f %12.0f %10.1f %12.0f %6.2f%n",
          r.system(), r.workers(), r.tasksPerSecond(), r.tasksPerSecond() / refTp,
          r.latencyMedianMicros(), r.latencyP90Micros(), refLat / r.latencyMedianMicros(),
          r.cpuMicrosPerTask(), r.cpuMicrosPerTask() * r.tasksPerSecond() / 1e6));
    }
    sb.append("(x = relative to ").append(results.get(0).system())
        .append("; x latency > 1 means faster round trips; cpu = all of the system's processes")
        .append(" in the throughput phase; cores = CPU time / wall time, of ")
        .append(Runtime.getRuntime().availableProcessors()).append(" here)\n");
    return sb.toString();
  }

  /**
   * Runs all three and prints the table: {@code DistributedBench [workers warmupMs latencyMs
   * throughputMs batch]}.
   *
   * @param args optional plan
   */
  public static void main(String[] args) {
    Plan plan = args.length >= 5
        ? new Plan(Integer.parseInt(args[0]), Duration.ofMillis(Long.parseLong(args[1])),
            Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(Long.parseLong(args[3])),
            Integer.parseInt(args[4]))
        : Plan.quick();
    System.out.println("plan: " + plan + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
    List<BenchResult> results = all(plan);
    System.out.print(text(results));
  }

  private static BenchResult measure(String system, Plan plan, Master master, List<Process> workers) {
    try {
      for (int i = 0; i < plan.workers(); i++) {
        Object ready = master.get();
        if (!"ready".equals(ready)) {
          throw new IllegalStateException("expected a worker's ready, got " + ready);
        }
      }
      batches(master, plan.warmup(), plan.batch());
      List<Long> lat = new ArrayList<>();
      long end = System.nanoTime() + plan.latency().toNanos();
      while (System.nanoTime() < end) {
        long s = System.nanoTime();
        master.put(7);
        master.get();
        lat.add(System.nanoTime() - s);
      }
      long cpu0 = cpuNanos();
      long start = System.nanoTime();
      long done = batches(master, plan.throughput(), plan.batch());
      double seconds = (System.nanoTime() - start) / 1e9;
      long cpu = cpuNanos() - cpu0;
      for (int i = 0; i < plan.workers(); i++) {
        master.put(-1);
      }
      for (Process w : workers) {
        if (!w.waitFor(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("a worker did not stop");
        }
      }
      long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
      return new BenchResult(system, plan.workers(), done, seconds, done / seconds,
          sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.9)] / 1e3,
          cpu < 0 ? Double.NaN : cpu / 1e3 / done);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(system + " benchmark failed: " + e, e);
    }
  }

  /**
   * CPU time of this JVM (manager and master, or the master client) and of every process it
   * started (workers, cluster members), in ns; -1 if the platform does not tell.
   */
  private static long cpuNanos() {
    if (!(ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os)) {
      return -1;
    }
    long self = os.getProcessCpuTime();
    if (self < 0) {
      return -1;
    }
    long children = ProcessHandle.current().descendants()
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    return self + children;
  }

  private static long batches(Master master, Duration length, int batch) throws Exception {
    List<Long> values = new ArrayList<>(batch);
    for (long i = 0; i < batch; i++) {
      values.add(i);
    }
    long done = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < length.toNanos()) {
      master.putBatch(values);
      for (int got = 0; got < batch; ) {
        got += master.getSome(batch - got);
      }
      done += batch;
    }
    return done;
  }

  /** A {@link BenchWorker} JVM, its stderr merged into stdout. */
  private static Process worker(Map<String, String> env, String... args) {
    return JvmCommand.of(BenchWorker.class).env(env).args(args).redirectErrorStream(true).start();
  }

  private static Process drained(Process p) {
    Thread t = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // the worker is gone
      }
    }, "pyport-bench-drain-" + p.pid());
    t.setDaemon(true);
    t.start();
    return p;
  }

  private static void reap(List<Process> workers) {
    for (Process w : workers) {
      w.destroyForcibly();
    }
    for (Process w : workers) {
      try {
        w.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String secs(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }
}
