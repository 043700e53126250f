package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A prefetch gets no more than its share, so that other consumers are not starved. */
class FairShareTest {
  private static List<byte[]> items(int n) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(String.valueOf(i).getBytes());
    }
    return out;
  }

  /** {@code owner} takes and acknowledges {@code n} items: its prefetch allowance becomes n. */
  private static void earn(ServedQueue q, Object owner, int n) {
    q.putUnbounded(items(n));
    for (ServedQueue.Item item : q.take(owner, 0, n, false).join()) {
      assertTrue(q.ack(owner, item.id()));
    }
  }

  @Test
  void threeWaitingConsumersShareTenItems() {
    ServedQueue q = new ServedQueue("q", 0);
    Object[] owners = {"a", "b", "c"};
    for (Object o : owners) {
      earn(q, o, 32);
    }
    List<CompletableFuture<List<ServedQueue.Item>>> takes = new ArrayList<>();
    for (Object o : owners) {
      takes.add(q.take(o, -1, 32, false, true));
    }
    q.putUnbounded(items(10));
    int total = 0;
    for (int i = 0; i < 3; i++) {
      int got = takes.get(i).join().size();
      assertTrue(got >= 1 && got <= 4, owners[i] + " got " + got + " of 10 (share: ceil(10/3) = 4)");
      total += got;
    }
    assertEquals(10, total + q.size());
  }

  @Test
  void consumersHoldingItemsCountToo() {
    ServedQueue q = new ServedQueue("q", 0);
    earn(q, "a", 32);
    earn(q, "b", 32);
    q.putUnbounded(items(1));
    assertEquals(1, q.take("b", 0, 1, false).join().size()); // b holds one, working on it
    q.putUnbounded(items(9));
    List<ServedQueue.Item> a = q.take("a", 0, 32, false, true).join();
    assertEquals(5, a.size(), "a and b consume: ceil(9 / 2)");
  }

  @Test
  void aConsumerThatHasAcknowledgedNothingGetsOneItem() {
    ServedQueue q = new ServedQueue("q", 0);
    q.putUnbounded(items(10));
    assertEquals(1, q.take("new", 0, 32, false, true).join().size(), "slow start");
    earn(q, "x", 3);
    assertEquals(3, q.take("x", 0, 32, false, true).join().size(), "as many as it acknowledged");
    assertEquals(2, q.take("batch", 0, 6, false, false).join().size(),
        "an explicit batch, never acknowledged before: the fair share only (6 queued, 'new' and"
            + " 'x' hold items: 3 consumers)");
  }

  @Test
  void prefetchingWorkersSpreadTheSeedsTasks() throws Exception {
    // the seed's shape: three workers are connected and waiting when the master puts ten tasks
    try (QueueManager m = manager().start();
        QueueClient a = client(m); QueueClient b = client(m); QueueClient c = client(m)) {
      List<RemoteQueue> queues = List.of(a.queue("task_queue"), b.queue("task_queue"), c.queue("task_queue"));
      for (RemoteQueue q : queues) { // each has done work before: a full allowance
        m.queue("task_queue").putAll(IntStream.range(0, 32).boxed().toList());
        for (int i = 0; i < 32; i++) {
          q.take(Duration.ofSeconds(5)).ack();
        }
      }
      List<CompletableFuture<Task<Object>>> waiting = new ArrayList<>();
      for (RemoteQueue q : queues) {
        waiting.add(CompletableFuture.supplyAsync(() -> q.take(Duration.ofSeconds(30))));
      }
      TestSupport.eventually("all three wait", () -> m.served("task_queue").waitingCount() == 3);
      m.queue("task_queue").putAll(IntStream.range(0, 10).boxed().toList());
      int total = 0;
      for (int i = 0; i < 3; i++) {
        waiting.get(i).get();
        int got = 1 + queues.get(i).buffered();
        assertTrue(got <= 4, "worker " + i + " got " + got + " of 10");
        total += got;
      }
      assertEquals(10, total + m.queue("task_queue").size());
    }
  }
}
