package org.pyport.distributed.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.pyport.child.ChildJvm;
import org.pyport.child.ChildProcess;
import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueManager;

/** Measures how the seed's manager/worker pair scales with the number of worker JVMs. */
public final class Scaling {
  private Scaling() {}

  /**
   * Starts a manager and {@code workers} {@link SquareWorker} JVMs, waits until all are connected
   * (so JVM start-up is not counted), then times {@code tasks} tasks of {@code work} each.
   *
   * @param workers worker JVMs
   * @param tasks how many tasks
   * @param work simulated work per task (the seed's {@code time.sleep})
   * @return tasks per second
   * @throws IllegalStateException if a result is missing or duplicated
   */
  public static double tasksPerSecond(int workers, int tasks, Duration work) {
    String key = UUID.randomUUID().toString();
    try (QueueManager m = QueueManager.builder().authkey(key.getBytes(StandardCharsets.UTF_8))
        .register("task_queue").register("result_queue").start()) {
      List<ChildProcess> started = new ArrayList<>();
      try {
        for (int i = 0; i < workers; i++) {
          started.add(ChildJvm.with().env("PYPORT_AUTHKEY", key).inheritOutput(false)
              .start(SquareWorker.class, "main", "127.0.0.1", String.valueOf(m.port()), "--quiet",
                  "--ready", "--delay-ms", String.valueOf(work.toMillis()), "--idle-ms", "300"));
        }
        NamedQueue task = m.queue("task_queue");
        NamedQueue result = m.queue("result_queue");
        for (int i = 0; i < workers; i++) {
          result.get(Duration.ofSeconds(60)); // "ready"
        }
        long t0 = System.nanoTime();
        task.putAll(IntStream.range(0, tasks).boxed().toList());
        Set<Object> results = new HashSet<>();
        for (int i = 0; i < tasks; i++) {
          results.add(result.get(Duration.ofSeconds(60)));
        }
        double rate = tasks / ((System.nanoTime() - t0) / 1e9);
        if (results.size() != tasks) {
          throw new IllegalStateException("expected " + tasks + " distinct results, got " + results.size());
        }
        started.forEach(ChildProcess::join);
        return rate;
      } finally {
        started.forEach(ChildProcess::close);
      }
    }
  }
}
