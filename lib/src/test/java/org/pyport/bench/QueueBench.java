package org.pyport.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.hazelcast.collection.IQueue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

/**
 * The queue benchmark ({@code lib/bench/distributed.sh}): Python's BaseManager, our QueueManager with its
 * default (one request and one reply per call, as Python's proxies) and with its fast path (the batched
 * calls), and Hazelcast's IQueue, one per call and batched, in one run on loopback with one workload:
 * {@code workers} worker processes take n from {@code task_queue} and put n*n into {@code result_queue}; the
 * master talks to the queues through the network like every worker.
 *
 * <ul>
 *   <li>latency: one task in flight, the time from put to the result's get;
 *   <li>throughput: the master puts a batch of tasks, then gets as many results, repeatedly.
 * </ul>
 *
 * Test scope: none of this is on the kernel's class path.
 */
public final class QueueBench {
    private QueueBench() {}

    /** Every JVM of the benchmark (lib/bench/distributed.sh passes them to the master's): one GC thread, as the kernel's. */
    static final String[] JVM_OPTIONS = {"-XX:+UseSerialGC"};

    /** How long and how wide to measure. */
    record Plan(int workers, Duration warmup, Duration latency, Duration throughput, int batch) {}

    /** One system's measurement; cpu: all of its processes (manager, master, workers, members), per task. */
    record Result(@JsonProperty("system") String system, @JsonProperty("workers") int workers,
                  @JsonProperty("tasks") long tasks, @JsonProperty("seconds") double seconds,
                  @JsonProperty("tasks_per_second") double tasksPerSecond,
                  @JsonProperty("latency_median_us") double latencyMedianMicros,
                  @JsonProperty("latency_p90_us") double latencyP90Micros,
                  @JsonProperty("cpu_us_per_task") double cpuMicrosPerTask) {}

    /** The master's side of one system. */
    private interface Master {
        void put(long n) throws Exception;

        Object get() throws Exception;

        /** Puts a batch of tasks and gets as many results. */
        void round(List<Long> values) throws Exception;
    }

    /** Puts {@code values} and gets as many results: one call each, or with the batched calls. */
    static void roundOfTasks(NamedQueue tasks, NamedQueue results, List<Long> values, boolean batched) {
        Duration t = Duration.ofSeconds(60);
        if (batched) {
            tasks.putAll(values);
            for (int got = 0; got < values.size(); ) got += results.getBatch(Object.class, values.size() - got, t).size();
        } else {
            for (long v : values) tasks.put(v);
            for (int i = 0; i < values.size(); i++) results.get(t);
        }
    }

    static Result ours(Plan plan, boolean batched) {
        String key = "bench-" + System.nanoTime();
        try (QueueManager m = QueueManager.builder().authkey(key.getBytes(StandardCharsets.UTF_8))
                .register("task_queue").register("result_queue").start();
             QueueClient c = QueueClient.connect("127.0.0.1", m.port(), key.getBytes(StandardCharsets.UTF_8))) {
            NamedQueue tasks = c.queue("task_queue");
            NamedQueue results = c.queue("result_queue");
            List<Process> workers = new ArrayList<>();
            try {
                for (int i = 0; i < plan.workers(); i++) {
                    workers.add(worker(Map.of("PYPORT_AUTHKEY", key), "ours", "127.0.0.1", String.valueOf(m.port()),
                            batched ? "BATCHED" : "PER_TASK"));
                }
                QueueBenchWorker.warmUp(batched); // this JVM's side (manager, master), while the workers start
                return measure("pyport QueueManager" + (batched ? " (batched)" : " (default)"), plan, new Master() {
                    @Override
                    public void put(long n) {
                        tasks.put(n);
                    }

                    @Override
                    public Object get() {
                        return results.get(Duration.ofSeconds(60));
                    }

                    @Override
                    public void round(List<Long> values) {
                        roundOfTasks(tasks, results, values, batched);
                    }
                }, workers);
            } finally {
                reap(workers);
            }
        }
    }

    /** Hazelcast: one member JVM holds the queues; master and workers are clients. */
    static Result hazelcast(LocalCluster cluster, Plan plan, boolean batched) {
        IQueue<Long> tasks = cluster.client().getQueue("task_queue");
        IQueue<Object> results = cluster.client().getQueue("result_queue");
        tasks.clear();
        results.clear();
        List<Process> workers = new ArrayList<>();
        try {
            List<String> args = new ArrayList<>(List.of("hazelcast"));
            args.addAll(List.of(cluster.workerArgs()));
            args.add(batched ? "batch" : "single");
            for (int i = 0; i < plan.workers(); i++) workers.add(worker(Map.of(), args.toArray(String[]::new)));
            List<Object> drained = new ArrayList<>();
            return measure("Hazelcast IQueue" + (batched ? " (batched)" : ""), plan, new Master() {
                @Override
                public void put(long n) throws InterruptedException {
                    tasks.put(n);
                }

                @Override
                public Object get() throws InterruptedException {
                    Object r = results.poll(60, TimeUnit.SECONDS);
                    if (r == null) throw new IllegalStateException("no result within 60 s");
                    return r;
                }

                @Override
                public void round(List<Long> values) throws InterruptedException {
                    if (!batched) {
                        for (long v : values) put(v);
                        for (int i = 0; i < values.size(); i++) get();
                        return;
                    }
                    tasks.addAll(values);
                    for (int got = 0; got < values.size(); ) {
                        get();
                        drained.clear();
                        got += 1 + results.drainTo(drained, values.size() - got - 1);
                    }
                }
            }, workers);
        } finally {
            reap(workers);
        }
    }

