package org.pyport.distributed;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Shared test helpers: a manager factory, log capture, bounded waiting for a condition. */
final class TestSupport {
  static final byte[] KEY = "abc".getBytes(StandardCharsets.UTF_8);

  private TestSupport() {}

  static QueueManager.Builder manager() {
    return QueueManager.builder().authkey(KEY).register("task_queue").register("result_queue");
  }

  static QueueClient client(QueueManager m) {
    return QueueClient.connect("127.0.0.1", m.port(), KEY);
  }

  /** A raw connection that has passed the handshake honestly. */
  static java.net.Socket authenticated(int port) throws java.io.IOException {
    java.net.Socket s = new java.net.Socket("127.0.0.1", port);
    java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
    java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
    byte[] challenge = new byte[in.readInt()];
    in.readFully(challenge);
    byte[] nonce = java.util.Arrays.copyOfRange(challenge, Handshake.MAGIC.length, challenge.length);
    byte[] answer = Handshake.concat(Handshake.MAGIC, Handshake.clientProof(KEY, nonce), Handshake.nonce());
    out.writeInt(answer.length);
    out.write(answer);
    byte[] verdict = new byte[in.readInt()];
    in.readFully(verdict);
    if (verdict[0] != Handshake.OK) {
      throw new AssertionError("the handshake failed: " + verdict[0]);
    }
    return s;
  }

  /** Polls until {@code condition} holds; fails after a generous bound (not a timing assertion). */
  static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never happened: " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Captures what the package logs through System.Logger (JUL is its default backend). */
  static final class LogCapture implements AutoCloseable {
    final List<String> messages = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("org.pyport.distributed");
    private final Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        Object[] p = r.getParameters();
        messages.add(p == null ? r.getMessage() : MessageFormat.format(r.getMessage(), p));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };

    LogCapture() {
      logger.addHandler(handler);
    }

    boolean contains(String part) {
      return messages.stream().anyMatch(m -> m.contains(part));
    }

    @Override
    public void close() {
      logger.removeHandler(handler);
    }
  }
}
