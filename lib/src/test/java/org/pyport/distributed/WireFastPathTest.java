package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.KEY;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free shortcuts on the hot path (plain JSON scalars, ASCII names, buffered frame
 * reading with alarms instead of socket timeouts) must decide exactly as the general code does.
 */
class WireFastPathTest {
  private static final List<String> SAMPLES = List.of(
      "0", "7", "-7", "-0", "01", "-", "1.", "1.5", ".5", "1e5", "1E+5", "1e-5", "1e", "1e+",
      "123456789012345678901234567890", "--1", "+1", "1 ", " 1", "0x10", "NaN", "1.5.2",
      "\"\"", "\"abc\"", "\"a b\"", "\"a\\\"b\"", "\"a\\nb\"", "\"a\tb\"", "\"abc", "abc\"",
      "\"a\"\"b\"", "\"\u00e9\"", "\"\u007f\"", "\"", "", "true", "null", "[1,2]", "{\"a\":1}",
      "{\"a\":", "[1,]", "1 2");

  @Test
  void theJsonShortcutsNeverAcceptWhatJacksonRefuses() {
    for (String s : SAMPLES) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      boolean jackson = JsonCheck.jacksonSaysOneValue(b);
      if (JsonCheck.isPlainNumber(b) || JsonCheck.isPlainString(b)) {
        assertTrue(jackson, "shortcut accepted what Jackson refuses: " + s);
      }
      assertEquals(jackson, JsonCheck.isOneValue(b), "verdict on " + s);
    }
    assertTrue(JsonCheck.isPlainNumber("-12.5e+3".getBytes(StandardCharsets.UTF_8)));
    assertTrue(JsonCheck.isPlainString("\"task 42\"".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void scalarsWithoutJacksonAreWhatADefaultMapperWritesAndReads() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Object> values = List.of(0, 7, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40,
        -(1L << 40), 999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE, (short) -3,
        (byte) 5, "", "abc", "task 42", "a\"b", "back\\slash", "tab\t", "é", "队列", "~",
        "\u007f", "x".repeat(5000), 1.5, true);
    for (Object v : values) {
      byte[] expected = jackson.writeValueAsBytes(v);
      byte[] plain = JsonScalars.write(v);
      if (plain != null) {
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(plain, StandardCharsets.UTF_8),
            "written " + v);
      }
      for (Class<?> type : List.of(Object.class, Long.class, Integer.class, Number.class, String.class)) {
        Object read = JsonScalars.read(expected, type);
        if (read == JsonScalars.DECLINED) {
          continue;
        }
        Object byJackson = jackson.readValue(expected, type);
        assertEquals(byJackson, read, "read " + v + " as " + type.getSimpleName());
        assertEquals(byJackson.getClass(), read.getClass(), "type of " + v + " as " + type.getSimpleName());
      }
    }
    for (String json : List.of("01", "-", "1.0", "1e3", "--1", "+1", " 1", "\"a\\nb\"", "\"a")) {
      assertEquals(JsonScalars.DECLINED, JsonScalars.read(json.getBytes(StandardCharsets.UTF_8), Object.class), json);
    }
  }

  @Test
  void aUserMapperIsAlwaysAsked() {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);
    try (QueueManager m = TestSupport.manager().start();
        QueueClient c = QueueClient.builder().address("127.0.0.1", m.port()).authkey(KEY)
            .objectMapper(mapper).connect()) {
      c.queue("task_queue").put(7);
      assertEquals(7L, c.queue("task_queue").get(Duration.ofSeconds(5))); // Long, as configured
      c.queue("task_queue").put(7);
      assertEquals(7, m.queue("task_queue").get(Duration.ofSeconds(5))); // the manager's default
    }
  }

  @Test
  void namesAreDecodedAsUtf8AndBadUtf8IsMalformed() throws FrameException {
    Wire.Out out = new Wire.Out(64).str("queue").str("队列 é");
    byte[] payload = java.util.Arrays.copyOfRange(out.frame(), 4, out.frameLength());
    Wire.In in = new Wire.In(payload);
    assertEquals("queue", in.str());
    assertEquals("队列 é", in.str());
    in.end();
    Wire.In bad = new Wire.In(new byte[] {0, 2, (byte) 0xc3, (byte) 0x28});
    FrameException e = assertThrows(FrameException.class, bad::str);
    assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
  }

  @Test
  void aQueueWithANonAsciiNameWorksOverTheNetwork() {
    try (QueueManager m = QueueManager.builder().authkey(KEY).register("任务队列").start();
        QueueClient c = TestSupport.client(m)) {
      c.queue("任务队列").put(List.of(1, 2));
      assertEquals(List.of(1, 2), c.queue("任务队列").get(Duration.ofSeconds(5)));
    }
  }

  @Test
  void framesBiggerThanTheReadBufferArriveWhole() {
    try (QueueManager m = TestSupport.manager().start(); QueueClient c = TestSupport.client(m)) {
      String big = "x".repeat(1_000_000); // split over many reads on both sides
      c.queue("task_queue").putAll(List.of(big, "after", big));
      assertEquals(List.of(big, "after", big),
          c.queue("task_queue").getBatch(Object.class, 3, Duration.ofSeconds(5)));
    }
  }

  @Test
  void aClientGivesUpOnAServerThatNeverAnswersTheHandshake() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try (Socket s = silent.accept()) {
          s.getInputStream().read(); // says nothing, waits for the client to give up
        } catch (IOException ignored) {
          // the client closed
        }
      });
      acceptor.start();
      ConnectionLostException e = assertThrows(ConnectionLostException.class, () ->
          QueueClient.builder().address("127.0.0.1", silent.getLocalPort()).authkey(KEY)
              .connectTimeout(Duration.ofMillis(200)).connect());
      assertTrue(e.getMessage().contains("no handshake"), e.getMessage());
      acceptor.join(20_000);
    }
  }

  @Test
  void aManagerDropsAClientThatNeverAnswersItsChallenge() throws Exception {
    try (TestSupport.LogCapture log = new TestSupport.LogCapture();
        QueueManager m = TestSupport.manager().handshakeTimeout(Duration.ofMillis(200)).start();
        Socket s = new Socket("127.0.0.1", m.port())) {
      s.setSoTimeout(20_000);
      var in = s.getInputStream();
      while (in.read() >= 0) {
        // the challenge, then end of stream once the manager gives up
      }
      TestSupport.eventually("logged", () -> log.contains("no handshake within 200 ms"));
      TestSupport.eventually("connection dropped", () -> m.connectionCount() == 0);
    }
  }
}
