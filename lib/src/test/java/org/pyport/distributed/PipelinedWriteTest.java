package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.KEY;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pyport.child.JvmCommand;

/** Puts, dones and acks sent without waiting for their replies: nothing may get lost or stuck. */
class PipelinedWriteTest {
  private static final Duration T = Duration.ofSeconds(10);

  private static QueueClient.Builder builder(int port) {
    return QueueClient.builder().address("127.0.0.1", port).authkey(KEY);
  }

  @Test
  void putsThenCloseReachTheManagerInOrder() {
    int n = 20_000;
    try (QueueManager m = manager().start()) {
      try (QueueClient a = client(m)) {
        for (int i = 0; i < n; i++) {
          a.queue("task_queue").put(i);
        }
      } // close waits for every confirmation: nothing is in flight any more
      assertEquals(n, m.queue("task_queue").size());
      try (QueueClient b = client(m)) {
        for (int i = 0; i < n; i++) {
          assertEquals(i, b.queue("task_queue").get(T));
        }
      }
    }
  }

  @Test
  void aJvmThatPutsAndClosesLosesNothing() throws Exception {
    try (QueueManager m = manager().start()) {
      Process p = JvmCommand.of(Putter.class).args(String.valueOf(m.port()), "5000")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      assertEquals(5000, m.queue("task_queue").size(), "every put is there once the child has exited");
      for (int i = 0; i < 5000; i++) {
        assertEquals(i, m.queue("task_queue").get(T));
      }
    }
  }

  /** Child JVM: puts 0..n-1 with the default (pipelined) client, closes, exits. */
  static final class Putter {
    public static void main(String[] args) {
      try (QueueClient c = QueueClient.connect("127.0.0.1", Integer.parseInt(args[0]), KEY)) {
        for (int i = 0; i < Integer.parseInt(args[1]); i++) {
          c.queue("task_queue").put(i);
        }
      }
    }
  }

  @Test
  void flushMakesPutsVisibleToOtherClients() {
    try (QueueManager m = manager().start(); QueueClient a = client(m); QueueClient b = client(m)) {
      for (int i = 0; i < 100; i++) {
        a.queue("task_queue").put(i);
      }
      a.flush();
      assertEquals(0, a.unconfirmedCount());
      assertEquals(100, b.queue("task_queue").size());
    }
  }

  @Test
  void aLostConnectionNamesEveryUnconfirmedPutInOrder() throws Exception {
    // the fake manager reads five puts, answers none of them, and hangs up
    try (FakeManager fake = new FakeManager(5, request -> null);
        QueueClient c = builder(fake.port()).connect()) {
      RemoteQueue q = c.queue("task_queue");
      List<Object> sent = List.of(1, "two", List.of(3), 4.5, "five");
      for (Object v : sent) {
        q.put(v); // returns at once: pipelined
      }
      fake.awaitClosed();
      ConnectionLostException e = assertThrows(ConnectionLostException.class, c::flush);
      List<Object> unconfirmed = new ArrayList<>();
      for (ConnectionLostException.Unconfirmed u : e.unconfirmed()) {
        assertEquals("put", u.operation());
        assertEquals("task_queue", u.queue());
        unconfirmed.addAll(u.values());
      }
      assertEquals(sent, unconfirmed);
      assertTrue(e.getMessage().contains("5 value(s) put") && e.getMessage().contains("two"),
          e.getMessage());
      // reported once; later calls and close() say the connection is gone, without the list
      ConnectionLostException later = assertThrows(ConnectionLostException.class, () -> q.put(6));
      assertEquals(List.of(), later.unconfirmed());
    }
  }

  @Test
  void closeThrowsWhatItCouldNotConfirm() throws Exception {
    try (FakeManager fake = new FakeManager(2, request -> null)) {
      QueueClient c = builder(fake.port()).connect();
      c.queue("task_queue").put("a");
      c.queue("task_queue").put("b");
      fake.awaitClosed();
      ConnectionLostException e = assertThrows(ConnectionLostException.class, c::close);
      assertEquals(2, e.unconfirmed().size());
      c.close(); // idempotent, quiet
    }
  }

