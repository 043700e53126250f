package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.KEY;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** get/take fetch several items with one request and hand them out one per call. */
class PrefetchTest {
  private static final Duration T = Duration.ofSeconds(10);

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  /**
   * Gets {@code n} values one by one: the manager's allowance for this client grows with what it
   * acknowledges (slow start), so after this it prefetches more than one item.
   */
  private static void earnAllowance(QueueManager m, RemoteQueue q, int n) {
    m.queue(q.name()).putAll(range(-n, 0));
    for (int i = -n; i < 0; i++) {
      assertEquals(i, q.get(T));
    }
  }

  /**
   * Earns an allowance, queues {@code 0 .. n-1} and gets 0, which fetches more than one item: the
   * client then holds some of the rest.
   */
  private static void getTheFirstOfSeveral(QueueManager m, RemoteQueue q, int allowance, int n) {
    earnAllowance(m, q, allowance);
    m.queue(q.name()).putAll(range(0, n));
    assertEquals(0, q.get(T));
    assertTrue(q.buffered() > 0, "the first get fetched more than one item");
  }

  @Test
  void getHandsOutFetchedItemsInOrderAndCloseGivesBackTheRest() throws Exception {
    try (QueueManager m = manager().start()) {
      try (QueueClient a = client(m)) {
        RemoteQueue q = a.queue("task_queue");
        getTheFirstOfSeveral(m, q, 8, 20);
        assertEquals(1, q.get(T));
        assertEquals(2, q.get(T));
        int held = q.buffered();
        a.flush(); // the acks of gets wait for the client's next request; flush sends them
        TestSupport.eventually("the consumed items are acknowledged",
            () -> m.heldCount("task_queue") == held);
      } // closing gives back the buffered items, in order, at the head of the queue
      assertEquals(0, m.heldCount("task_queue"));
      try (QueueClient b = client(m)) {
        List<Object> rest = new ArrayList<>();
        for (int i = 3; i < 20; i++) {
          rest.add(b.queue("task_queue").get(T));
        }
        assertEquals(new ArrayList<Object>(range(3, 20)), rest, "consumed ones are not redelivered");
        assertThrows(QueueEmptyException.class, () -> b.queue("task_queue").get(Duration.ZERO));
      }
    }
  }

  @Test
  void closeReturnsOnlyOnceWhatTheClientHeldIsBackInTheQueue() throws Exception {
    // the manager once closed the socket before requeueing: close() could return in between
    try (QueueManager m = manager().start()) {
      for (int i = 0; i < 30; i++) {
        try (QueueClient c = client(m)) {
          getTheFirstOfSeveral(m, c.queue("task_queue"), 4, 8);
        }
        assertEquals(0, m.heldCount("task_queue"), "held after close number " + (i + 1));
        assertEquals(7, m.queue("task_queue").size(), "the other seven are back");
        for (int k = 1; k < 8; k++) {
          assertEquals(k, m.queue("task_queue").get(T));
        }
      }
    }
  }

