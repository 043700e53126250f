package org.pyport.distributed;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves named queues over TCP: the counterpart of a Python {@code BaseManager} subclass with
 * registered queues, started with {@code manager.start()}.
 *
 * <pre>{@code
 * try (QueueManager manager = QueueManager.builder().port(5000)
 *         .authkey("abc".getBytes(StandardCharsets.UTF_8))
 *         .register("task_queue").register("result_queue").start()) {
 *   manager.queue("task_queue").put(42);
 *   Object r = manager.queue("result_queue").get(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Threads (all daemons): one acceptor, which also runs every handshake; one reader per
 * authenticated connection; one timer for timeouts. {@link #close()} ends them all.
 */
public final class QueueManager implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("org.pyport.distributed");

  private final Map<String, ServedQueue> queues;
  private final Builder settings;
  private final ServerSocketChannel server;
  private final Acceptor acceptor;
  private final Thread acceptorThread;
  private final ExecutorService connectionThreads;
  private final ScheduledThreadPoolExecutor timer;
  private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
  private QueueClient self;
  private volatile boolean closed;

  private QueueManager(Builder b) throws IOException {
    this.settings = b;
    String tag = "pyport-queue-manager";
    this.timer = new ScheduledThreadPoolExecutor(1, daemon(tag + "-timer"));
    timer.setRemoveOnCancelPolicy(true);
    Map<String, ServedQueue> qs = new LinkedHashMap<>();
    b.queues.forEach((name, max) -> qs.put(name, new ServedQueue(max, timer)));
    this.queues = Collections.unmodifiableMap(qs);
    this.connectionThreads = Executors.newCachedThreadPool(daemon(tag + "-connection"));
    this.server = ServerSocketChannel.open();
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      server.bind(b.address, 128);
      this.acceptor = new Acceptor(this, server);
    } catch (IOException e) {
      closeQuietly(server);
      timer.shutdownNow();
      throw e;
    }
    this.acceptorThread = daemon(tag + "-accept-" + port()).newThread(acceptor);
    acceptorThread.start();
  }

  /** @return a builder; an {@link Builder#authkey} and at least one {@link Builder#register} are required */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the port the manager listens on */
  public int port() {
    return server.socket().getLocalPort(); // still known once closed
  }

  /** @return the bound address */
  public InetSocketAddress address() {
    return new InetSocketAddress(server.socket().getInetAddress(), port());
  }

  /** @return the registered queue names, in registration order */
  public Set<String> queueNames() {
    return queues.keySet();
  }

  /**
   * A queue from the manager's own JVM (Python's {@code manager.get_task_queue()} in the serving
   * process): like Python's proxy it goes through a connection, so it behaves as a client's queue.
   */
  public NamedQueue queue(String name) {
    if (!queues.containsKey(name)) {
      throw new IllegalArgumentException("no queue named '" + name
          + "' is registered with this manager; registered: " + queues.keySet());
    }
    synchronized (this) {
      if (closed) throw new DistributedQueueException(this + " is closed");
      if (self == null) {
        InetAddress a = server.socket().getInetAddress();
        self = QueueClient.builder().address((a.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : a)
            .getHostAddress(), port()).authkey(settings.authkey).maxFrameBytes(settings.maxFrameBytes).connect();
      }
      return self.queue(name);
    }
  }

  /** @param name a registered name @return how many of its tasks are taken and not finished */
  public int heldCount(String name) {
    return queue(name) != null ? queues.get(name).heldCount() : 0; // queue(name): the error for an unknown name
  }

  /** Stops serving: closes every connection, fails every waiting call, ends the threads. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    closeQuietly(server);
    acceptor.wakeup();
    connections.forEach(ServerConnection::close);
    DistributedQueueException why = new DistributedQueueException(this + " was closed");
    queues.values().forEach(q -> q.closeAll(why));
    connectionThreads.shutdown();
    timer.shutdownNow();
    try {
      acceptorThread.join(5_000);
      timer.awaitTermination(5, TimeUnit.SECONDS);
      if (!connectionThreads.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "queue manager: connection threads still running after close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (self != null) self.close();
  }

  @Override
  public String toString() {
    return "QueueManager[port " + port() + ", queues=" + queues.keySet() + (closed ? ", closed" : "") + "]";
  }

  void serve(SocketChannel channel, byte[] clientNonce) {
    ServerConnection c = new ServerConnection(this, channel, clientNonce);
    connections.add(c);
    if (closed) {
      connections.remove(c);
      c.close();
      return;
    }
    connectionThreads.execute(c);
  }

  ServedQueue served(String name) { // for Acceptor and ServerConnection, like what follows
    return queues.get(name);
  }

  void disconnected(ServerConnection c) {
    connections.remove(c);
    queues.values().forEach(q -> q.disconnect(c));
  }

  Builder settings() {
    return settings;
  }

  ScheduledThreadPoolExecutor timer() {
    return timer;
  }

  boolean isClosed() {
    return closed;
  }

  int connectionCount() { // authenticated ones
    return connections.size();
  }

  static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true); // a manager the user forgot to close must not keep the JVM alive
      return t;
    };
  }

  static int between(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  static int millis(Duration d, String what) { // positive, and small enough for millisecond timers
    if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return (int) d.toMillis();
  }

  /**
   * Settings for {@link QueueManager}. Defaults: 127.0.0.1 on a free port, 16 MiB frames, 10 s for
   * a frame to arrive whole, 256 connections, 2 s to authenticate, 512 connections authenticating.
   */
  public static final class Builder implements Cloneable {
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private byte[] authkey;
    private Map<String, Integer> queues = new LinkedHashMap<>();
    int maxFrameBytes = Wire.DEFAULT_MAX_FRAME_BYTES;
    int frameTimeoutMillis = 10_000;
    int handshakeTimeoutMillis = 2_000;
    int maxConnections = 256;
    int maxPending = 512;

    private Builder() {}

    /** @param address where to listen; beyond loopback the authkey is the only protection, in clear @return this */
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

    /** @param name a queue to serve @param maxSize its bound (Python's {@code Queue(maxsize)}); 0 = none @return this */
    public Builder register(String name, int maxSize) {
      between(maxSize, 0, Integer.MAX_VALUE, "maxSize");
      if (queues.putIfAbsent(Objects.requireNonNull(name, "name"), maxSize) != null) {
        throw new IllegalArgumentException("queue '" + name + "' is registered twice");
      }
      return this;
    }

    /** @param bytes the largest frame accepted; bigger ones close their connection @return this */
    public Builder maxFrameBytes(int bytes) {
      this.maxFrameBytes = between(bytes, 1024, Integer.MAX_VALUE, "maxFrameBytes");
      return this;
    }

    /** @param timeout how long a started frame may take to arrive whole @return this */
    public Builder frameTimeout(Duration timeout) {
      this.frameTimeoutMillis = millis(timeout, "frameTimeout");
      return this;
    }

    /** @param timeout how long a new connection may take to authenticate @return this */
    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeoutMillis = millis(timeout, "handshakeTimeout");
      return this;
    }

    /** @param max authenticated connections served at once (one thread each) @return this */
    public Builder maxConnections(int max) {
      this.maxConnections = between(max, 1, Integer.MAX_VALUE, "maxConnections");
      return this;
    }

    /** @param max connections authenticating at once (no thread, a socket each) @return this */
    public Builder maxPending(int max) {
      this.maxPending = between(max, 1, 65_536, "maxPending");
      return this;
    }

    /**
     * Binds and starts serving; later changes to this builder do not affect it.
     *
     * @return the running manager
     * @throws IllegalStateException if the authkey or the queues are missing
     * @throws UncheckedIOException if the address cannot be bound
     */
    public QueueManager start() {
      if (authkey == null || queues.isEmpty()) {
        throw new IllegalStateException("set an authkey (clients must prove they know it) and register at least one queue");
      }
      try {
        Builder copy = (Builder) clone();
        copy.queues = new LinkedHashMap<>(queues);
        return new QueueManager(copy);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    byte[] authkey() {
      return authkey;
    }
  }
}
