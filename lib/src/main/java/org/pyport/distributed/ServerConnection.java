package org.pyport.distributed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The manager's side of one authenticated connection: a thread that reads requests in order. A reply
 * is written by the thread that completes it (a put on another connection serves a get waiting
 * here), serialized on {@link #out}; the reader keeps reading, and so sees at once a client that goes.
 */
final class ServerConnection implements Runnable {
  private static final System.Logger LOG = System.getLogger("org.pyport.distributed");
  private static final JsonFactory JSON = new JsonFactory();

  private final QueueManager manager;
  private final QueueManager.Builder settings;
  private final SocketChannel channel;
  private final byte[] clientNonce;
  private OutputStream out;
  private volatile boolean closed;

  ServerConnection(QueueManager manager, SocketChannel channel, byte[] clientNonce) {
    this.manager = manager;
    this.settings = manager.settings();
    this.channel = channel;
    this.clientNonce = clientNonce;
  }

  @Override
  public void run() {
    String peer = String.valueOf(channel.socket().getRemoteSocketAddress());
    try {
      Wire.Input in = new Wire.Input(channel.socket().getInputStream());
      Wire.StallGuard guard = new Wire.StallGuard(manager.timer(), channel, settings.frameTimeoutMillis);
      out = new BufferedOutputStream(channel.socket().getOutputStream(), 64 << 10);
      byte[] ok = Handshake.concat(new byte[] {Handshake.OK}, Handshake.managerProof(settings.authkey(), clientNonce));
      synchronized (out) {
        Wire.write(out, ok, ok.length);
        out.flush();
      }
      byte[] request;
      while (!closed && (request = Wire.read(in, settings.maxFrameBytes, guard)) != null) {
        handle(new Wire.In(request));
      }
    } catch (FrameException e) {
      LOG.log(Level.WARNING, "queue manager on port {0}: closing connection from {1}: {2}",
          String.valueOf(manager.port()), peer, e.getMessage());
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "queue manager: connection from {0} ended: {1}", peer, e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "queue manager: closing connection from " + peer, e);
    } finally {
      // requeue first: a client's close() returns once it reads the end of this stream, and the
      // items it held must be back in their queues by then
      manager.disconnected(this);
      close();
    }
  }

  private void handle(Wire.In in) throws FrameException {
    byte op = in.u8();
    if (op < Wire.PUT || op > Wire.SIZE) {
      throw new FrameException("malformed message: unknown operation " + op);
    }
    ServedQueue q = queue(in.str());
    if (q == null) return;
    switch (op) {
      case Wire.PUT -> {
        long timeout = in.i64();
        int count = in.count(4);
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          values.add(json(in.blob()));
        }
        in.end();
        reply(q.put(this, values, timeout), stored -> new Wire.Out(stored == count ? Wire.OK : Wire.FULL).i32(stored));
      }
      case Wire.GET, Wire.TAKE -> {
        long timeout = in.i64();
        int max = in.i32();
        int maxBytes = Math.min(in.i32(), settings.maxFrameBytes) - Wire.ITEMS_HEADER_BYTES;
        in.end();
        if (max < 1) throw new FrameException("malformed message: max " + max);
        reply(q.take(this, timeout, max, maxBytes, op == Wire.TAKE),
            items -> items == null ? new Wire.Out(Wire.EMPTY) : new Wire.Out(Wire.ITEMS).items(items));
      }
      case Wire.DONE -> {
        ServedQueue results = queue(in.str());
        int count = in.count(12);
        long[] ids = new long[count];
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          ids[i] = in.i64();
          values.add(json(in.blob()));
        }
        in.end();
        if (results != null) reply(new Wire.Out(Wire.OK).i32(q.done(this, ids, values, results)));
      }
      case Wire.ACK, Wire.RELEASE -> {
        long id = in.i64();
        in.end();
        boolean ok = op == Wire.ACK ? q.ack(this, id) : q.release(this, id);
        reply(new Wire.Out(ok ? Wire.OK : Wire.STALE).i32(ok ? 1 : 0));
      }
      default -> { // SIZE
        in.end();
        reply(new Wire.Out(Wire.SIZE_IS).i32(q.size()).i32(q.maxSize()));
      }
    }
  }

  /** The queue of that name, or null after an error reply naming the registered ones. */
  private ServedQueue queue(String name) {
    ServedQueue q = manager.served(name);
    if (q == null) {
      reply(new Wire.Out(Wire.ERROR).str("no queue named '" + name + "' is registered with the manager; registered: "
          + manager.queueNames()));
    }
    return q;
  }

  /** The manager stores values unread, but passes no garbage on: one JSON value each (Jackson's limits bound it). */
  private static byte[] json(byte[] value) throws FrameException {
    try (JsonParser p = JSON.createParser(value)) {
      if (p.nextToken() != null && p.skipChildren() != null && p.nextToken() == null) return value;
    } catch (IOException | RuntimeException e) {
      // not JSON
    }
    throw new FrameException("malformed message: value is not one well-formed JSON value");
  }

  private <T> void reply(CompletableFuture<T> result, Function<T, Wire.Out> message) {
    result.whenComplete((v, err) -> {
      Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
      reply(cause == null ? message.apply(v) : new Wire.Out(Wire.ERROR).str(String.valueOf(cause.getMessage())));
    });
  }

  private void reply(Wire.Out message) {
    if (closed) return;
    try {
      synchronized (out) {
        message.frameTo(out);
        out.flush();
      }
    } catch (IOException e) {
      close(); // the reader sees the dead socket and requeues what this client held
    }
  }

  void close() { // the reader thread then ends, and the manager requeues what this client held
    closed = true;
    QueueManager.closeQuietly(channel);
  }
}
