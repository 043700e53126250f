package org.pyport.distributed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection to a {@link QueueManager}: Python's {@code QueueManager(address, authkey)} followed
 * by {@code m.connect()}. Every operation is one request and its reply, as with Python's proxies:
 * when {@code put} returns, the manager has stored the value; when {@code get} returns, it has
 * removed it. So a process may exit at any moment after a call, without {@code close()}, and lose
 * nothing it put.
 *
 * <p>Thread-safe: calls from several threads take turns on the one connection. A get that waits
 * does so in requests of at most 100 ms, so the others get their turn and an interrupt ends the
 * wait within that time. {@link #close()} gives back the tasks taken and not finished (so does the
 * end of the process).
 *
 * <pre>{@code
 * try (QueueClient m = QueueClient.connect("127.0.0.1", 5000, "abc".getBytes(UTF_8))) {
 *   NamedQueue task = m.queue("task_queue");
 *   int n = task.get(Integer.class, Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class QueueClient implements AutoCloseable {
  /** The longest wait of one request on the manager. */
  static final long SLICE_MILLIS = 100;
  /** Attempts when the manager drops a connection before it authenticated (a flood of others). */
  private static final int ATTEMPTS = 5;
  private static final int TIMEOUT_MILLIS = 10_000;

  interface Reply<T> { // FrameException: a malformed reply
    T read(Wire.In in) throws FrameException;
  }

  private final Builder settings;
  private final Socket socket;
  private final Wire.Input in;
  private final OutputStream out;
  private final ReentrantLock turn = new ReentrantLock(true);
  private final Map<String, NamedQueue> queues = new ConcurrentHashMap<>();
  private volatile String lost;
  private volatile boolean closed;

  private QueueClient(Builder b, Socket s) throws IOException {
    this.settings = b;
    this.socket = s;
    this.in = new Wire.Input(s.getInputStream());
    this.out = new BufferedOutputStream(s.getOutputStream(), 64 << 10);
  }

  /**
   * Connects and authenticates ({@link AuthenticationException} if either side cannot prove it knows
   * the key; {@link ConnectionLostException} if nothing answers, or the manager refused us).
   */
  public static QueueClient connect(String host, int port, byte[] authkey) {
    return builder().address(host, port).authkey(authkey).connect();
  }

  /** @return a builder, for a frame limit other than 16 MiB */
  public static Builder builder() {
    return new Builder();
  }

  /** The queue of that name; an {@link IllegalArgumentException} naming the registered ones if there is none. */
  public NamedQueue queue(String name) {
    return queues.computeIfAbsent(name, n -> NamedQueue.open(this, n));
  }

  /** Closes the connection; when it returns, the manager has given back the tasks taken and not finished. */
  @Override
  public void close() {
    turn.lock();
    try {
      if (!closed && lost == null) {
        socket.shutdownOutput();
        while (in.read() >= 0) {
          // the manager closes its side once it has requeued what we held
        }
      }
    } catch (IOException e) {
      // closing anyway
    } finally {
      closed = true;
      QueueManager.closeQuietly(socket);
      turn.unlock();
    }
  }

  @Override
  public String toString() {
    return "QueueClient[" + address() + (closed ? ", closed" : lost != null ? ", lost" : "") + "]";
  }

  String address() {
    return settings.host + ":" + settings.port;
  }

  int maxFrameBytes() {
    return settings.maxFrameBytes;
  }

  /**
   * Sends one request and reads its reply. A call cut short by anything (a lost connection, a
   * stopped thread) leaves the stream out of step, so it closes the connection.
   */
  <T> T call(Wire.Out request, Reply<T> reply) {
    if (request.size() > settings.maxFrameBytes) {
      throw new IllegalArgumentException("a message of " + request.size() + " bytes exceeds the frame limit of "
          + settings.maxFrameBytes + " bytes: put a path or a key in the queue, not the data itself");
    }
    try {
      turn.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistributedQueueException("interrupted while waiting for the connection to " + address());
    }
    boolean inStep = false;
    try {
      if (closed || lost != null) {
        throw closed ? new DistributedQueueException(this + " is closed") : new ConnectionLostException(lost, null);
      }
      request.frameTo(out);
      out.flush();
      // no deadline: a get waits at most a slice on the manager, and a manager that dies closes the socket
      byte[] payload = Wire.read(in, settings.maxFrameBytes, null);
      if (payload == null) throw new IOException("the manager closed the connection");
      inStep = true;
      try {
        return reply.read(new Wire.In(payload));
      } catch (FrameException e) {
        throw lose("malformed reply: " + e.getMessage(), e);
      }
    } catch (IOException e) {
      throw lose(e.getMessage(), e);
    } finally {
      if (!inStep && lost == null && !closed) lose("a call was cut short", null);
      turn.unlock();
    }
  }

  private ConnectionLostException lose(String why, Throwable cause) {
    lost = "connection to the queue manager at " + address() + " lost: " + why
        + " (tasks this client held go back to their queues)";
    QueueManager.closeQuietly(socket);
    return new ConnectionLostException(lost, cause);
  }

  /** Connects (again if the manager drops us while others flood it) and authenticates. */
  private static QueueClient open(Builder b) {
    for (int attempt = 1; ; attempt++) {
      Socket s = new Socket();
      // bounds connecting and the handshake; a timer thread of its own, gone with it, so that no
      // thread outlives a notebook's clients (a timed connect would slow every read after it)
      Timer alarm = new Timer("pyport-queue-client-alarm", true);
      boolean[] fired = {false};
      alarm.schedule(new TimerTask() {
        @Override
        public void run() {
          synchronized (fired) {
            fired[0] = true;
            QueueManager.closeQuietly(s);
          }
        }
      }, TIMEOUT_MILLIS);
      try {
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(b.host, b.port));
        QueueClient c = new QueueClient(b, s);
        c.authenticate(b.authkey, attempt);
        synchronized (fired) {
          alarm.cancel();
          if (!fired[0]) return c;
        }
        throw new IOException("no handshake within " + TIMEOUT_MILLIS + " ms");
      } catch (DroppedException e) {
        QueueManager.closeQuietly(s);
      } catch (IOException e) {
        QueueManager.closeQuietly(s);
        throw new ConnectionLostException("cannot connect to queue manager at " + b.host + ":" + b.port + ": "
            + (fired[0] ? "no answer within " + TIMEOUT_MILLIS + " ms" : e.getMessage()) + " (is the manager running?)", e);
      } catch (RuntimeException e) {
        QueueManager.closeQuietly(s);
        throw e;
      } finally {
        alarm.cancel();
      }
    }
  }

  private static final class DroppedException extends IOException { // another attempt may succeed
    private static final long serialVersionUID = 1L;
  }

  private void authenticate(byte[] key, int attempt) throws IOException {
    byte[] challenge = Wire.read(in, Handshake.MAX_HANDSHAKE_FRAME, null);
    if (challenge == null || challenge.length != Handshake.MAGIC.length + Handshake.NONCE_BYTES
        || !Handshake.startsWithMagic(challenge)) {
      throw new ConnectionLostException("the server at " + address() + " is not a pyport queue manager "
          + "(unexpected handshake)", null);
    }
    byte[] clientNonce = Handshake.nonce();
    byte[] answer = Handshake.concat(Handshake.MAGIC, Handshake.clientProof(key,
        Arrays.copyOfRange(challenge, Handshake.MAGIC.length, challenge.length)), clientNonce);
    Wire.write(out, answer, answer.length);
    out.flush();
    byte[] verdict = Wire.read(in, Handshake.MAX_HANDSHAKE_FRAME, null);
    if (verdict == null || verdict.length == 0) {
      throw new ConnectionLostException("the manager at " + address() + " closed the connection during the handshake", null);
    }
    String reason = new String(verdict, 1, verdict.length - 1, StandardCharsets.UTF_8);
    if (verdict[0] == Handshake.REJECTED) {
      throw new AuthenticationException("authkey rejected by manager at " + address());
    } else if (verdict[0] == Handshake.REFUSED && reason.startsWith("dropped") && attempt < ATTEMPTS) {
      throw new DroppedException();
    } else if (verdict[0] == Handshake.REFUSED) {
      throw new ConnectionLostException("the manager at " + address() + " refused the connection: " + reason
          + (reason.startsWith("dropped") ? " (" + ATTEMPTS + " attempts; is a process flooding it with connections?)" : ""), null);
    } else if (verdict[0] != Handshake.OK || !Handshake.matches(Handshake.managerProof(key, clientNonce),
        Arrays.copyOfRange(verdict, 1, verdict.length))) {
      throw new AuthenticationException("the manager at " + address() + " could not prove it knows the authkey: "
          + "is it an impostor?");
    }
  }

  /** Settings for {@link QueueClient}; 10 s to connect and authenticate (a call then waits for its reply, as in Python). */
  public static final class Builder implements Cloneable {
    private String host = "127.0.0.1";
    private int port = -1;
    private byte[] authkey;
    private int maxFrameBytes = Wire.DEFAULT_MAX_FRAME_BYTES;

    private Builder() {}

    /** @param host the manager's host @param port its port @return this */
    public Builder address(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      this.port = QueueManager.between(port, 1, 65535, "port");
      return this;
    }

    /** @param authkey the shared secret @return this */
    public Builder authkey(byte[] authkey) {
      this.authkey = Objects.requireNonNull(authkey, "authkey").clone();
      return this;
    }

    /** @param bytes the largest message this client sends or accepts @return this */
    public Builder maxFrameBytes(int bytes) {
      this.maxFrameBytes = QueueManager.between(bytes, 1024, Integer.MAX_VALUE, "maxFrameBytes");
      return this;
    }

    /** @return the connected client (exceptions: as {@link QueueClient#connect}) */
    public QueueClient connect() {
      if (port < 0 || authkey == null) {
        throw new IllegalStateException("set the manager's address and the authkey");
      }
      try {
        return open((Builder) clone());
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
