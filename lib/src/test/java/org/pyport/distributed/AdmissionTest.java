package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A local process without the key cannot keep clients out: connections that have not
 * authenticated have limits of their own, a short deadline, and give way to newer ones.
 */
class AdmissionTest {
  /** Keeps {@code sockets} idle connections open to a port, reopening each as it is closed. */
  private static final class Flood implements AutoCloseable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger opened = new AtomicInteger();
    final List<Thread> threads = new ArrayList<>();

    Flood(int port, int sockets) {
      for (int i = 0; i < sockets; i++) {
        Thread t = new Thread(() -> {
          while (!stop.get()) {
            try (Socket s = new Socket("127.0.0.1", port)) {
              opened.incrementAndGet();
              s.setSoTimeout(200);
              while (!stop.get() && readOrTimeout(s)) {
                // idle: never answer the challenge
              }
            } catch (IOException e) {
              // refused or reset: open another one
            }
          }
        }, "flood-" + i);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
    }

    private static boolean readOrTimeout(Socket s) throws IOException {
      try {
        return s.getInputStream().read() >= 0;
      } catch (java.net.SocketTimeoutException e) {
        return true;
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) {
        t.join(10_000);
      }
    }
  }

  /** Connects, puts one value, closes: what a legitimate client does. */
  private static int legitimateClients(QueueManager m, int count) {
    int ok = 0;
    for (int i = 0; i < count; i++) {
      try (QueueClient c = TestSupport.client(m)) {
        c.queue("task_queue").put(i);
        ok++;
      }
    }
    return ok;
  }

  @Test
  void sixtyFourIdleConnectionsReopenedAsTheyCloseKeepNoClientOut() throws Exception {
    try (QueueManager m = TestSupport.manager().handshakeTimeout(Duration.ofMillis(500)).start();
        Flood flood = new Flood(m.port(), 64)) {
      TestSupport.eventually("the flood is on", () -> flood.opened.get() >= 64);
      assertEquals(200, legitimateClients(m, 200));
      assertEquals(200, m.queue("task_queue").size());
    }
  }

  @Test
  void aFloodOverTheLimitStillLetsEveryClientIn() throws Exception {
    try (QueueManager m = TestSupport.manager().maxPending(32).start();
        Flood flood = new Flood(m.port(), 64)) {
      TestSupport.eventually("the flood is over the limit", () -> flood.opened.get() >= 64);
      assertEquals(20, legitimateClients(m, 20));
    }
  }

  @Test
  void theOldestConnectionWaitingToAuthenticateIsToldWhyItIsDropped() throws Exception {
    try (QueueManager m = TestSupport.manager().maxPending(2).start();
        Socket first = new Socket("127.0.0.1", m.port());
        Socket second = new Socket("127.0.0.1", m.port());
        Socket third = new Socket("127.0.0.1", m.port())) {
      DataInputStream in = new DataInputStream(first.getInputStream());
      first.setSoTimeout(20_000);
      in.readFully(new byte[in.readInt()]); // the challenge
      byte[] verdict = new byte[in.readInt()];
      in.readFully(verdict);
      assertEquals(Handshake.REFUSED, verdict[0]);
      assertEquals("dropped before it authenticated: 2 connections were waiting to authenticate "
          + "(the limit): the oldest made room for a newer one",
          new String(verdict, 1, verdict.length - 1, StandardCharsets.UTF_8));
      assertEquals(-1, in.read(), "then closed");
    }
  }

  @Test
  void aConnectionThatDoesNotAuthenticateInTimeIsDroppedWithTheReason() throws Exception {
    try (QueueManager m = TestSupport.manager().handshakeTimeout(Duration.ofMillis(300)).start();
        Socket idle = new Socket("127.0.0.1", m.port())) {
      idle.setSoTimeout(20_000);
      DataInputStream in = new DataInputStream(idle.getInputStream());
      in.readFully(new byte[in.readInt()]);
      byte[] verdict = new byte[in.readInt()];
      in.readFully(verdict);
      assertEquals("dropped before it authenticated: no handshake within 300 ms",
          new String(verdict, 1, verdict.length - 1, StandardCharsets.UTF_8));
    }
  }

  @Test
  void authenticatedConnectionsHaveTheirOwnLimitWithAClearMessage() throws Exception {
    try (QueueManager m = TestSupport.manager().maxConnections(2).maxPending(4).start();
        Flood flood = new Flood(m.port(), 3);
        QueueClient a = TestSupport.client(m);
        QueueClient b = TestSupport.client(m)) {
      ConnectionLostException e = assertThrows(ConnectionLostException.class, () -> TestSupport.client(m));
      assertEquals("the manager at 127.0.0.1:" + m.port() + " refused the connection: the manager "
          + "already serves its limit of 2 connections (QueueManager.Builder.maxConnections)", e.getMessage());
      a.queue("task_queue").put("a");
      b.queue("task_queue").put("b");
      assertEquals(2, b.queue("task_queue").size());
    }
  }
}
