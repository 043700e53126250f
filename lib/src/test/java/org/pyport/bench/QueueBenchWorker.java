package org.pyport.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueClient;
import org.pyport.distributed.QueueManager;
import org.pyport.distributed.Task;
import org.pyport.distributed.hazelcast.LocalCluster;

/**
 * A benchmark worker JVM: takes n, puts n*n, until it takes a negative n. Announces itself with "ready"
 * in the result queue. Usage: {@code QueueBenchWorker ours host port PER_TASK|BATCHED} (authkey in
 * {@code PYPORT_AUTHKEY}) or {@code QueueBenchWorker hazelcast clusterName member... single|batch}.
 */
public final class QueueBenchWorker {
    private QueueBenchWorker() {}

    /** Tasks run through a private manager before a JVM is measured (at most this long): enough for the JIT. */
    private static final long WARM_UP_NANOS = 6_000_000_000L;
    private static final Duration LONG = Duration.ofDays(1);

    /**
     * Runs this JVM's hot path (client, JSON, frames, and a manager) on a private in-process manager until
     * the JIT has compiled it, so that a measurement starts warm, as a long-running worker or manager is;
     * Python has no JIT to wait for.
     */
    static void warmUp(boolean batched) {
        byte[] key = Long.toHexString(System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        try (QueueManager m = QueueManager.builder().authkey(key).register("task_queue").register("result_queue").start();
             QueueClient master = QueueClient.connect("127.0.0.1", m.port(), key);
             QueueClient worker = QueueClient.connect("127.0.0.1", m.port(), key)) {
            Thread w = new Thread(() -> serve(worker, batched), "pyport-bench-warm-up");
            w.setDaemon(true);
            w.start();
            List<Long> batch = new ArrayList<>();
            for (long i = 0; i < 100; i++) batch.add(i);
            NamedQueue tasks = master.queue("task_queue");
            NamedQueue results = master.queue("result_queue");
            long end = System.nanoTime() + WARM_UP_NANOS;
            for (int done = 0; done < 50_000 && System.nanoTime() - end < 0; done += batch.size()) {
                QueueBench.roundOfTasks(tasks, results, batch, batched);
            }
            tasks.put(-1L);
            w.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The worker loop: takes n, puts n*n, until it takes a negative n. */
    private static void serve(QueueClient c, boolean batched) {
        NamedQueue tasks = c.queue("task_queue");
        NamedQueue results = c.queue("result_queue");
        while (true) {
            // batched: whatever is there, up to 500, per request; else the tutorial's worker, one task per call
            List<Task<Long>> batch = tasks.takeBatch(Long.class, batched ? 500 : 1, LONG);
            List<Task<Long>> work = new ArrayList<>(batch.size());
            List<Long> squares = new ArrayList<>(batch.size());
            boolean stop = false;
            for (Task<Long> t : batch) {
                if (t.value() >= 0) {
                    work.add(t);
                    squares.add(t.value() * t.value());
                } else if (stop) {
                    t.release(); // one stop signal per worker: a second one is another worker's
                } else {
                    t.ack();
                    stop = true;
                }
            }
            results.putResults(work, squares);
            if (stop) return;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("ours")) {
            byte[] key = System.getenv("PYPORT_AUTHKEY").getBytes(StandardCharsets.UTF_8);
            boolean batched = args[3].equals("BATCHED");
            warmUp(batched);
            try (QueueClient c = QueueClient.connect(args[1], Integer.parseInt(args[2]), key)) {
                c.queue("result_queue").put("ready");
                serve(c, batched);
            }
            return;
        }
        boolean batched = args[args.length - 1].equals("batch");
        HazelcastInstance hz = HazelcastClient.newHazelcastClient(
                LocalCluster.clientConfig(args[1], Arrays.asList(args).subList(2, args.length - 1)));
        try {
            IQueue<Long> tasks = hz.getQueue("task_queue");
            IQueue<Object> results = hz.getQueue("result_queue");
            results.put("ready");
            List<Long> batch = new ArrayList<>();
            List<Object> squares = new ArrayList<>();
            boolean stop = false;
            while (!stop) {
                batch.clear();
                squares.clear();
                batch.add(tasks.take());
                if (batched) tasks.drainTo(batch, 499);
                for (long n : batch) {
                    if (n >= 0) squares.add(n * n);
                    else if (stop) tasks.put(n); // another worker's stop signal: give it back
                    else stop = true;
                }
                if (batched) results.addAll(squares);
                else for (Object r : squares) results.put(r);
            }
        } finally {
            hz.shutdown();
        }
    }
}
