package org.pyport.distributed.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueClient;
import org.pyport.distributed.QueueEmptyException;
import org.pyport.distributed.Task;

/**
 * The seed's {@code taskworker.py} in Java: connects to a queue manager, takes numbers from
 * {@code task_queue}, and puts {@code "n * n = n²"} into {@code result_queue}.
 *
 * <p>Usage: {@code SquareWorker host port [delayMillis] [idleMillis] [quiet]}, with the authkey in
 * the environment variable {@code PYPORT_AUTHKEY} (not on the command line, where {@code ps}
 * would show it). It stops after the task queue stayed empty for {@code idleMillis}.
 */
public final class SquareWorker {
  private SquareWorker() {}

  /**
   * @param args host, port, optional delay per task in ms (default 0), optional idle timeout in
   *     ms (default 1000), optional "quiet" to skip the per-task lines
   * @throws InterruptedException if interrupted while simulating work
   */
  public static void main(String[] args) throws InterruptedException {
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    long delay = args.length > 2 ? Long.parseLong(args[2]) : 0;
    long idle = args.length > 3 ? Long.parseLong(args[3]) : 1000;
    boolean quiet = args.length > 4 && args[4].equals("quiet");
    String key = System.getenv("PYPORT_AUTHKEY");
    if (key == null) {
      System.err.println("set PYPORT_AUTHKEY to the manager's authkey");
      System.exit(2);
    }
    System.out.printf("Connect to server %s...%n", host);
    try (QueueClient m = QueueClient.connect(host, port, key.getBytes(StandardCharsets.UTF_8))) {
      NamedQueue task = m.queue("task_queue");
      NamedQueue result = m.queue("result_queue");
      int done = 0;
      while (true) {
        Task<Long> t;
        try {
          t = task.take(Long.class, Duration.ofMillis(idle));
        } catch (QueueEmptyException e) {
          System.out.println("task queue is empty.");
          break;
        }
        long n = t.value();
        if (!quiet) {
          System.out.printf("run task %d * %d...%n", n, n);
          System.out.flush();
        }
        if (delay > 0) {
          Thread.sleep(delay);
        }
        t.done(result, String.format("%d * %d = %d", n, n, n * n));
        done++;
      }
      System.out.println("worker exit. (" + done + " tasks)");
    }
  }
}
