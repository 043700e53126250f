package org.pyport.distributed.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.collection.IQueue;
import com.hazelcast.core.HazelcastInstance;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The seed's taskworker against Hazelcast: a client JVM that polls {@code task_queue} and puts
 * {@code "n * n = n²"} into {@code result_queue}, until the task queue stays empty for a while.
 *
 * <p>Usage: {@code HazelcastSquareWorker delayMillis idleMillis clusterName member...} (see {@link
 * LocalCluster#workerArgs()}).
 */
public final class HazelcastSquareWorker {
  private HazelcastSquareWorker() {}

  /**
   * @param args delay per task (ms), idle timeout (ms), cluster name, member addresses
   * @throws InterruptedException if interrupted while waiting
   */
  public static void main(String[] args) throws InterruptedException {
    Settings.quiet(System::setProperty);
    long delay = Long.parseLong(args[0]);
    long idle = Long.parseLong(args[1]);
    HazelcastInstance hz = HazelcastClient.newHazelcastClient(
        Settings.client(args[2], Arrays.asList(args).subList(3, args.length)));
    try {
      IQueue<Long> task = hz.getQueue("task_queue");
      IQueue<String> result = hz.getQueue("result_queue");
      int done = 0;
      while (true) {
        Long n = task.poll(idle, TimeUnit.MILLISECONDS);
        if (n == null) {
          System.out.println("task queue is empty.");
          break;
        }
        System.out.printf("run task %d * %d...%n", n, n);
        if (delay > 0) Thread.sleep(delay);
        result.put(String.format("%d * %d = %d", n, n, n * n));
        done++;
      }
      System.out.println("worker exit. (" + done + " tasks)");
    } finally {
      hz.shutdown();
    }
  }
}
