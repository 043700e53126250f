package org.pyport.distributed.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueClient;
import org.pyport.distributed.QueueEmptyException;
import org.pyport.distributed.Task;

/**
 * The tutorial's {@code taskworker.py} in Java: connects to a queue manager, takes numbers from
 * {@code task_queue}, and puts {@code "n * n = n²"} into {@code result_queue} with {@link
 * Task#done}, so a task whose worker dies is done again by another one.
 *
 * <p>Usage: {@code QueueSquareWorker host port [--delay-ms N] [--idle-ms N] [--batch N] [--quiet]
 * [--ready]}, with the authkey in the environment variable {@code PYPORT_AUTHKEY} (not on the
 * command line, where {@code ps} would show it). {@code --delay-ms}: simulated work per task
 * (default 0); {@code --idle-ms}: stop after the task queue stayed empty that long (default 1000);
 * {@code --batch}: take up to N tasks per request and finish them with one (default 1); {@code
 * --quiet}: no line per task; {@code --ready}: put {@code "ready"} into {@code result_queue} once
 * connected (for measurements that must not count JVM start-up).
 */
public final class QueueSquareWorker {
  private QueueSquareWorker() {}

  /**
   * @param args host, port, then the options above
   * @throws InterruptedException if interrupted while simulating work
   */
  public static void main(String[] args) throws InterruptedException {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    long delay = 0;
    long idle = 1000;
    boolean quiet = false;
    boolean ready = false;
    int batch = 1;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--delay-ms" -> delay = Long.parseLong(args[++i]);
        case "--idle-ms" -> idle = Long.parseLong(args[++i]);
        case "--quiet" -> quiet = true;
        case "--ready" -> ready = true;
        case "--batch" -> batch = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    String key = System.getenv("PYPORT_AUTHKEY");
    if (key == null) {
      System.err.println("set PYPORT_AUTHKEY to the manager's authkey");
      System.exit(2);
    }
    System.out.printf("Connect to server %s...%n", host);
    try (QueueClient m = QueueClient.connect(host, port, key.getBytes(StandardCharsets.UTF_8))) {
      NamedQueue task = m.queue("task_queue");
      NamedQueue result = m.queue("result_queue");
      if (ready) result.put("ready");
      int done = 0;
      while (true) {
        List<Task<Long>> tasks;
        try {
          tasks = task.takeBatch(Long.class, batch, Duration.ofMillis(idle));
        } catch (QueueEmptyException e) {
          System.out.println("task queue is empty.");
          break;
        }
        List<String> results = new ArrayList<>();
        for (Task<Long> t : tasks) {
          long n = t.value();
          if (!quiet) {
            System.out.printf("run task %d * %d...%n", n, n);
            System.out.flush();
          }
          if (delay > 0) Thread.sleep(delay);
          results.add(String.format("%d * %d = %d", n, n, n * n));
        }
        result.putResults(tasks, results); // for one task, what tasks.get(0).done(result, ...) does
        done += tasks.size();
      }
      System.out.println("worker exit. (" + done + " tasks)");
    }
  }
}
