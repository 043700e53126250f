package org.pyport.distributed.bench;

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
import org.pyport.distributed.Task;
import org.pyport.distributed.hazelcast.LocalCluster;

/**
 * A benchmark worker JVM: takes n, puts n*n, until it takes a negative n. Announces itself with
 * "ready" in the result queue. Usage: {@code BenchWorker ours host port} (authkey in {@code
 * PYPORT_AUTHKEY}) or {@code BenchWorker hazelcast clusterName member...}.
 */
public final class BenchWorker {
  private BenchWorker() {}

  /**
   * @param args see the class comment; a trailing "batch" makes it take and answer in batches
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    if (args[0].equals("ours")) {
      byte[] key = System.getenv("PYPORT_AUTHKEY").getBytes(StandardCharsets.UTF_8);
      try (QueueClient c = QueueClient.connect(args[1], Integer.parseInt(args[2]), key)) {
        NamedQueue tasks = c.queue("task_queue");
        NamedQueue results = c.queue("result_queue");
        results.put("ready");
        boolean batched = args.length > 3 && args[3].equals("batch");
        boolean stop = false;
        while (!stop) {
          // one task per request, or whatever is there (up to 500) per request
          List<Task<Long>> batch = tasks.takeBatch(Long.class, batched ? 500 : 1, Duration.ofDays(1));
          List<Task<Long>> work = new ArrayList<>(batch.size());
          List<Long> squares = new ArrayList<>(batch.size());
          for (Task<Long> t : batch) {
            if (t.value() < 0) {
              // one stop signal per worker: a second one in the same batch is another worker's
              if (stop) {
                t.release();
              } else {
                t.ack();
                stop = true;
              }
            } else {
              work.add(t);
              squares.add(t.value() * t.value());
            }
          }
          results.putResults(work, squares);
        }
      }
    } else {
      HazelcastInstance hz = HazelcastClient.newHazelcastClient(
          LocalCluster.clientConfig(args[1], Arrays.asList(args).subList(2, args.length).stream()
              .filter(a -> !a.equals("batch")).toList()));
      try {
        IQueue<Long> tasks = hz.getQueue("task_queue");
        IQueue<Object> results = hz.getQueue("result_queue");
        results.put("ready");
        boolean batched = args[args.length - 1].equals("batch");
        List<Long> batch = new ArrayList<>();
        List<Object> squares = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
          batch.clear();
          squares.clear();
          batch.add(tasks.take());
          if (batched) {
            tasks.drainTo(batch, 499);
          }
          for (long n : batch) {
            if (n < 0) {
              if (stop) {
                tasks.put(n); // another worker's stop signal: give it back
              }
              stop = true;
            } else {
              squares.add(n * n);
            }
          }
          if (batched) {
            results.addAll(squares);
          } else {
            for (Object r : squares) {
              results.put(r);
            }
          }
        }
      } finally {
        hz.shutdown();
      }
    }
  }
}
