package org.pyport.distributed;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepts connections and runs their handshakes on one thread, never blocking on a peer: a
 * connection that has not authenticated ("pending") costs a socket and a 77-byte buffer.
 *
 * <p>Admission: when {@code maxPending} wait, the next connection is accepted only once the oldest
 * has waited {@link #GRACE_NANOS}, and takes its place (the oldest is told why); until then new ones
 * wait in the kernel's accept queue, in order. A client answers in milliseconds, and answers are read
 * before new connections are accepted: so idle connections, however fast reopened, only wait their
 * turn. One budget for all addresses (on loopback every local process has the same one). A handshake
 * not done within the timeout is dropped; authenticated connections are counted apart.
 */
final class Acceptor implements Runnable {
  private static final System.Logger LOG = System.getLogger("org.pyport.distributed");
  private static final int ACCEPTS_PER_TURN = 64; // so that a flood cannot starve handshakes
  private static final long WARNING_INTERVAL_NANOS = 5_000_000_000L;
  /** How long a pending connection is safe from being replaced by a newer one. */
  static final long GRACE_NANOS = 100_000_000L;

  private record Pending(SocketChannel channel, long since, byte[] nonce, ByteBuffer answer) {}

  private final QueueManager manager;
  private final ServerSocketChannel server;
  private final Selector selector;
  private final SelectionKey accepting;
  private final long timeoutNanos;
  private final int maxPending;
  private final Map<SocketChannel, Pending> pending = new LinkedHashMap<>(); // oldest first
  private final List<Pending> authenticated = new ArrayList<>(); // handed over once off the selector
  private long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;
  private int unreported;

  Acceptor(QueueManager manager, ServerSocketChannel server) throws IOException {
    this.manager = manager;
    this.server = server;
    this.selector = Selector.open();
    this.timeoutNanos = manager.settings().handshakeTimeoutMillis * 1_000_000L;
    this.maxPending = manager.settings().maxPending;
    server.configureBlocking(false);
    this.accepting = server.register(selector, SelectionKey.OP_ACCEPT);
  }

  void wakeup() { // so that the loop sees the manager closed
    selector.wakeup();
  }

  @Override
  public void run() {
    try {
      while (!manager.isClosed()) {
        boolean paused = accepting.interestOps() == 0; // full: waiting for the oldest's grace
        Pending oldest = pending.isEmpty() ? null : pending.values().iterator().next();
        long wake = oldest == null ? 0 : oldest.since + Math.min(paused ? GRACE_NANOS : timeoutNanos, timeoutNanos);
        selector.select(oldest == null ? 0 : Math.max(1, (wake - System.nanoTime()) / 1_000_000));
        boolean accept = false;
        for (SelectionKey key : selector.selectedKeys()) {
          if (key == accepting) {
            accept = key.isValid();
          } else if (key.isValid() && key.isReadable()) {
            read((Pending) key.attachment()); // answers first: they end handshakes
          }
        }
        selector.selectedKeys().clear();
        expire();
        if (accept || paused) acceptSome();
        handOver();
      }
    } catch (IOException | RuntimeException e) {
      if (!manager.isClosed()) {
        LOG.log(Level.ERROR, "queue manager on port " + manager.port() + ": accepting failed", e);
      }
    } finally {
      pending.keySet().forEach(QueueManager::closeQuietly);
      authenticated.forEach(p -> QueueManager.closeQuietly(p.channel));
      QueueManager.closeQuietly(selector);
    }
  }

  private void acceptSome() throws IOException { // while there is room (see the class comment)
    for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
      if (pending.size() >= maxPending
          && System.nanoTime() - pending.values().iterator().next().since < GRACE_NANOS) {
        accepting.interestOps(0);
        return;
      }
      SocketChannel ch = server.accept();
      if (ch == null) break;
      if (pending.size() >= maxPending) {
        String why = "dropped before it authenticated: " + maxPending
            + " connections were waiting to authenticate (the limit): the oldest made room for a newer one";
        drop(pending.values().iterator().next(), Handshake.refused(why), why);
      }
      Pending p = new Pending(ch, System.nanoTime(), Handshake.nonce(), ByteBuffer.allocate(4 + Handshake.ANSWER_BYTES));
      try {
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.write(Handshake.framed(Handshake.concat(Handshake.MAGIC, p.nonce)));
        ch.register(selector, SelectionKey.OP_READ, p);
        pending.put(ch, p);
      } catch (IOException e) {
        QueueManager.closeQuietly(ch); // the peer is already gone
      }
    }
    accepting.interestOps(SelectionKey.OP_ACCEPT);
  }

  private void read(Pending p) {
    int n;
    try {
      n = p.channel.read(p.answer);
    } catch (IOException e) {
      n = -1;
    }
    ByteBuffer a = p.answer;
    if (n < 0) {
      drop(p, null, "closed during the handshake");
    } else if (a.position() >= 4 && a.getInt(0) != Handshake.ANSWER_BYTES) {
      drop(p, null, "not a pyport queue client (a handshake frame of "
          + Integer.toUnsignedString(a.getInt(0)) + " bytes, expected " + Handshake.ANSWER_BYTES + ")");
    } else if (a.hasRemaining()) {
      return; // the rest is on its way
    } else if (!Handshake.startsWithMagic(Arrays.copyOfRange(a.array(), 4, a.capacity()))) {
      drop(p, null, "not a pyport queue client (bad handshake frame)");
    } else if (!Handshake.matches(Handshake.clientProof(manager.settings().authkey(), p.nonce),
        Arrays.copyOfRange(a.array(), 4 + Handshake.MAGIC.length, 4 + Handshake.MAGIC.length + Handshake.MAC_BYTES))) {
      drop(p, new byte[] {Handshake.REJECTED}, "refused a wrong authkey proof");
    } else if (manager.connectionCount() + authenticated.size() >= manager.settings().maxConnections) {
      drop(p, Handshake.refused("the manager already serves its limit of " + manager.settings().maxConnections
          + " connections (QueueManager.Builder.maxConnections)"), "refused a connection: the limit of connections is reached");
    } else {
      pending.remove(p.channel);
      p.channel.keyFor(selector).cancel();
      authenticated.add(p);
    }
  }

  private void handOver() throws IOException { // to their threads, in blocking mode
    if (authenticated.isEmpty()) return;
    selector.selectNow(); // deregisters the cancelled keys; what it selects is handled next turn
    for (Pending p : authenticated) {
      try {
        p.channel.configureBlocking(true);
        manager.serve(p.channel, Arrays.copyOfRange(p.answer.array(), p.answer.capacity() - Handshake.NONCE_BYTES,
            p.answer.capacity()));
      } catch (IOException | RuntimeException e) {
        QueueManager.closeQuietly(p.channel);
      }
    }
    authenticated.clear();
  }

  private void expire() {
    long now = System.nanoTime();
    while (!pending.isEmpty()) {
      Pending p = pending.values().iterator().next();
      if (now - p.since < timeoutNanos) {
        return; // all have the same timeout: the rest are younger
      }
      String why = "dropped before it authenticated: no handshake within " + timeoutNanos / 1_000_000 + " ms";
      drop(p, Handshake.refused(why), why);
    }
  }

  private void drop(Pending p, byte[] verdict, String why) { // logged before the peer hears it; verdict: if not null
    pending.remove(p.channel);
    try {
      warn(why + " (" + p.channel.getRemoteAddress() + ")");
      if (verdict != null) p.channel.write(Handshake.framed(verdict)); // small: fits the empty send buffer
    } catch (IOException e) {
      // closing anyway
    }
    QueueManager.closeQuietly(p.channel);
  }

  private void warn(String message) { // one per interval: a flood of bad connections must not flood the log
    long now = System.nanoTime();
    if (now - lastWarning < WARNING_INTERVAL_NANOS) {
      unreported++;
      return;
    }
    LOG.log(Level.WARNING, "queue manager on port {0}: {1}{2}", String.valueOf(manager.port()), message,
        unreported == 0 ? "" : " (and " + unreported + " more since the last warning)");
    lastWarning = now;
    unreported = 0;
  }
}
