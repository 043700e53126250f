package org.pyport.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection to a {@link QueueManager}: Python's {@code QueueManager(address, authkey)} followed
 * by {@code m.connect()}. Thread-safe: several threads may use its queues at once; their requests
 * share the one connection, and a thread waiting for a reply reads the socket itself (no reader
 * thread, no thread switch per call). Closing it gives back every task taken and not
 * acknowledged.
 *
 * <pre>{@code
 * try (QueueClient m = QueueClient.connect("127.0.0.1", 5000, "abc".getBytes(UTF_8))) {
 *   RemoteQueue task = m.queue("task_queue");
 *   int n = (Integer) task.get(Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class QueueClient implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.pyport.distributed");
  /** Connect and handshake timeouts, and frames that stall halfway. */
  private static final Frames.Timer ALARMS = Frames.Timer.threadPerAlarm("pyport-queue-client-alarm");

  private final String host;
  private final int port;
  private final Socket socket;
  private final OutputStream out;
  private final Frames frames;
  private final ObjectMapper mapper;
  private final int maxFrameBytes;
  private final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
  private final Map<String, RemoteQueue> queues = new ConcurrentHashMap<>();
  private final AtomicInteger nextRequest = new AtomicInteger();
  /** Held by the one thread that reads replies from the socket (see {@link #await}). */
  private final ReentrantLock readLock = new ReentrantLock();
  /** Threads waiting for a reply while another thread reads: woken after each dispatch. */
  private final Object followers = new Object();
  private volatile boolean closed;
  private volatile Throwable failure;

  private QueueClient(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.mapper = b.mapper;
    this.maxFrameBytes = b.maxFrameBytes;
    Socket s = new Socket();
    int connectMillis = Math.toIntExact(b.connectTimeout.toMillis());
    try {
      s.setTcpNoDelay(true);
      connect(s, connectMillis);
      this.socket = s;
      this.out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      this.frames = new Frames(s, Math.toIntExact(b.frameTimeout.toMillis()), ALARMS);
      authenticate(b.authkey, connectMillis);
    } catch (IOException e) {
      closeQuietly(s);
      throw new ConnectionLostException("cannot connect to queue manager at " + host + ":" + port
          + ": " + e.getMessage() + " (is the manager running?)", e);
    } catch (RuntimeException e) {
      closeQuietly(s);
      throw e;
    }
  }

  /**
   * Connects and authenticates.
   *
   * @param host the manager's host, e.g. "127.0.0.1"
   * @param port the manager's port
   * @param authkey the shared secret
   * @return the connected client
   * @throws AuthenticationException if the manager rejects the key (or cannot prove it has it)
   * @throws ConnectionLostException if nothing answers there
   */
  public static QueueClient connect(String host, int port, byte[] authkey) {
    return builder().address(host, port).authkey(authkey).connect();
  }

  /** @return a builder for the less common settings (Jackson mapper, frame limit, timeouts) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A queue by name; checks with the manager that it exists.
   *
   * @param name a name the manager registered
   * @return the queue
   * @throws IllegalArgumentException if the manager has no such queue
   */
  public RemoteQueue queue(String name) {
    RemoteQueue q = queues.get(name);
    if (q == null) {
      q = new RemoteQueue(name, this, mapper);
      q.size(); // the manager answers with an error naming its queues if there is none
      queues.putIfAbsent(name, q);
      q = queues.get(name);
    }
    return q;
  }

  /** Closes the connection; the manager requeues tasks taken and not acknowledged. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeQuietly(socket); // a thread blocked reading gets an exception and fails what is pending
    failPending(new ConnectionLostException("client closed", null));
  }

  @Override
  public String toString() {
    return "QueueClient[" + host + ":" + port + (closed ? ", closed" : "") + "]";
  }

  String where() {
    return "at " + host + ":" + port;
  }

  /** Requests still waiting for a reply (tests). */
  int pendingCount() {
    return pending.size();
  }

  // --- requests ---

  int newRequestId() {
    int id;
    do {
      id = nextRequest.incrementAndGet();
    } while (id == 0); // 0 means "no reply wanted"
    return id;
  }

  /** Sends a request and returns the future of its reply payload. */
  CompletableFuture<byte[]> call(int requestId, Wire.Out message) {
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    pending.put(requestId, reply);
    try {
      send(message);
    } catch (RuntimeException e) {
      pending.remove(requestId);
      throw e;
    }
    return reply;
  }

  /** Sends a request that gets no reply. */
  void send(Wire.Out message) {
    if (message.payloadLength() > maxFrameBytes) {
      throw new IllegalArgumentException("message of " + message.payloadLength()
          + " bytes exceeds the frame limit of " + maxFrameBytes + " bytes: put a path or a key "
          + "in the queue, not the data itself");
    }
    checkOpen();
    try {
      synchronized (out) {
        out.write(message.frame(), 0, message.frameLength());
        out.flush();
      }
    } catch (IOException e) {
      lost(e);
      throw new ConnectionLostException("connection to queue manager " + where() + " lost: "
          + e.getMessage(), e);
    }
  }

  /**
   * Waits for a reply. There is no reader thread: a waiting caller reads the socket itself and
   * hands other callers' replies to their futures (leader/followers), so a single-threaded client
   * — the usual worker — gets its reply without a thread switch. On interrupt runs {@code
   * onInterrupt} (e.g. cancel on the manager).
   */
  byte[] await(CompletableFuture<byte[]> reply, Runnable onInterrupt) {
    try {
      while (!reply.isDone()) {
        if (readLock.tryLock()) {
          try {
            while (!reply.isDone()) {
              readOne();
            }
          } finally {
            readLock.unlock();
            synchronized (followers) {
              followers.notifyAll(); // one of them becomes the reader
            }
          }
        } else {
          synchronized (followers) {
            while (!reply.isDone() && readLock.isLocked()) {
              followers.wait(100); // bounded: a missed notify costs at most this
            }
          }
        }
      }
      return reply.get();
    } catch (InterruptedException e) {
      if (onInterrupt != null) {
        onInterrupt.run();
      }
      Thread.currentThread().interrupt();
      throw new DistributedQueueException("interrupted while waiting for the queue manager "
          + where(), e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new DistributedQueueException(c.toString(), c);
    }
  }

  /** Reads one reply and completes its future; a lost connection fails every pending request. */
  private void readOne() {
    byte[] payload;
    try {
      payload = frames.read(maxFrameBytes, 0);
      if (payload == null) {
        throw new IOException("the manager closed the connection");
      }
      if (payload.length < 5) {
        throw new FrameException("malformed reply of " + payload.length + " bytes");
      }
    } catch (IOException e) {
      lost(e);
      return;
    }
    int id = ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16)
        | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
    CompletableFuture<byte[]> reply = pending.remove(id);
    if (reply != null) {
      reply.complete(payload); // callbacks (releasing abandoned takes) only send, never wait
      synchronized (followers) {
        followers.notifyAll();
      }
    }
  }

  // --- connection ---

  /**
   * Connects without {@code connect(address, timeout)}: since JDK 21 a timed connect leaves the
   * socket non-blocking for good, and every later wait for a reply then costs three system calls
   * instead of one. An alarm closes the socket if the connection takes too long.
   */
  private void connect(Socket s, int timeoutMillis) throws IOException {
    java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
    Runnable cancel = ALARMS.schedule(timeoutMillis, () -> {
      late.set(true);
      closeQuietly(s);
    });
    try {
      s.connect(new InetSocketAddress(host, port));
    } catch (IOException e) {
      if (late.get()) {
        throw new SocketTimeoutException("no connection within " + timeoutMillis + " ms");
      }
      throw e;
    } finally {
      cancel.run();
    }
  }

  private void authenticate(byte[] key, int timeoutMillis) throws IOException {
    byte[] challenge;
    try {
      challenge = frames.read(Handshake.MAX_HANDSHAKE_FRAME, timeoutMillis);
    } catch (SocketTimeoutException e) {
      throw new ConnectionLostException("no handshake from " + where() + " within "
          + timeoutMillis + " ms: is it a pyport queue manager?", e);
    }
    if (challenge == null
        || challenge.length != Handshake.MAGIC.length + Handshake.NONCE_BYTES
        || !Handshake.startsWithMagic(challenge)) {
      throw new ConnectionLostException("the server " + where()
          + " is not a pyport queue manager (unexpected handshake)", null);
    }
    byte[] managerNonce = Arrays.copyOfRange(challenge, Handshake.MAGIC.length, challenge.length);
    byte[] clientNonce = Handshake.nonce();
    Handshake.send(out, Handshake.concat(Handshake.MAGIC,
        Handshake.clientProof(key, managerNonce), clientNonce));
    byte[] verdict = frames.read(Handshake.MAX_HANDSHAKE_FRAME, timeoutMillis);
    if (verdict == null || verdict.length == 0 || verdict[0] != Handshake.OK) {
      throw new AuthenticationException("authkey rejected by manager " + where());
    }
    byte[] proof = Arrays.copyOfRange(verdict, 1, verdict.length);
    if (!Handshake.matches(Handshake.managerProof(key, clientNonce), proof)) {
      throw new AuthenticationException("the manager " + where()
          + " could not prove it knows the authkey: not the manager you meant?");
    }
  }

  private void lost(Throwable why) {
    if (failure == null) {
      failure = why;
    }
    closeQuietly(socket);
    if (!closed) {
      LOG.log(Level.DEBUG, "queue client " + where() + ": connection lost: " + why);
    }
    failPending(new ConnectionLostException("connection to queue manager " + where()
        + " lost" + (why == null ? "" : ": " + why.getMessage()), why));
  }

  private void failPending(RuntimeException e) {
    for (Integer id : pending.keySet()) {
      CompletableFuture<byte[]> f = pending.remove(id);
      if (f != null) {
        f.completeExceptionally(e);
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new DistributedQueueException(this + " is closed");
    }
    if (failure != null || socket.isClosed()) {
      throw new ConnectionLostException("connection to queue manager " + where() + " lost"
          + (failure == null ? "" : ": " + failure.getMessage()), failure);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** Settings for {@link QueueClient}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private byte[] authkey;
    private ObjectMapper mapper = JsonQueue.DEFAULT_MAPPER;
    private int maxFrameBytes = Frames.DEFAULT_MAX_FRAME_BYTES;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration frameTimeout = Duration.ofSeconds(10);

    private Builder() {}

    /** @param host the manager's host @param port its port @return this */
    public Builder address(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      if (port <= 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 1..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** @param authkey the shared secret @return this */
    public Builder authkey(byte[] authkey) {
      this.authkey = Objects.requireNonNull(authkey, "authkey").clone();
      return this;
    }

    /** @param mapper Jackson mapper for this client's values (modules, naming...) @return this */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /** @param bytes largest frame sent or accepted @return this */
    public Builder maxFrameBytes(int bytes) {
      this.maxFrameBytes = Options.maxFrameBytes(bytes);
      return this;
    }

    /** @param timeout for connecting and authenticating @return this */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = Options.positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * Connects.
     *
     * @return the connected client
     * @throws AuthenticationException if the key is refused
     * @throws ConnectionLostException if the manager cannot be reached
     */
    public QueueClient connect() {
      if (port == 0) {
        throw new IllegalStateException("set the manager's address(host, port)");
      }
      if (authkey == null) {
        throw new IllegalStateException("set the authkey the manager was started with");
      }
      return new QueueClient(this);
    }
  }
}