  @Test
  void aFailedPipelinedRequestIsThrownByTheNextCallOnce() throws Exception {
    // the first put is refused with an error, the second one confirmed
    int[] seen = {0};
    try (FakeManager fake = new FakeManager(2, request -> seen[0]++ == 0
            ? new Wire.Out(64).u8(Wire.ERROR).i32(new Wire.In(request).skipOpAndReadInt()).str("disk on fire")
            : FakeManager.ok(request, 1));
        QueueClient c = builder(fake.port()).connect()) {
      RemoteQueue q = c.queue("task_queue");
      q.put(1); // returns: the refusal comes later
      DistributedQueueException e = assertThrows(DistributedQueueException.class, c::flush);
      assertTrue(e.getMessage().contains("an earlier pipelined request failed")
          && e.getMessage().contains("disk on fire"), e.getMessage());
      q.put(2); // reported once: the client goes on
      c.flush();
    }
  }

  @Test
  void aTinyWindowAndNobodyReadingDoNotDeadlock() {
    for (int window : new int[] {2, PipelineWindow.MAX_CAPACITY}) {
      assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
        try (QueueManager m = manager().start();
            QueueClient c = builder(m.port()).maxUnconfirmed(window).connect()) {
          RemoteQueue q = c.queue("task_queue");
          String payload = "x".repeat(200);
          for (int i = 0; i < 100_000; i++) {
            q.put(payload);
            assertTrue(c.unconfirmedCount() <= window);
          }
          c.flush();
          assertEquals(100_000, q.size());
        }
      }, "window " + window);
    }
  }

  @Test
  void putsIntoABoundedQueueWaitForTheirReply() throws Exception {
    try (QueueManager m = QueueManager.builder().authkey(KEY).register("task_queue", 2).start();
        QueueClient c = client(m)) {
      RemoteQueue q = c.queue("task_queue");
      q.put(1);
      assertEquals(0, c.unconfirmedCount(), "not pipelined: the queue may be full");
      q.put(2);
      assertThrows(QueueFullException.class, () -> q.put(3, Duration.ofMillis(50)));
      var blocked = java.util.concurrent.CompletableFuture.runAsync(() -> q.put(3));
      TestSupport.eventually("the put waits on the manager", () -> c.pendingCount() == 1);
      assertEquals(1, m.queue("task_queue").get(T));
      blocked.get();
      assertEquals(List.of(2, 3), List.of(m.queue("task_queue").get(T), m.queue("task_queue").get(T)));
    }
  }

  @Test
  void synchronousWritesWaitForEveryReply() throws Exception {
    try (FakeManager fake = new FakeManager(1, request -> null);
        QueueClient c = builder(fake.port()).maxUnconfirmed(0).connect()) {
      RemoteQueue q = c.queue("task_queue");
      // no reply, then the connection drops: a synchronous put fails itself
      assertThrows(ConnectionLostException.class, () -> q.put("lost?"));
    }
    try (QueueManager m = manager().start();
        QueueClient sync = builder(m.port()).maxUnconfirmed(0).prefetch(1).connect();
        QueueClient other = client(m)) {
      sync.queue("task_queue").put(7);
      assertEquals(1, other.queue("task_queue").size(), "stored when put returns, no flush needed");
      Task<Object> t = sync.queue("task_queue").take(T);
      t.done(sync.queue("result_queue"), 49);
      assertEquals(1, other.queue("result_queue").size());
    }
  }

  @Test
  void pipelinedDonesAndAcksAreConfirmedBeforeClose() {
    try (QueueManager m = manager().start()) {
      m.queue("task_queue").putAll(IntStream.range(0, 500).boxed().toList());
      try (QueueClient w = client(m)) {
        RemoteQueue tasks = w.queue("task_queue");
        for (int i = 0; i < 500; i++) {
          Task<Integer> t = tasks.take(Integer.class, T);
          if (t.value() % 2 == 0) {
            t.done(w.queue("result_queue"), t.value() * t.value());
          } else {
            t.ack();
          }
        }
      }
      assertEquals(0, m.heldCount("task_queue"));
      assertEquals(0, m.queue("task_queue").size());
      List<Object> results = m.queue("result_queue").getBatch(Object.class, 1000, T);
      assertEquals(IntStream.range(0, 500).filter(i -> i % 2 == 0).map(i -> i * i).boxed().toList(), results);
    }
  }
}
