package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.KEY;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchTest {
  private static final Duration T = Duration.ofSeconds(5);

  @Test
  void putAllThenBatchesInOrder() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("task_queue");
      q.putAll(IntStream.range(0, 25).boxed().toList());
      assertEquals(25, q.size());
      assertEquals(IntStream.range(0, 10).boxed().toList(), q.getBatch(Integer.class, 10, T));
      List<Task<Integer>> tasks = q.takeBatch(Integer.class, 100, T); // only 15 are there
      assertEquals(IntStream.range(10, 25).boxed().toList(), tasks.stream().map(Task::value).toList());
      NamedQueue results = c.queue("result_queue");
      results.putResults(tasks, tasks.stream().map(t -> t.value() * t.value()).toList());
      assertEquals(IntStream.range(10, 25).map(n -> n * n).boxed().toList(), results.getBatch(Integer.class, 100, T));
      assertThrows(IllegalStateException.class, () -> results.putResults(tasks, tasks.stream().map(Task::value).toList()));
      assertEquals(0, m.heldCount("task_queue"));
    }
  }

  @Test
  void aBatchWaitsForItsFirstValueOnly() throws Exception {
    try (QueueManager m = manager().start(); QueueClient a = client(m); QueueClient b = client(m)) {
      CompletableFuture<List<Object>> got = CompletableFuture.supplyAsync(
          () -> a.queue("task_queue").getBatch(Object.class, 50, T.multipliedBy(4)));
      TestSupport.eventually("parked", () -> !got.isDone());
      b.queue("task_queue").put("first");
      List<Object> batch = got.get();
      assertTrue(!batch.isEmpty() && batch.get(0).equals("first"), batch.toString());
    }
  }

  @Test
  void putAllIntoABoundedQueueWaitsForRoomAndKeepsOrder() throws Exception {
    try (QueueManager m = QueueManager.builder().authkey(KEY).register("task_queue", 3).start();
        QueueClient a = client(m); QueueClient b = client(m)) {
      CompletableFuture<Void> filling = CompletableFuture.runAsync(
          () -> a.queue("task_queue").putAll(IntStream.range(0, 10).boxed().toList()));
      List<Integer> got = new ArrayList<>();
      while (got.size() < 10) {
        got.addAll(b.queue("task_queue").getBatch(Integer.class, 2, T));
      }
      filling.get();
      assertEquals(IntStream.range(0, 10).boxed().toList(), got);
    }
  }

  @Test
  void resultsForTasksFromTwoQueuesAreRefused() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      c.queue("task_queue").put(1);
      c.queue("result_queue").put(2);
      Task<Object> t1 = c.queue("task_queue").take(T);
      Task<Object> t2 = c.queue("result_queue").take(T);
      assertThrows(IllegalArgumentException.class, () -> c.queue("result_queue").putResults(List.of(t1, t2), List.of(1, 2)));
      t1.done(c.queue("result_queue"), "ok"); // nothing was finished by the refused call
      t2.ack();
    }
  }
}
