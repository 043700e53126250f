package org.pyport.distributed.bench;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
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
   * @param args see the class comment
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    if (args[0].equals("ours")) {
      byte[] key = System.getenv("PYPORT_AUTHKEY").getBytes(StandardCharsets.UTF_8);
      try (QueueClient c = QueueClient.connect(args[1], Integer.parseInt(args[2]), key)) {
        NamedQueue tasks = c.queue("task_queue");
        NamedQueue results = c.queue("result_queue");
        results.put("ready");
        while (true) {
          Task<Long> t = tasks.take(Long.class, Duration.ofDays(1));
          long n = t.value();
          if (n < 0) {
            t.ack();
            break;
          }
          t.done(results, n * n);
        }
      }
    } else {
      HazelcastInstance hz = HazelcastClient.newHazelcastClient(
          LocalCluster.clientConfig(args[1], Arrays.asList(args).subList(2, args.length)));
      try {
        IQueue<Long> tasks = hz.getQueue("task_queue");
        IQueue<Object> results = hz.getQueue("result_queue");
        results.put("ready");
        while (true) {
          long n = tasks.take();
          if (n < 0) {
            break;
          }
          results.put(n * n);
        }
      } finally {
        hz.shutdown();
      }
    }
  }
}