  @Test
  void aPrefetchingWorkerThatDiesGivesBackEverythingAndEachResultArrivesOnce() throws Exception {
    try (QueueManager m = manager().start()) {
      QueueClient victim = client(m);
      RemoteQueue vt = victim.queue("task_queue");
      RemoteQueue vr = victim.queue("result_queue");
      m.queue("task_queue").putAll(range(0, 10));
      for (int i = 0; i < 10; i++) { // earns an allowance of 10
        Task<Integer> t = vt.take(Integer.class, T);
        t.done(vr, t.value() * t.value());
      }
      m.queue("task_queue").putAll(range(10, 40));
      Task<Integer> mid = vt.take(Integer.class, T);
      assertEquals(10, mid.value());
      assertTrue(vt.buffered() >= 5, "it prefetched: " + vt.buffered());
      victim.flush();
      int held = m.heldCount("task_queue");
      assertEquals(1 + vt.buffered(), held);
      victim.abort(); // dies: no flush, no graceful close
      TestSupport.eventually("requeued", () -> m.heldCount("task_queue") == 0);
      assertEquals(30, m.queue("task_queue").size());
      try (QueueClient w = client(m)) {
        RemoteQueue tasks = w.queue("task_queue");
        Task<Integer> first = tasks.take(Integer.class, T);
        assertEquals(10, first.value(), "requeued at the head, in order");
        first.done(w.queue("result_queue"), 100);
        for (int i = 11; i < 40; i++) {
          Task<Integer> t = tasks.take(Integer.class, T);
          t.done(w.queue("result_queue"), t.value() * t.value());
        }
      }
      Map<Object, Integer> seen = new HashMap<>();
      for (int i = 0; i < 40; i++) {
        seen.merge(m.queue("result_queue").get(T), 1, Integer::sum);
      }
      for (int n = 0; n < 40; n++) {
        assertEquals(1, seen.getOrDefault(n * n, 0), "result of " + n);
      }
      assertThrows(QueueEmptyException.class, () -> m.queue("result_queue").get(Duration.ZERO));
    }
  }

  @Test
  void threadsSharingOneClientShareItsFetchesAndGetEachItemOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      RemoteQueue q = c.queue("task_queue");
      earnAllowance(m, q, 16);
      ConcurrentLinkedQueue<Object> got = new ConcurrentLinkedQueue<>();
      List<CompletableFuture<Void>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < 250; i++) {
            got.add(q.get(T));
          }
        }, pool));
      }
      m.queue("task_queue").putAll(range(0, 1000));
      for (CompletableFuture<Void> r : readers) {
        r.get();
      }
      assertEquals(new ArrayList<Object>(range(0, 1000)), got.stream().sorted().toList());
      assertEquals(0, q.buffered());
      c.flush();
      TestSupport.eventually("all acknowledged", () -> m.heldCount("task_queue") == 0);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBufferedItemIsReturnedAtOnceAndTimeoutsKeepPythonsMeaning() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      RemoteQueue q = c.queue("task_queue");
      getTheFirstOfSeveral(m, q, 4, 3);
      assertEquals(1, q.get(Duration.ZERO), "buffered: no wait, like get_nowait on a non-empty queue");
      assertEquals(2, q.get(Duration.ZERO));
      assertThrows(QueueEmptyException.class, () -> q.get(Duration.ZERO));
      assertThrows(QueueEmptyException.class, () -> q.get(Duration.ofMillis(50)));
    }
  }

  @Test
  void batchesTakeWhatIsBufferedFirst() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      RemoteQueue q = c.queue("task_queue");
      getTheFirstOfSeveral(m, q, 8, 20);
      int buffered = q.buffered();
      assertEquals(range(1, 1 + buffered), q.getBatch(Integer.class, 100, T));
      assertEquals(range(1 + buffered, 20), q.getBatch(Integer.class, 100, T));
    }
  }

  @Test
  void prefetchOneAndSynchronousWritesBehaveLikePython() {
    try (QueueManager m = manager().start();
        QueueClient c = QueueClient.builder().address("127.0.0.1", m.port()).authkey(KEY)
            .prefetch(1).maxUnconfirmed(0).connect();
        QueueClient other = client(m)) {
      RemoteQueue q = c.queue("task_queue");
      for (int i = 0; i < 5; i++) {
        q.put(i);
        assertEquals(i + 1, other.queue("task_queue").size(), "stored when put returns");
      }
      assertEquals(0, q.get(T));
      assertEquals(0, q.buffered());
      assertEquals(0, m.heldCount("task_queue"), "a get removes its item, nothing is held");
      assertEquals(4, m.queue("task_queue").size());
      Task<Object> t = q.take(T);
      assertEquals(1, t.value());
      assertEquals(1, m.heldCount("task_queue"), "a take holds one item, no more");
      t.ack();
      assertEquals(0, m.heldCount("task_queue"), "acknowledged when ack returns");
    }
  }
}
