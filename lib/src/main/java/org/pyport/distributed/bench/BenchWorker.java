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
import org.pyport.distributed.QueueManager;
import org.pyport.distributed.Task;
import org.pyport.distributed.hazelcast.LocalCluster;

/**
 * A benchmark worker JVM: takes n, puts n*n, until it takes a negative n. Announces itself with
 * "ready" in the result queue. Usage: {@code BenchWorker ours host port mode} (a {@link
 * ClientMode} name; authkey in {@code PYPORT_AUTHKEY}) or {@code BenchWorker hazelcast clusterName member...}.
 */
public final class BenchWorker {
  private BenchWorker() {}

  /** Tasks run through a private manager before a JVM is measured: enough for the JIT. */
  private static final int WARM_UP_TASKS = 20_000;
  /** ... but never longer than this (a slow or very busy machine). */
  private static final long WARM_UP_NANOS = 4_000_000_000L;

  /**
   * Runs this JVM's hot path (client, JSON, frames — and a manager) on a private in-process
   * manager until the JIT has compiled it, so that a measurement starts warm, as a long-running
   * worker or manager is; Python has no JIT to wait for. Same mode (program and client
   * settings) as the run that follows.
   *
   * @param mode as the measured run
   */
  public static void warmUp(ClientMode mode) {
    byte[] key = Long.toHexString(System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    boolean batched = mode == ClientMode.BATCHED;
    try (QueueManager m = QueueManager.builder().authkey(key).register("task_queue")
            .register("result_queue").start();
        QueueClient master = mode.connect("127.0.0.1", m.port(), key);
        QueueClient worker = mode.connect("127.0.0.1", m.port(), key)) {
      Thread w = new Thread(() -> serve(worker, batched), "pyport-bench-warm-up");
      w.setDaemon(true);
      w.start();
      NamedQueue tasks = master.queue("task_queue");
      NamedQueue results = master.queue("result_queue");
      List<Long> batch = new ArrayList<>();
      for (long i = 0; i < 100; i++) {
        batch.add(i);
      }
      long end = System.nanoTime() + WARM_UP_NANOS;
      for (int done = 0; done < WARM_UP_TASKS && System.nanoTime() - end < 0; done += batch.size()) {
        if (batched) {
          tasks.putAll(batch);
          for (int got = 0; got < batch.size(); ) {
            got += results.getBatch(Object.class, batch.size() - got, Duration.ofSeconds(60)).size();
          }
        } else {
          for (long n : batch) {
            tasks.put(n);
          }
          for (int i = 0; i < batch.size(); i++) {
            results.get(Duration.ofSeconds(60));
          }
        }
      }
      tasks.put(-1L);
      try {
        w.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The worker loop: takes n, puts n*n, until it takes a negative n. */
  private static void serve(QueueClient c, boolean batched) {
    if (!batched) {
      servePerTask(c);
      return;
    }
    NamedQueue tasks = c.queue("task_queue");
    NamedQueue results = c.queue("result_queue");
    boolean stop = false;
    while (!stop) {
      // whatever is there, up to 500, per request
      List<Task<Long>> batch = tasks.takeBatch(Long.class, 500, Duration.ofDays(1));
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

  /**
   * The seed's worker: one take and one done per task. A stop signal that was prefetched but
   * is not taken goes back to the queue when the client closes, for the next worker.
   */
  private static void servePerTask(QueueClient c) {
    NamedQueue tasks = c.queue("task_queue");
    NamedQueue results = c.queue("result_queue");
    while (true) {
      Task<Long> t = tasks.take(Long.class, Duration.ofDays(1));
      if (t.value() < 0) {
        t.ack();
        return;
      }
      t.done(results, t.value() * t.value());
    }
  }

  /**
   * @param args see the class comment; the fourth is a {@link ClientMode} name
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    if (args[0].equals("ours")) {
      byte[] key = System.getenv("PYPORT_AUTHKEY").getBytes(StandardCharsets.UTF_8);
      ClientMode mode = ClientMode.valueOf(args[3]);
      warmUp(mode);
      try (QueueClient c = mode.connect(args[1], Integer.parseInt(args[2]), key)) {
        c.queue("result_queue").put("ready");
        serve(c, mode == ClientMode.BATCHED);
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