    /** The Python that runs BaseManager: the project's (distributed.sh passes build/jupyter-python), else python3. */
    static final String PYTHON = System.getProperty("pyport.bench.python", "python3");

    /** Python's BaseManager, run by {@link #PYTHON} with the same plan. */
    static Result python(Plan plan) throws IOException, InterruptedException {
        Path script = Files.createTempFile("basemanager_bench", ".py");
        try {
            try (InputStream in = QueueBench.class.getResourceAsStream("basemanager_bench.py")) {
                Files.write(script, in.readAllBytes());
            }
            Process p = new ProcessBuilder(PYTHON, script.toString(), String.valueOf(plan.workers()),
                    secs(plan.warmup()), secs(plan.latency()), secs(plan.throughput()), String.valueOf(plan.batch()))
                    .redirectErrorStream(true).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException(PYTHON + " benchmark failed:\n" + out);
                }
                String json = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                        .orElseThrow(() -> new IllegalStateException("no result from " + PYTHON + ":\n" + out));
                // NaN: the script could not read its processes' CPU time (not Linux)
                return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readValue(json, Result.class);
            } finally {
                p.destroyForcibly();
                p.waitFor(20, TimeUnit.SECONDS);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /** The table as fixed-width text, with ratios to the first row. */
    static String text(List<Result> results) {
        Result ref = results.get(0);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %7s %10s %10s %14s %10s %12s%n",
                "system", "workers", "tasks/s", "x tasks/s", "latency med us", "p90 us", "cpu us/task"));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%-34s %7d %10.0f %10.1f %14.0f %10.0f %12.0f%n", r.system(), r.workers(),
                    r.tasksPerSecond(), r.tasksPerSecond() / ref.tasksPerSecond(), r.latencyMedianMicros(),
                    r.latencyP90Micros(), r.cpuMicrosPerTask()));
        }
        return sb.append("(x = relative to ").append(ref.system()).append("; cpu = all of the system's processes in the ")
                .append("throughput phase; ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs)\n").toString();
    }

    /** {@code QueueBench [workers warmupMs latencyMs throughputMs batch]}: runs all and prints the table. */
    public static void main(String[] args) throws Exception {
        Plan plan = args.length >= 5
                ? new Plan(Integer.parseInt(args[0]), Duration.ofMillis(Long.parseLong(args[1])),
                        Duration.ofMillis(Long.parseLong(args[2])), Duration.ofMillis(Long.parseLong(args[3])),
                        Integer.parseInt(args[4]))
                : new Plan(2, Duration.ofMillis(2000), Duration.ofMillis(1500), Duration.ofMillis(2000), 200);
        System.out.println("plan: " + plan + "; Python: " + PYTHON);
        List<Result> results = new ArrayList<>(List.of(python(plan), ours(plan, false), ours(plan, true)));
        try (LocalCluster cluster = LocalCluster.start(1)) {
            results.add(hazelcast(cluster, plan, false));
            results.add(hazelcast(cluster, plan, true));
        }
        System.out.print(text(results));
        System.out.printf(Locale.ROOT, "default / BaseManager: %.1fx (the goal: at least 3x)%n",
                results.get(1).tasksPerSecond() / results.get(0).tasksPerSecond());
    }

    private static Result measure(String system, Plan plan, Master master, List<Process> workers) {
        try {
            for (int i = 0; i < plan.workers(); i++) {
                Object ready = master.get();
                if (!"ready".equals(ready)) throw new IllegalStateException("expected a worker's ready, got " + ready);
            }
            List<Long> batch = new ArrayList<>();
            for (long i = 0; i < plan.batch(); i++) batch.add(i);
            rounds(master, plan.warmup(), batch);
            List<Long> lat = new ArrayList<>();
            for (long end = System.nanoTime() + plan.latency().toNanos(); System.nanoTime() < end; ) {
                long s = System.nanoTime();
                master.put(7);
                master.get();
                lat.add(System.nanoTime() - s);
            }
            long cpu0 = cpuNanos();
            long start = System.nanoTime();
            long done = rounds(master, plan.throughput(), batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = cpuNanos() - cpu0;
            for (int i = 0; i < plan.workers(); i++) master.put(-1);
            for (Process w : workers) {
                if (!w.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("a worker did not stop");
            }
            long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(system, plan.workers(), done, seconds, done / seconds, sorted[sorted.length / 2] / 1e3,
                    sorted[(int) (sorted.length * 0.9)] / 1e3, cpu < 0 ? Double.NaN : cpu / 1e3 / done);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(system + " benchmark failed: " + e, e);
        }
    }

    private static long rounds(Master master, Duration length, List<Long> batch) throws Exception {
        long done = 0;
        for (long start = System.nanoTime(); System.nanoTime() - start < length.toNanos(); done += batch.size()) {
            master.round(batch);
        }
        return done;
    }

    /** CPU time of this JVM and of every process it started (workers, members), in ns; -1 if unknown. */
    private static long cpuNanos() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) return -1;
        long self = os.getProcessCpuTime();
        return self < 0 ? -1 : self + ProcessHandle.current().descendants()
                .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }

    /** A {@link QueueBenchWorker} JVM whose output is drained (stderr merged). */
    private static Process worker(Map<String, String> env, String... args) {
        Process p = JvmCommand.of(QueueBenchWorker.class).jvmOptions(JVM_OPTIONS).env(env).args(args).redirectErrorStream(true).start();
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
        workers.forEach(Process::destroyForcibly);
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
