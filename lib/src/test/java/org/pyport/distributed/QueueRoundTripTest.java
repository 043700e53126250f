package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class QueueRoundTripTest {
  record Job(String name, int n, List<String> tags) {}

  @Test
  void valuesComeBackAsJackonReadsThem() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("task_queue");
      q.put(42);
      q.put("héllo 你好");
      q.put(List.of(1, 2.5, "x"));
      q.put(Map.of("k", List.of(true, false)));
      q.put(null);
      q.put(new Job("square", 7, List.of("a", "b")));
      Duration t = Duration.ofSeconds(5);
      assertEquals(42, q.get(t));
      assertEquals("héllo 你好", q.get(t));
      assertEquals(List.of(1, 2.5, "x"), q.get(t));
      assertEquals(Map.of("k", List.of(true, false)), q.get(t));
      assertEquals(null, q.get(t));
      assertEquals(new Job("square", 7, List.of("a", "b")), q.get(Job.class, t));
      assertEquals(0, q.size());
    }
  }

  @Test
  void managerAndClientsShareTheSameQueues() {
    try (QueueManager m = manager().start(); QueueClient a = client(m); QueueClient b = client(m)) {
      m.queue("task_queue").put(1);
      a.queue("task_queue").put(2);
      assertEquals(2, b.queue("task_queue").size());
      assertEquals(1, b.queue("task_queue").get(Duration.ofSeconds(5)));
      assertEquals(2, m.queue("task_queue").get(Duration.ofSeconds(5)));
      b.queue("result_queue").put("r");
      assertEquals("r", m.queue("result_queue").get(Duration.ofSeconds(5)));
    }
  }

  @Test
  void getWaitsForAPutFromAnotherClient() throws Exception {
    try (QueueManager m = manager().start(); QueueClient a = client(m); QueueClient b = client(m)) {
      CompletableFuture<Object> got = CompletableFuture.supplyAsync(() -> a.queue("task_queue").get());
      // the get is parked on the manager, not polling: the put completes it
      TestSupport.eventually("get is waiting", () -> !got.isDone());
      b.queue("task_queue").put("late");
      assertEquals("late", got.get());
    }
  }

  @Test
  void putAllKeepsOrder() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("task_queue");
      List<Integer> values = java.util.stream.IntStream.range(0, 1000).boxed().toList();
      q.putAll(values);
      for (int i = 0; i < values.size(); i++) {
        assertEquals(i, q.get(Duration.ofSeconds(5)));
      }
    }
  }

  @Test
  void threadsSharingOneClientAllGetTheirReplies() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    // eight gets wait on one connection; they take turns with the puts, none is starved
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("task_queue");
      List<CompletableFuture<Integer>> getters = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        getters.add(CompletableFuture.supplyAsync(() -> q.get(Integer.class, Duration.ofSeconds(30)),
            pool));
      }
      for (int i = 0; i < 8; i++) {
        q.put(i); // this thread's reply may be read by a waiting getter, and the other way round
      }
      java.util.Set<Integer> got = new java.util.HashSet<>();
      for (CompletableFuture<Integer> g : getters) {
        got.add(g.get());
      }
      assertEquals(java.util.Set.of(0, 1, 2, 3, 4, 5, 6, 7), got);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unknownQueueNamesTheRegisteredOnes() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.queue("get_task_queue"));
      assertTrue(e.getMessage().contains("no queue named 'get_task_queue'"), e.getMessage());
      assertTrue(e.getMessage().contains("[task_queue, result_queue]"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> m.queue("nope"));
    }
  }

  @Test
  void aValueJacksonCannotWriteIsRefusedAndTheClientStaysUsable() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      NamedQueue q = c.queue("task_queue");
      assertThrows(IllegalArgumentException.class, () -> q.put(new Object()));
      q.put(1);
      assertEquals(1, q.get(Duration.ofSeconds(5)));
    }
  }

  @Test
  void bindsLoopbackByDefault() {
    try (QueueManager m = manager().start()) {
      assertTrue(m.address().getAddress().isLoopbackAddress(), m.address().toString());
      assertFalse(m.port() == 0);
    }
  }
}
