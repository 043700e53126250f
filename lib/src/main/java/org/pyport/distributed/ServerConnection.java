package org.pyport.distributed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manager's side of one client connection: authenticates, then reads requests in order on
 * one thread. Replies may also be written by other threads (a put on another connection
 * completes a take waiting here), so writes are serialized on {@link #out}.
 */
final class ServerConnection implements Runnable {
  private static final System.Logger LOG = System.getLogger("org.pyport.distributed");

  private record PendingTake(ServedQueue queue, CompletableFuture<List<ServedQueue.Item>> future) {}

  private final QueueManager manager;
  private final Socket socket;
  private final String peer;
  private final Map<Integer, PendingTake> pendingTakes = new ConcurrentHashMap<>();
  private OutputStream out;
  private volatile Thread reader;
  private volatile boolean closed;

  ServerConnection(QueueManager manager, Socket socket) {
    this.manager = manager;
    this.socket = socket;
    this.peer = socket.getRemoteSocketAddress().toString();
  }

  @Override
  public void run() {
    reader = Thread.currentThread();
    String reason = "client closed the connection";
    try {
      out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
      Frames frames = new Frames(socket, manager.frameTimeoutMillis(), manager.timer());
      if (!authenticate(frames)) {
        return;
      }
      while (!closed) {
        byte[] payload = frames.read(manager.maxFrameBytes(), 0);
        if (payload == null) {
          break;
        }
        handle(payload);
        if (!frames.hasBuffered()) {
          synchronized (out) {
            out.flush();
          }
        }
      }
    } catch (FrameException e) {
      reason = e.getMessage();
      LOG.log(Level.WARNING, "queue manager on port {0}: closing connection from {1}: {2}",
          String.valueOf(manager.port()), peer, reason);
    } catch (IOException e) {
      reason = closed ? "manager closed" : e.toString();
      if (!closed) {
        LOG.log(Level.DEBUG, "queue manager: connection from {0} ended: {1}", peer, reason);
      }
    } catch (RuntimeException e) {
      reason = e.toString();
      LOG.log(Level.ERROR, "queue manager: closing connection from " + peer, e);
    } finally {
      // requeue first: a client's close() returns once it reads the end of this stream, and the
      // items it held must be back in their queues by then
      manager.disconnected(this);
      close();
    }
  }

  private boolean authenticate(Frames frames) throws IOException {
    byte[] nonce = Handshake.nonce();
    Handshake.send(out, Handshake.concat(Handshake.MAGIC, nonce));
    byte[] answer;
    try {
      answer = frames.read(Handshake.MAX_HANDSHAKE_FRAME, manager.handshakeTimeoutMillis());
    } catch (java.net.SocketTimeoutException e) {
      throw new FrameException("no handshake within " + manager.handshakeTimeoutMillis() + " ms");
    }
    if (answer == null) {
      throw new FrameException("closed during the handshake");
    }
    int expected = Handshake.MAGIC.length + Handshake.MAC_BYTES + Handshake.NONCE_BYTES;
    if (answer.length != expected || !Handshake.startsWithMagic(answer)) {
      throw new FrameException("not a pyport queue client (bad handshake frame)");
    }
    int at = Handshake.MAGIC.length;
    byte[] proof = java.util.Arrays.copyOfRange(answer, at, at + Handshake.MAC_BYTES);
    byte[] clientNonce = java.util.Arrays.copyOfRange(answer, at + Handshake.MAC_BYTES, expected);
    if (!Handshake.matches(Handshake.clientProof(manager.authkey(), nonce), proof)) {
      LOG.log(Level.WARNING, "queue manager on port {0}: {1} sent a wrong authkey proof; refused",
          String.valueOf(manager.port()), peer);
      Handshake.send(out, new byte[] {Handshake.REJECTED});
      return false;
    }
    Handshake.send(out, Handshake.concat(new byte[] {Handshake.OK},
        Handshake.managerProof(manager.authkey(), clientNonce)));
    return true;
  }

  private void handle(byte[] payload) throws IOException {
    Wire.In in = new Wire.In(payload);
    byte op = (byte) in.u8();
    int req = in.i32();
    if (op < Wire.PUT || op > Wire.ACKS) {
      throw new FrameException("malformed message: unknown operation " + op);
    }
    String name = in.str();
    ServedQueue q = manager.served(name);
    if (q == null) {
      reply(new Wire.Out(64).u8(Wire.ERROR).i32(req).str("no queue named '" + name
          + "' is registered with the manager; registered: " + manager.queueNames()));
      return;
    }
    // one small method per operation: each is compiled on its own, quickly, by the JIT
    switch (op) {
      case Wire.PUT -> put(in, req, q);
      case Wire.TAKE -> take(in, req, q);
      case Wire.ACK, Wire.RELEASE -> ackOrRelease(in, req, q, op);
      case Wire.ACKS -> acks(in, req, q);
      case Wire.DONE -> done(in, req, q);
      case Wire.SIZE -> {
        in.end();
        // the bound tells the client whether its puts may be pipelined (only unbounded ones)
        reply(new Wire.Out(16).u8(Wire.SIZE_IS).i32(req).i32(q.size()).i32(q.maxSize()));
      }
      case Wire.CANCEL -> {
        in.end();
        PendingTake p = pendingTakes.get(req);
        if (p != null) {
          p.queue().cancel(p.future()); // its reply (EMPTY) goes out through the take's callback
        }
      }
      default -> throw new FrameException("malformed message: unknown operation " + op);
    }
  }

  private void put(Wire.In in, int req, ServedQueue q) throws FrameException {
    long timeout = in.i64();
    int count = in.count(4);
    List<byte[]> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(checkedJson(in.blob()));
    }
    in.end();
    CompletableFuture<Integer> f = q.putAll(this, values, 0, timeout);
    if (f.isDone() && !f.isCompletedExceptionally()) {
      reply(stored(req, f.join(), count)); // the usual case: no callback to allocate
    } else {
      f.whenComplete((stored, err) -> reply(err != null ? error(req, err) : stored(req, stored, count)));
    }
  }

  private static Wire.Out stored(int req, int stored, int count) {
    return new Wire.Out(12).u8(stored == count ? Wire.OK : Wire.FULL).i32(req).i32(stored);
  }

  private void take(Wire.In in, int req, ServedQueue q) throws FrameException {
    long timeout = in.i64();
    int max = in.i32();
    int flags = in.u8();
    in.end();
    CompletableFuture<List<ServedQueue.Item>> f = q.take(this, timeout, max,
        (flags & Wire.TAKE_AUTO_ACK) != 0, (flags & Wire.TAKE_PREFETCH) != 0);
    if (f.isDone() && !f.isCompletedExceptionally()) {
      reply(items(req, f.join())); // served at once: nothing to cancel later
      return;
    }
    pendingTakes.put(req, new PendingTake(q, f));
    f.whenComplete((items, err) -> {
      pendingTakes.remove(req);
      reply(err != null ? error(req, err) : items(req, items));
    });
  }

  private static Wire.Out items(int req, List<ServedQueue.Item> items) {
    if (items == null) {
      return new Wire.Out(8).u8(Wire.EMPTY).i32(req);
    }
    int size = 12;
    for (ServedQueue.Item item : items) {
      size += 12 + item.json().length;
    }
    Wire.Out r = new Wire.Out(size).u8(Wire.ITEMS).i32(req).i32(items.size());
    for (ServedQueue.Item item : items) {
      r.i64(item.id()).blob(item.json());
    }
    return r;
  }

  private void ackOrRelease(Wire.In in, int req, ServedQueue q, byte op) throws FrameException {
    long id = in.i64();
    in.end();
    boolean ok = op == Wire.ACK ? q.ack(this, id) : q.release(this, id);
    if (req != 0) {
      reply(new Wire.Out(8).u8(ok ? Wire.OK : Wire.STALE).i32(req).i32(ok ? 1 : 0));
    }
  }

  /** Several acknowledgements in one frame: a prefetching client acks each item it hands out. */
  private void acks(Wire.In in, int req, ServedQueue q) throws FrameException {
    int count = in.count(8);
    int acked = 0;
    for (int i = 0; i < count; i++) {
      if (q.ack(this, in.i64())) {
        acked++;
      }
    }
    in.end();
    if (req != 0) {
      reply(new Wire.Out(12).u8(acked == count ? Wire.OK : Wire.STALE).i32(req).i32(acked));
    }
  }

  private void done(Wire.In in, int req, ServedQueue q) throws FrameException {
    String resultName = in.str();
    int count = in.count(12);
    long[] ids = new long[count];
    List<byte[]> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids[i] = in.i64();
      values.add(checkedJson(in.blob()));
    }
    in.end();
    ServedQueue results = manager.served(resultName);
    if (results == null) {
      reply(new Wire.Out(64).u8(Wire.ERROR).i32(req).str("no result queue named '"
          + resultName + "'; registered: " + manager.queueNames()));
      return;
    }
    // the ack is the commit point: only the connection holding a task gets past it, once
    List<byte[]> accepted = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (q.ack(this, ids[i])) {
        accepted.add(values.get(i));
      }
    }
    results.putUnbounded(accepted);
    reply(new Wire.Out(12).u8(Wire.OK).i32(req).i32(accepted.size()));
  }

  private static byte[] checkedJson(byte[] json) throws FrameException {
    if (!JsonCheck.isOneValue(json)) {
      throw new FrameException("malformed message: value is not one well-formed JSON value");
    }
    return json;
  }

  private static Wire.Out error(int req, Throwable err) {
    Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null
        ? err.getCause() : err;
    return new Wire.Out(64).u8(Wire.ERROR).i32(req).str(String.valueOf(cause.getMessage()));
  }

  /** Sends one reply; flushes now unless the reader thread will flush after its batch. */
  private void reply(Wire.Out msg) {
    if (closed) {
      return;
    }
    try {
      synchronized (out) {
        out.write(msg.frame(), 0, msg.frameLength());
        if (Thread.currentThread() != reader) {
          out.flush();
        }
      }
    } catch (IOException e) {
      // the reader thread notices the dead socket and requeues whatever this client held
      close();
    }
  }

  /** Closes the socket; the reader thread then ends and the manager requeues held items. */
  void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  Thread readerThread() {
    return reader;
  }
}
