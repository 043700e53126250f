package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each bad frame must close only its own connection, with a logged reason, while another client
 * keeps putting and getting through the whole test.
 */
class BadFrameTest {
  private QueueManager manager;
  private QueueClient busy;
  private Thread busyThread;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final AtomicReference<Throwable> busyFailure = new AtomicReference<>();
  private TestSupport.LogCapture log;

  @BeforeEach
  void start() throws InterruptedException {
    log = new TestSupport.LogCapture();
    manager = manager().maxFrameBytes(4096).frameTimeout(Duration.ofMillis(300)).start();
    busy = client(manager);
    NamedQueue q = busy.queue("result_queue");
    busyThread = new Thread(() -> {
      try {
        for (int i = 0; !stop.get(); i++) {
          q.put(i);
          assertEquals(i, q.get(Duration.ofSeconds(5)));
          roundTrips.incrementAndGet();
        }
      } catch (Throwable t) {
        busyFailure.set(t);
      }
    });
    busyThread.start();
    TestSupport.eventually("the busy client works", () -> roundTrips.get() > 10);
  }

  @AfterEach
  void stop() throws InterruptedException {
    int before = roundTrips.get();
    TestSupport.eventually("the busy client still works", () -> roundTrips.get() > before + 10 || busyFailure.get() != null);
    stop.set(true);
    busyThread.join();
    busy.close();
    manager.close();
    log.close();
    assertEquals(null, busyFailure.get(), "the other client was disturbed");
  }

  private Socket authenticated() throws IOException {
    return TestSupport.authenticated(manager.port());
  }

  /** The manager closed the connection: reading reaches end of stream (bounded by a timeout). */
  private static void assertClosedByManager(Socket s) throws IOException {
    s.setSoTimeout(20_000);
    var in = s.getInputStream();
    int b;
    do {
      b = in.read();
    } while (b >= 0);
  }

  @Test
  void truncatedFrame() throws Exception {
    try (Socket s = authenticated()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(100);
      out.write(new byte[10]);
      s.shutdownOutput();
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("truncated frame of 100 bytes: connection closed after 10 of 100 bytes"));
  }

  @Test
  void stalledFrame() throws Exception {
    try (Socket s = authenticated()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(100);
      out.write(new byte[10]);
      out.flush();
      assertClosedByManager(s); // after the 300 ms frame timeout
    }
    TestSupport.eventually("logged", () -> log.contains("only 10 of 100 bytes arrived within 300 ms"));
  }

  @Test
  void oversizedFrame() throws Exception {
    try (Socket s = authenticated()) {
      new DataOutputStream(s.getOutputStream()).writeInt(1 << 30);
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("frame of 1073741824 bytes exceeds the limit of 4096 bytes"));
  }

  @Test
  void garbageInsteadOfAHandshake() throws Exception {
    try (Socket s = new Socket("127.0.0.1", manager.port())) {
      byte[] junk = new byte[64];
      new Random(1).nextBytes(junk);
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeInt(junk.length);
      out.write(junk);
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("not a pyport queue client"));
  }

  @Test
  void httpRequestInsteadOfAHandshake() throws Exception {
    try (Socket s = new Socket("127.0.0.1", manager.port())) {
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("not a pyport queue client (a handshake frame of 1195725856 bytes"));
  }

  @Test
  void garbageAfterTheHandshake() throws Exception {
    try (Socket s = authenticated()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      byte[] junk = {99, 0, 0, 0, 1, 0, 0};
      out.writeInt(junk.length);
      out.write(junk);
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("malformed message: unknown operation 99"));
  }

  @Test
  void aMessageCutShortInsideTheFrame() throws Exception {
    try (Socket s = authenticated()) {
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      byte[] shortPut = {Wire.PUT, 0, 10, 't'}; // queue name says 10 bytes, has 1
      out.writeInt(shortPut.length);
      out.write(shortPut);
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("malformed message: string of 10 bytes runs past the end"));
  }

  @Test
  void aValueThatIsNotJson() throws Exception {
    try (Socket s = authenticated()) {
      new Wire.Out(Wire.PUT).str("task_queue").i64(-1).i32(1).blob("{\"a\":".getBytes())
          .frameTo(s.getOutputStream());
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("value is not one well-formed JSON value"));
    assertEquals(0, manager.queue("task_queue").size());
  }

  @Test
  void aCountThatDoesNotFitTheFrame() throws Exception {
    try (Socket s = authenticated()) {
      new Wire.Out(Wire.PUT).str("task_queue").i64(-1).i32(1_000_000).frameTo(s.getOutputStream());
      assertClosedByManager(s);
    }
    TestSupport.eventually("logged", () -> log.contains("count 1000000 does not fit in the frame"));
  }

  @Test
  void anOversizedValueFromARealClient() {
    try (QueueClient big = QueueClient.builder().address("127.0.0.1", manager.port())
        .authkey(TestSupport.KEY).connect()) {
      // the client allows 16 MiB, this manager 4 KiB: the manager drops the connection, and
      // the put, which waits for its reply, says so
      NamedQueue q = big.queue("task_queue");
      ConnectionLostException e = assertThrows(ConnectionLostException.class, () -> q.put("x".repeat(10_000)));
      assertTrue(e.getMessage().contains("lost: the manager closed the connection"), e.getMessage());
      assertEquals(0, manager.queue("task_queue").size());
    }
  }

  @Test
  void theClientRefusesToSendAnOversizedValueAndStaysUsable() {
    try (QueueClient small = QueueClient.builder().address("127.0.0.1", manager.port())
        .authkey(TestSupport.KEY).maxFrameBytes(2048).connect()) {
      NamedQueue q = small.queue("task_queue");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> q.put("x".repeat(10_000)));
      assertTrue(e.getMessage().contains("exceeds the frame limit of 2048 bytes"), e.getMessage());
      q.put("small");
      assertEquals("small", q.get(Duration.ofSeconds(5)));
    }
  }
}
