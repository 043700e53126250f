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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection to a {@link QueueManager}: Python's {@code QueueManager(address, authkey)} followed
 * by {@code m.connect()}. Thread-safe: several threads may use its queues at once; their requests
 * share the one connection, and a thread waiting for a reply reads the socket itself (no reader
 * thread, no thread switch per call). Closing it gives back every task taken and not
 * acknowledged.
 *
 * <p>By default the client works like a message broker's client library, not like Python's
 * proxies (which make one synchronous call per operation):
 *
 * <ul>
 *   <li><b>pipelined writes</b>: a {@code put} into an unbounded queue, {@link Task#done} and
 *       {@link Task#ack} send their request and return without waiting for the reply; the
 *       replies are read later, and a failure is thrown by the next call (or by {@link #flush()},
 *       {@link #close()}). A put returning therefore means "sent", not yet "stored": call {@link
 *       #flush()} before telling another process that the values are there. Puts into a bounded
 *       queue wait for their reply, since they may block or fail when the queue is full.
 *   <li><b>prefetch</b>: {@code get} and {@code take} fetch up to {@link Builder#prefetch} items
 *       with one request and hand them out one per call. The manager keeps them as held by this
 *       client until each is consumed, so closing the client (or losing it) gives the unconsumed
 *       ones back, in order. A {@code get} acknowledges its item without a reply, batched with
 *       the client's next request (or at {@link #flush()}, {@link #close()}): a process that dies
 *       right after a get may see that item delivered again to another client.
 * </ul>
 *
 * {@code builder().prefetch(1).maxUnconfirmed(0)} gives Python's behaviour: one request and one
 * reply per operation.
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
  private final ReplyReader replies;
  private final ObjectMapper mapper;
  private final int maxFrameBytes;
  private final int frameTimeoutMillis;
  private final int prefetch;
  /** Pipelined requests not confirmed yet; {@code null}: every request waits for its reply. */
  private final PipelineWindow window;
  /** A lost connection with unconfirmed requests, not yet thrown to the caller. */
  private volatile ConnectionLostException lossToReport;
  private final Map<String, RemoteQueue> queues = new ConcurrentHashMap<>();
  private final AtomicInteger nextRequest = new AtomicInteger();
  private volatile boolean closed;
  private volatile Throwable failure;

  private QueueClient(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.mapper = b.mapper;
    this.maxFrameBytes = b.maxFrameBytes;
    this.frameTimeoutMillis = Math.toIntExact(b.frameTimeout.toMillis());
    this.prefetch = b.prefetch;
    this.window = b.maxUnconfirmed == 0 ? null : new PipelineWindow(b.maxUnconfirmed);
    Socket s = new Socket();
    int connectMillis = Math.toIntExact(b.connectTimeout.toMillis());
    try {
      s.setTcpNoDelay(true);
      connect(s, connectMillis);
      this.socket = s;
      this.out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
      this.frames = new Frames(s, frameTimeoutMillis, ALARMS);
      this.replies = new ReplyReader(frames, s, maxFrameBytes, window, this::lost,
          () -> failure == null ? null : lostNow());
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
      // the manager answers with an error naming its queues if there is none, else with the
      // queue's bound, which says whether puts may be pipelined
      q = RemoteQueue.open(name, this, mapper);
      queues.putIfAbsent(name, q);
      q = queues.get(name);
    }
    return q;
  }

  /**
   * Sends the acknowledgements of items consumed by {@code get} that wait for the next request,
   * then waits until the manager has confirmed every pipelined request (puts, dones, acks):
   * after it, the values put are in their queues, visible to every other client.
   *
   * @throws DistributedQueueException if a pipelined request failed (the message says which)
   * @throws ConnectionLostException if the connection dropped; {@link
   *     ConnectionLostException#unconfirmed()} lists the requests without a reply
   */
  public void flush() {
    sendUnsentAcks();
    if (window != null && !window.isEmpty()) {
      replies.waitUntil(window::isEmpty, null);
    }
    checkOpen(); // a failed reply read meanwhile
  }

  /**
   * Closes the connection. First waits (at most the frame timeout, 10 s) until every pipelined
   * request is confirmed, so that {@code put(x); close();} never loses {@code x}; then closes
   * gracefully: the manager reads everything sent before it sees the end, and gives back the
   * tasks and prefetched items this client held and had not acknowledged. Idempotent.
   *
   * @throws DistributedQueueException if a pipelined request failed (the connection is closed
   *     anyway)
   * @throws ConnectionLostException if the connection dropped with requests unconfirmed; see
   *     {@link ConnectionLostException#unconfirmed()}
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    // bounded: a manager that stopped answering cannot keep close() waiting
    Runnable alarm = ALARMS.schedule(frameTimeoutMillis, () -> closeQuietly(socket));
    RuntimeException problem = null;
    try {
      flush();
    } catch (ConnectionLostException e) {
      // a connection lost earlier is no news, unless requests were unconfirmed
      problem = e.unconfirmed().isEmpty() ? null : e;
    } catch (RuntimeException e) {
      problem = e;
    }
    closed = true;
    try {
      closeGracefully();
    } finally {
      alarm.run();
      closeQuietly(socket); // a thread blocked reading gets an exception and fails what is pending
      replies.failPending(new ConnectionLostException("client closed", null));
    }
    if (problem != null) {
      throw problem;
    }
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
    return replies.pendingCount();
  }

  /**
   * Drops the connection at once, as a crash would: no flush, no graceful close (tests: what
   * the manager does with what this client held).
   */
  void abort() {
    closed = true;
    closeQuietly(socket);
  }

  /** Pipelined requests not confirmed yet (tests). */
  int unconfirmedCount() {
    return window == null ? 0 : window.size();
  }

  /** @return how many items a get/take fetches at once; 1 = one request per item */
  int prefetch() {
    return prefetch;
  }

  /** @return whether puts into unbounded queues, dones and acks are pipelined */
  boolean pipelining() {
    return window != null;
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
    CompletableFuture<byte[]> reply = replies.expect(requestId);
    try {
      send(message);
    } catch (RuntimeException e) {
      replies.forget(requestId);
      throw e;
    }
    return reply;
  }

  /**
   * Sends a request without waiting for its reply; the reply is checked when it is read, and a
   * failure is thrown by a later call. Waits first while the window is full.
   */
  void sendPipelined(int requestId, Wire.Out message, PipelineWindow.Entry entry) {
    checkOpen();
    replies.drainReady();
    if (window.isFull()) {
      replies.waitUntil(() -> !window.isFull(), null); // reads until the oldest is confirmed
    }
    window.add(requestId, entry);
    try {
      send(message);
    } catch (RuntimeException e) {
      window.remove(requestId); // the caller gets the exception: not also "unconfirmed"
      throw e;
    }
  }

  /** Sends a request that gets no reply. */
  void send(Wire.Out message) {
    if (message.payloadLength() > maxFrameBytes) {
      throw new IllegalArgumentException("message of " + message.payloadLength()
          + " bytes exceeds the frame limit of " + maxFrameBytes + " bytes: put a path or a key "
          + "in the queue, not the data itself");
    }
    checkOpen();
    write(message);
  }

  /** Sends the acks of consumed items that are waiting for the next request (see RemoteQueue). */
  void sendUnsentAcks() {
    checkOpen();
    write(null);
  }

  /**
   * Writes the batched acks of gets, then {@code message} if not null, in one write: the acks
   * travel with the client's next request.
   */
  private void write(Wire.Out message) {
    try {
      synchronized (out) {
        for (RemoteQueue q : queues.values()) {
          q.writeUnsentAcks(out);
        }
        if (message != null) {
          out.write(message.frame(), 0, message.frameLength());
        }
        out.flush();
      }
    } catch (IOException e) {
      lost(e);
      throw lostNow();
    }
  }

  /**
   * Waits for a reply, reading the socket if no other thread does (see {@link ReplyReader}). On
   * interrupt runs {@code onInterrupt} (e.g. cancel on the manager).
   */
  byte[] await(CompletableFuture<byte[]> reply, Runnable onInterrupt) {
    replies.waitUntil(reply::isDone, onInterrupt);
    try {
      return reply.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // cannot happen: the reply is there
      throw new DistributedQueueException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new DistributedQueueException(c.toString(), c);
    }
  }

  /**
   * Half-closes, then reads until the manager closes its side: the manager has then read every
   * request (the acks of consumed items too) before it requeues what this client still held,
   * and no unread reply is left in the socket (closing a socket with unread input sends a reset,
   * which may discard what was sent last).
   */
  private void closeGracefully() {
    if (failure != null || socket.isClosed()) {
      return;
    }
    try {
      socket.shutdownOutput();
    } catch (IOException e) {
      return; // closing anyway
    }
    replies.readToEnd();
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
    List<ConnectionLostException.Unconfirmed> unconfirmed =
        window == null ? List.of() : window.drain();
    ConnectionLostException e = new ConnectionLostException(lostMessage(why), why, unconfirmed);
    if (replies.failPending(e) == 0 && !unconfirmed.isEmpty()) {
      lossToReport = e; // nobody was waiting: thrown by the next call, once
    }
  }

  /** The exception for a call on a lost connection: the one naming unconfirmed requests first. */
  private ConnectionLostException lostNow() {
    ConnectionLostException e = lossToReport;
    if (e != null) {
      lossToReport = null;
      return e;
    }
    return new ConnectionLostException(lostMessage(failure), failure);
  }

  private String lostMessage(Throwable why) {
    return "connection to queue manager " + where() + " lost"
        + (why == null ? "" : ": " + why.getMessage());
  }

  /**
   * Throws if the client cannot be used, or if a pipelined request failed and that was not
   * reported yet: every call starts here, so no failure goes unnoticed.
   */
  void checkOpen() {
    if (closed) {
      throw new DistributedQueueException(this + " is closed");
    }
    if (failure != null || socket.isClosed()) {
      throw lostNow();
    }
    if (window != null) {
      DistributedQueueException failed = window.takeFailure();
      if (failed != null) {
        throw failed;
      }
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
    private int prefetch = 32;
    private int maxUnconfirmed = 1024;

    private Builder() {}

    /**
     * How many items a {@code get} or {@code take} fetches with one request when nothing is
     * buffered (default 32); the rest wait in the client, held for it by the manager, and later
     * calls return them without a round trip. The manager hands out at most a fair share of what
     * is queued (so other consumers are not starved), and to a client that has not yet
     * acknowledged anything only one item. 1 = one request per item, as Python's proxies do
     * (best when each task takes long and consumers come and go).
     *
     * @param items at least 1
     * @return this
     */
    public Builder prefetch(int items) {
      this.prefetch = Options.atLeast(items, 1, "prefetch");
      return this;
    }

    /**
     * How many pipelined requests (puts into unbounded queues, dones, acks) may wait for their
     * reply at once (default 1024); a put beyond waits for the oldest reply. 0 = none: every
     * request waits for its reply, as Python's proxies do.
     *
     * @param requests 0 to 4096: the replies of unconfirmed requests wait unread in the
     *     socket, and must fit in its buffers, or neither side could write any more
     * @return this
     */
    public Builder maxUnconfirmed(int requests) {
      this.maxUnconfirmed = Options.between(requests, 0, PipelineWindow.MAX_CAPACITY, "maxUnconfirmed");
      return this;
    }

    /** @param host the manager's host @param port its port @return this */
    public Builder address(String host, int port) {
      this.host = Objects.requireNonNull(host, "host");
      this.port = Options.between(port, 1, 65535, "port");
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
