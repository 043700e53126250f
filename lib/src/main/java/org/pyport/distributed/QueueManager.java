package org.pyport.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves named queues over TCP: the counterpart of a Python {@code BaseManager} subclass with
 * registered queues, started with {@code manager.start()}.
 *
 * <pre>{@code
 * try (QueueManager manager = QueueManager.builder()
 *         .address(new InetSocketAddress("127.0.0.1", 5000))
 *         .authkey("abc".getBytes(StandardCharsets.UTF_8))
 *         .register("task_queue").register("result_queue")
 *         .start()) {
 *   manager.queue("task_queue").put(42);
 *   Object r = manager.queue("result_queue").get(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Threads: one acceptor, one reader per connection (bounded by {@link Builder#maxConnections}),
 * one timer for get/put timeouts. {@link #close()} closes every connection and ends every thread.
 */
public final class QueueManager implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.pyport.distributed");
  private static final long SWEEP_MILLIS = 5;

  private final Map<String, ServedQueue> queues;
  private final Map<String, LocalQueue> local = new ConcurrentHashMap<>();
  private final byte[] authkey;
  private final int maxFrameBytes;
  private final int frameTimeoutMillis;
  private final int handshakeTimeoutMillis;
  private final int maxConnections;
  private final ObjectMapper mapper;
  private final ServerSocket server;
  private final Thread acceptor;
  private final ThreadPoolExecutor connectionThreads;
  private final ScheduledThreadPoolExecutor timers;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private QueueManager(Builder b) throws IOException {
    this.authkey = b.authkey.clone();
    this.maxFrameBytes = b.maxFrameBytes;
    this.frameTimeoutMillis = Math.toIntExact(b.frameTimeout.toMillis());
    this.handshakeTimeoutMillis = Math.toIntExact(b.handshakeTimeout.toMillis());
    this.maxConnections = b.maxConnections;
    this.mapper = b.mapper;
    String tag = "pyport-queue-manager";
    this.timers = new ScheduledThreadPoolExecutor(1, daemon(tag + "-timer"));
    timers.setRemoveOnCancelPolicy(true);
    Map<String, ServedQueue> qs = new LinkedHashMap<>();
    b.queues.forEach((name, max) -> qs.put(name, new ServedQueue(name, max)));
    this.queues = Collections.unmodifiableMap(qs);
    // get/put timeouts: one sweep every few ms, so a timeout ends at most that much late
    timers.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      queues.values().forEach(q -> q.expireDue(now));
    }, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    this.connectionThreads = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemon(tag + "-connection"));
    ServerSocket s = new ServerSocket();
    try {
      s.setReuseAddress(true);
      s.bind(b.address, 50);
    } catch (IOException e) {
      s.close();
      timers.shutdownNow();
      throw e;
    }
    this.server = s;
    this.acceptor = daemon(tag + "-accept-" + server.getLocalPort()).newThread(this::acceptLoop);
    acceptor.start();
  }

  /** @return a builder; {@link Builder#authkey} and at least one {@link Builder#register} are required */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the port the manager listens on (useful after binding port 0) */
  public int port() {
    return server.getLocalPort();
  }

  /** @return the bound address */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** @return the registered queue names, in registration order */
  public Set<String> queueNames() {
    return queues.keySet();
  }

  /**
   * Direct access to a queue from the manager's own JVM, without the network (Python's
   * {@code manager.get_task_queue()} in the serving process).
   *
   * @param name a registered name
   * @return the queue
   * @throws IllegalArgumentException if no queue has that name
   */
  public NamedQueue queue(String name) {
    ServedQueue q = queues.get(name);
    if (q == null) {
      throw new IllegalArgumentException("no queue named '" + name
          + "' is registered with this manager; registered: " + queues.keySet());
    }
    return local.computeIfAbsent(name, n -> new LocalQueue(q, this));
  }

  /**
   * How many tasks of a queue are taken and not yet acknowledged: they go back to the queue if
   * their worker's connection drops.
   *
   * @param name a registered name
   * @return the number of held tasks
   */
  public int heldCount(String name) {
    queue(name); // the clear error for an unknown name
    return queues.get(name).inFlightCount();
  }

  /**
   * Stops serving: closes the listening socket and every connection, fails every waiting local
   * get/put, and waits (a few seconds at most) for the manager's threads to end. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
    connections.forEach(ServerConnection::close);
    DistributedQueueException why = new DistributedQueueException("queue manager on port "
        + server.getLocalPort() + " was closed");
    queues.values().forEach(q -> q.closeAll(why));
    connectionThreads.shutdown();
    timers.shutdownNow();
    try {
      acceptor.join(5_000);
      if (!connectionThreads.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "queue manager: connection threads still running after close");
      }
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "QueueManager[" + address() + ", queues=" + queues.keySet()
        + (closed ? ", closed" : "") + "]";
  }

  private void acceptLoop() {
    while (!closed) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(Level.ERROR, "queue manager on port " + port() + ": accept failed", e);
        }
        return;
      }
      try {
        socket.setTcpNoDelay(true);
        if (connections.size() >= maxConnections) {
          LOG.log(Level.WARNING, "queue manager on port {0}: refusing {1}: {2} connections open",
              String.valueOf(port()), socket.getRemoteSocketAddress(), maxConnections);
          socket.close();
          continue;
        }
        ServerConnection c = new ServerConnection(this, socket);
        connections.add(c);
        if (closed) {
          c.close();
          connections.remove(c);
          return;
        }
        connectionThreads.execute(c);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "queue manager: dropping a connection: " + e);
        try {
          socket.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
    }
  }

  // --- for ServerConnection and LocalQueue ---

  ServedQueue served(String name) {
    return queues.get(name);
  }

  void disconnected(ServerConnection c) {
    connections.remove(c);
    queues.values().forEach(q -> q.disconnect(c));
  }

  byte[] authkey() {
    return authkey;
  }

  int maxFrameBytes() {
    return maxFrameBytes;
  }

  int frameTimeoutMillis() {
    return frameTimeoutMillis;
  }

  int handshakeTimeoutMillis() {
    return handshakeTimeoutMillis;
  }

  /** Alarms for connections (handshake and stalled-frame timeouts), on the manager's timer. */
  Frames.Timer timer() {
    return (millis, action) -> {
      java.util.concurrent.ScheduledFuture<?> f = timers.schedule(action, millis, TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    };
  }

  ObjectMapper mapper() {
    return mapper;
  }

  boolean isClosed() {
    return closed;
  }

  /** Open connections (tests). */
  int connectionCount() {
    return connections.size();
  }

  /** The manager's threads that are alive (tests: nothing may survive close). */
  List<Thread> liveThreads() {
    List<Thread> out = new ArrayList<>();
    if (acceptor.isAlive()) {
      out.add(acceptor);
    }
    for (ServerConnection c : connections) {
      Thread t = c.readerThread();
      if (t != null && t.isAlive()) {
        out.add(t);
      }
    }
    return out;
  }

  private static java.util.concurrent.ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true); // a manager the user forgot to close must not keep the JVM alive
      return t;
    };
  }

  /** Settings for {@link QueueManager}; defaults: 127.0.0.1, a free port, 16 MiB frames. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private byte[] authkey;
    private final Map<String, Integer> queues = new LinkedHashMap<>();
    private int maxFrameBytes = Frames.DEFAULT_MAX_FRAME_BYTES;
    private Duration frameTimeout = Duration.ofSeconds(10);
    private Duration handshakeTimeout = Duration.ofSeconds(5);
    private int maxConnections = 64;
    private ObjectMapper mapper = JsonQueue.DEFAULT_MAPPER;

    private Builder() {}

    /**
     * @param address where to listen; default 127.0.0.1 with a free port. Listening on another
     *     interface exposes the queues to the network: the authkey is then the only protection,
     *     and traffic is not encrypted.
     * @return this
     */
    public Builder address(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** @param port port on 127.0.0.1; 0 = any free port @return this */
    public Builder port(int port) {
      return address(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** @param authkey the shared secret clients must prove they know @return this */
    public Builder authkey(byte[] authkey) {
      this.authkey = Objects.requireNonNull(authkey, "authkey").clone();
      return this;
    }

    /** @param name a queue to serve, unbounded @return this */
    public Builder register(String name) {
      return register(name, 0);
    }

    /**
     * @param name a queue to serve
     * @param maxSize its bound (Python's {@code Queue(maxsize)}); 0 = unbounded
     * @return this
     */
    public Builder register(String name, int maxSize) {
      Objects.requireNonNull(name, "name");
      Options.atLeast(maxSize, 0, "maxSize");
      if (queues.putIfAbsent(name, maxSize) != null) {
        throw new IllegalArgumentException("queue '" + name + "' is registered twice");
      }
      return this;
    }

    /** @param bytes the largest frame accepted; bigger ones close their connection @return this */
    public Builder maxFrameBytes(int bytes) {
      this.maxFrameBytes = Options.maxFrameBytes(bytes);
      return this;
    }

    /** @param timeout how long a started frame may take to arrive completely @return this */
    public Builder frameTimeout(Duration timeout) {
      this.frameTimeout = Options.positive(timeout, "frameTimeout");
      return this;
    }

    /** @param timeout how long a new connection may take to authenticate @return this */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = Options.positive(timeout, "handshakeTimeout");
      return this;
    }

    /** @param max connections served at once (one thread each) @return this */
    public Builder maxConnections(int max) {
      this.maxConnections = Options.atLeast(max, 1, "maxConnections");
      return this;
    }

    /** @param mapper the Jackson mapper of {@link QueueManager#queue} views @return this */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @return the running manager
     * @throws IllegalStateException if the authkey or the queues are missing
     * @throws UncheckedIOException if the address cannot be bound
     */
    public QueueManager start() {
      if (authkey == null) {
        throw new IllegalStateException("set an authkey: clients must prove they know it");
      }
      if (queues.isEmpty()) {
        throw new IllegalStateException("register at least one queue");
      }
      try {
        return new QueueManager(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
      }
    }

  }
}
