package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AtLeastOnceTest {
  private static final Duration T = Duration.ofSeconds(5);

  @Test
  void aTaskHeldByAClientThatDisconnectsGoesBackToTheQueue() throws Exception {
    try (QueueManager m = manager().start(); QueueClient b = client(m)) {
      m.queue("task_queue").put(1);
      m.queue("task_queue").put(2);
      long id;
      try (QueueClient a = client(m)) {
        Task<Object> t = a.queue("task_queue").take(T);
        assertEquals(1, t.value());
        id = t.id();
        assertEquals(1, b.queue("task_queue").size());
      } // a dies without acknowledging
      TestSupport.eventually("requeued", () -> m.queue("task_queue").size() == 2);
      Task<Object> again = b.queue("task_queue").take(T);
      assertEquals(1, again.value(), "requeued at the head, in order");
      assertEquals(id, again.id(), "it keeps its id");
      again.done(b.queue("result_queue"), "1 * 1 = 1");
      assertEquals("1 * 1 = 1", b.queue("result_queue").get(T));
    }
  }

  @Test
  void doneStoresTheResultOnceAndFinishingTwiceIsAnError() {
    try (QueueManager m = manager().start(); QueueClient c = client(m)) {
      NamedQueue tasks = c.queue("task_queue");
      NamedQueue results = c.queue("result_queue");
      tasks.put(3);
      Task<Integer> t = tasks.take(Integer.class, T);
      t.done(results, t.value() * t.value());
      assertThrows(IllegalStateException.class, () -> t.done(results, 9));
      assertThrows(IllegalStateException.class, t::ack);
      assertEquals(9, results.get(T));
      assertThrows(QueueEmptyException.class, () -> results.get(Duration.ZERO));
      c.close();
      assertEquals(0, m.queue("task_queue").size(), "an acknowledged task does not come back");
    }
  }

  @Test
  void aResultForATaskThisClientNoLongerHoldsIsDropped() {
    try (QueueManager m = manager().start(); QueueClient a = client(m); QueueClient b = client(m)) {
      a.queue("task_queue").put(5);
      Task<Object> t = a.queue("task_queue").take(T);
      // another connection cannot finish a task it does not hold
      ServedQueue served = m.served("task_queue");
      assertEquals(false, served.ack(new Object(), t.id()));
      t.release();
      Task<Object> t2 = b.queue("task_queue").take(T);
      assertEquals(t.id(), t2.id());
      t2.ack();
      assertEquals(0, m.heldCount("task_queue"));
    }
  }

  @Test
  void localTasksWorkTheSameWay() {
    try (QueueManager m = manager().start()) {
      m.queue("task_queue").put(4);
      Task<Integer> t = m.queue("task_queue").take(Integer.class, T);
      t.done(m.queue("result_queue"), "16");
      assertEquals("16", m.queue("result_queue").get(T));
      try (QueueClient c = client(m)) {
        assertThrows(IllegalArgumentException.class, () -> {
          c.queue("task_queue").put(1);
          c.queue("task_queue").take(T).done(m.queue("result_queue"), 1);
        });
      }
    }
  }
}
