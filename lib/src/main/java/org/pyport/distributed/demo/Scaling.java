package org.pyport.distributed.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.pyport.child.ChildJvm;
import org.pyport.child.ChildProcess;
import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueManager;

/** Measures the tutorial's manager and workers: tasks per second, by worker JVMs and by batch size. */
public final class Scaling {
  private Scaling() {}

  /** {@link #tasksPerSecond(int, int, Duration, int, int)} with one call per operation and one round. */
  public static double tasksPerSecond(int workers, int tasks, Duration work) {
    return tasksPerSecond(workers, tasks, work, 1, 1);
  }

  /**
   * Starts a manager and {@code workers} {@link QueueSquareWorker} JVMs (small ones: one GC thread, only the
   * JIT's quick tier, which compiles within a second), waits until all are connected (so JVM start-up
   * is not counted), then times rounds of {@code tasks} tasks of {@code work} each.
   *
   * @param workers worker JVMs
   * @param tasks tasks per round
   * @param work simulated work per task (the tutorial's {@code time.sleep})
   * @param batch 1: one call per operation, as in the tutorial; more: the batched calls, this many
   *     tasks per request at most (the master puts a round with one request)
   * @param rounds rounds to time; the fastest counts (the first ones run while the JIT compiles)
   * @return tasks per second
   * @throws IllegalStateException if a result is missing or duplicated
   */
  public static double tasksPerSecond(int workers, int tasks, Duration work, int batch, int rounds) {
    String key = UUID.randomUUID().toString();
    try (QueueManager m = QueueManager.builder().authkey(key.getBytes(StandardCharsets.UTF_8))
        .register("task_queue").register("result_queue").start()) {
      List<ChildProcess> started = new ArrayList<>();
      try {
        for (int i = 0; i < workers; i++) {
          started.add(ChildJvm.with().env("PYPORT_AUTHKEY", key).inheritOutput(false).jvmArgs("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
              .start(QueueSquareWorker.class, "main", "127.0.0.1", String.valueOf(m.port()), "--quiet", "--ready",
                  "--delay-ms", String.valueOf(work.toMillis()), "--idle-ms", "300", "--batch", String.valueOf(batch)));
        }
        NamedQueue task = m.queue("task_queue");
        NamedQueue result = m.queue("result_queue");
        for (int i = 0; i < workers; i++) {
          result.get(Duration.ofSeconds(60)); // "ready"
        }
        double best = 0;
        for (int r = 0; r < rounds; r++) {
          List<Long> values = LongStream.range(0, tasks).boxed().toList();
          Set<Object> results = new HashSet<>();
          long t0 = System.nanoTime();
          if (batch == 1) {
            values.forEach(task::put);
            while (results.size() < tasks && results.add(result.get(Duration.ofSeconds(60)))) { }
          } else {
            task.putAll(values);
            while (results.size() < tasks && results.addAll(result.getBatch(Object.class, batch, Duration.ofSeconds(60)))) { }
          }
          best = Math.max(best, tasks / ((System.nanoTime() - t0) / 1e9));
          if (results.size() != tasks) {
            throw new IllegalStateException("expected " + tasks + " distinct results, got " + results.size());
          }
        }
        started.forEach(ChildProcess::join);
        return best;
      } finally {
        started.forEach(ChildProcess::close);
      }
    }
  }
}
