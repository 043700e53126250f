package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class NoLeakTest {
  private static List<String> queueThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive() && t.getName().startsWith("pyport-queue")) {
        names.add(t.getName());
      }
    }
    return names;
  }

  @Test
  void closingTheManagerEndsEveryThreadConnectionAndWaiter() throws Exception {
    TestSupport.eventually("no threads from earlier tests", () -> queueThreads().isEmpty());
    QueueManager m = manager().start();
    int port = m.port();
    List<QueueClient> clients = new ArrayList<>();
    List<CompletableFuture<Object>> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      QueueClient c = client(m);
      clients.add(c);
      waiting.add(CompletableFuture.supplyAsync(() -> c.queue("task_queue").get()));
    }
    CompletableFuture<Object> local = CompletableFuture.supplyAsync(() -> m.queue("result_queue").get());
    // the manager's own queue view is a connection too, as in Python
    TestSupport.eventually("all connected", () -> m.connectionCount() == 4);
    assertTrue(!queueThreads().isEmpty());
    m.close();
    for (CompletableFuture<Object> w : waiting) {
      ExecutionException e = assertThrows(ExecutionException.class, w::get);
      assertTrue(e.getCause() instanceof ConnectionLostException, e.getCause().toString());
    }
    assertThrows(ExecutionException.class, local::get);
    assertEquals(List.of(), queueThreads().stream().filter(n -> n.startsWith("pyport-queue-manager")).toList());
    assertEquals(0, m.connectionCount());
    for (QueueClient c : clients) {
      c.close();
    }
    TestSupport.eventually("every queue thread ended: " + queueThreads(), () -> queueThreads().isEmpty());
    // the port is free again
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
    m.close(); // idempotent
  }

  @Test
  void aClosedClientFailsClearly() {
    try (QueueManager m = manager().start()) {
      QueueClient c = client(m);
      NamedQueue q = c.queue("task_queue");
      c.close();
      DistributedQueueException e = assertThrows(DistributedQueueException.class, () -> q.put(1));
      assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
  }

  @Test
  void nothingListensAfterAFailedStart() {
    try (QueueManager m = manager().start()) {
      // the same port twice: a clear error, and no thread left behind by the failed one
      var e = assertThrows(java.io.UncheckedIOException.class,
          () -> manager().port(m.port()).start());
      assertTrue(e.getMessage().contains("cannot listen on"), e.getMessage());
    }
  }

  @Test
  void connectingToNothingFailsClearly() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ConnectionLostException e = assertThrows(ConnectionLostException.class,
        () -> QueueClient.connect("127.0.0.1", port, TestSupport.KEY));
    assertTrue(e.getMessage().contains("is the manager running?"), e.getMessage());
  }
}
