package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.KEY;
import static org.pyport.distributed.TestSupport.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class QueueTimeoutTest {
  private static QueueManager bounded() {
    return QueueManager.builder().authkey(KEY).register("task_queue", 2).register("result_queue").start();
  }

  @Test
  void getOnAnEmptyQueueRaisesEmptyAfterTheTimeout() {
    try (QueueManager m = bounded(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("result_queue");
      QueueEmptyException e = assertThrows(QueueEmptyException.class, () -> q.get(Duration.ofMillis(100)));
      assertTrue(e.getMessage().contains("'result_queue'") && e.getMessage().contains("100 ms"), e.getMessage());
      assertThrows(QueueEmptyException.class, () -> q.get(Duration.ZERO));
      assertThrows(QueueEmptyException.class, () -> q.take(Duration.ZERO));
      assertThrows(QueueEmptyException.class, () -> m.queue("result_queue").get(Duration.ofMillis(50)));
      // a timed-out get left no waiter behind that could swallow the next value
      q.put("next");
      assertEquals("next", m.queue("result_queue").get(Duration.ofSeconds(5)));
    }
  }

  @Test
  void putOnAFullBoundedQueueRaisesFullAfterTheTimeout() {
    try (QueueManager m = bounded(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("task_queue");
      q.put(1);
      q.put(2);
      assertThrows(QueueFullException.class, () -> q.put(3, Duration.ofMillis(100)));
      assertThrows(QueueFullException.class, () -> q.put(3, Duration.ZERO));
      assertThrows(QueueFullException.class, () -> m.queue("task_queue").put(3, Duration.ZERO));
      assertEquals(2, q.size());
      // the refused puts really were not stored
      assertEquals(1, q.get(Duration.ZERO));
      assertEquals(2, q.get(Duration.ZERO));
      assertThrows(QueueEmptyException.class, () -> q.get(Duration.ZERO));
    }
  }

  @Test
  void aBlockedPutProceedsWhenAGetMakesRoom() throws Exception {
    try (QueueManager m = bounded(); QueueClient a = client(m); QueueClient b = client(m)) {
      a.queue("task_queue").put(1);
      a.queue("task_queue").put(2);
      CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> a.queue("task_queue").put(3));
      assertEquals(1, b.queue("task_queue").get(Duration.ofSeconds(5)));
      blocked.get();
      assertEquals(2, b.queue("task_queue").get(Duration.ofSeconds(5)));
      assertEquals(3, b.queue("task_queue").get(Duration.ofSeconds(5)));
    }
  }

  @Test
  void negativeTimeoutIsAnError() {
    try (QueueManager m = bounded(); QueueClient c = client(m)) {
      assertThrows(IllegalArgumentException.class, () -> c.queue("task_queue").get(Duration.ofMillis(-1)));
    }
  }

  @Test
  void anInterruptedGetLosesNothing() throws Exception {
    try (QueueManager m = bounded(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("result_queue");
      Thread t = new Thread(() -> {
        try {
          q.get();
        } catch (DistributedQueueException expected) {
          // interrupted
        }
      });
      t.start();
      TestSupport.eventually("get is waiting", () -> t.getState() != Thread.State.NEW);
      t.interrupt();
      t.join(20_000);
      assertTrue(!t.isAlive(), "an interrupt ends a get that waits");
      q.put("kept");
      assertEquals("kept", q.get(Duration.ofSeconds(5)));
    }
  }
}
