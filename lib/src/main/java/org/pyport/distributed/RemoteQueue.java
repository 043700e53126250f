package org.pyport.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A queue of a {@link QueueManager}, reached through a {@link QueueClient}: Python's queue proxy
 * ({@code m.get_task_queue()}). See {@link NamedQueue} for the operations, and {@link
 * QueueClient} for what its pipelined writes and prefetch change: a put into an unbounded queue
 * returns once sent, and {@code get}/{@code take} hand out items fetched ahead.
 */
public final class RemoteQueue extends JsonQueue {
  private final QueueClient client;
  /** The queue's bound on the manager; 0 = unbounded, the only kind whose puts are pipelined. */
  private final int maxSize;
  private final Prefetcher prefetched = new Prefetcher();
  /** Items a get handed out whose ack has not left yet (see {@link #ackConsumed}). */
  private final List<Long> unsentAcks = new ArrayList<>();

  private RemoteQueue(String name, QueueClient client, ObjectMapper mapper, int maxSize) {
    super(name, mapper);
    this.client = client;
    this.maxSize = maxSize;
  }

  /**
   * Asks the manager for the queue's size and bound: an error (naming the registered queues) if
   * it has no such queue.
   */
  static RemoteQueue open(String name, QueueClient client, ObjectMapper mapper) {
    RemoteQueue probe = new RemoteQueue(name, client, mapper, -1);
    return new RemoteQueue(name, client, mapper, probe.sizeReply()[1]);
  }

  @Override
  boolean rawPutPipelined(List<Object> values, List<byte[]> jsons) {
    if (maxSize != 0 || !client.pipelining()) {
      return false; // a bounded queue may be full: the caller waits for its answer
    }
    int id = client.newRequestId();
    client.sendPipelined(id, putRequest(id, jsons, FOREVER), new PipelineWindow.Entry(
        new ConnectionLostException.Unconfirmed("put", name(), values),
        reply -> problem(reply, Wire.OK)));
    return true;
  }

  @Override
  int rawPut(List<byte[]> jsons, long timeoutMillis) {
    int id = client.newRequestId();
    byte[] reply = client.await(client.call(id, putRequest(id, jsons, timeoutMillis)), null);
    status(reply, Wire.OK, Wire.FULL);
    return intAfterHeader(reply);
  }

  private Wire.Out putRequest(int id, List<byte[]> jsons, long timeoutMillis) {
    int size = 16;
    for (byte[] j : jsons) {
      size += 4 + j.length;
    }
    Wire.Out out = request(Wire.PUT, id, size).i64(timeoutMillis).i32(jsons.size());
    jsons.forEach(out::blob);
    return out;
  }

  /** Longest single wait on the manager: between slices an interrupt is noticed. */
  private static final long SLICE_MILLIS = 1000;

  /**
   * With prefetch: a single get/take hands out the next fetched item (fetching up to {@link
   * QueueClient#prefetch} held items when none is left); a get acknowledges its item without a
   * reply (batched, see {@link #ackConsumed}). Batches take what is buffered first.
   */
  @Override
  List<Raw> rawTake(long timeoutMillis, int max, boolean autoAck) {
    client.checkOpen(); // fetched items are stale once the connection is gone
    if (client.prefetch() == 1) {
      return takeFromManager(timeoutMillis, max, autoAck, false);
    }
    List<Raw> got;
    if (max > 1) {
      got = prefetched.poll(max);
      if (got.isEmpty()) {
        return takeFromManager(timeoutMillis, max, autoAck, false);
      }
    } else {
      Raw next = prefetched.next(timeoutMillis,
          ms -> takeFromManager(ms, client.prefetch(), false, true));
      if (next == null) {
        return null;
      }
      got = List.of(next);
    }
    if (autoAck) {
      ackConsumed(got);
    }
    return got;
  }

  /** Items fetched ahead and not handed out yet (tests). */
  int buffered() {
    return prefetched.size();
  }

  /**
   * Acknowledges items handed out by a get. The acks are batched: they leave with the client's
   * next request to the manager (in the same write), or once {@code prefetch} of them are
   * waiting, or at {@link QueueClient#flush()} and {@link QueueClient#close()}; no reply is sent
   * for them. Why: one write per get would cost a system call and a wake-up of the manager per
   * item. The price: if the process dies right after a get, that item may be delivered again.
   */
  private void ackConsumed(List<Raw> items) {
    boolean sendNow;
    synchronized (unsentAcks) {
      items.forEach(r -> unsentAcks.add(r.id()));
      sendNow = unsentAcks.size() >= client.prefetch();
    }
    if (sendNow) {
      client.sendUnsentAcks();
    }
  }

  /** Writes one ACKS frame for the acks not sent yet, if any; the caller flushes. */
  void writeUnsentAcks(OutputStream out) throws IOException {
    Wire.Out frame;
    synchronized (unsentAcks) {
      if (unsentAcks.isEmpty()) {
        return;
      }
      frame = request(Wire.ACKS, 0, 4 + 8 * unsentAcks.size()).i32(unsentAcks.size());
      unsentAcks.forEach(frame::i64);
      unsentAcks.clear();
    }
    out.write(frame.frame(), 0, frame.frameLength());
  }

  private List<Raw> takeFromManager(long timeoutMillis, int max, boolean autoAck, boolean prefetch) {
    // a thread blocked reading a socket does not see Thread.interrupt(), so long waits are cut
    // into slices; an interrupt (the notebook's stop button) ends the wait within a slice
    long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      long left = timeoutMillis < 0 ? SLICE_MILLIS
          : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      List<Raw> got = takeOnce(Math.min(left, SLICE_MILLIS), max, autoAck, prefetch);
      if (got != null || (timeoutMillis >= 0 && left <= SLICE_MILLIS)) {
        return got;
      }
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new DistributedQueueException("interrupted while waiting on queue '" + name() + "'");
      }
    }
  }

  private List<Raw> takeOnce(long timeoutMillis, int max, boolean autoAck, boolean prefetch) {
    int id = client.newRequestId();
    int flags = (autoAck ? Wire.TAKE_AUTO_ACK : 0) | (prefetch ? Wire.TAKE_PREFETCH : 0);
    CompletableFuture<byte[]> f = client.call(id,
        request(Wire.TAKE, id, 16).i64(timeoutMillis).i32(max).u8(flags));
    byte[] reply = client.await(f, () -> {
      // give up on the manager; if it served us meanwhile, hand the values back
      client.send(request(Wire.CANCEL, id, 0));
      f.thenAccept(r -> {
        if (r[0] == Wire.ITEMS) {
          for (Raw raw : items(r)) {
            if (autoAck) {
              // already removed: put it back at the tail; runs on the reader thread, so it must
              // not wait for the reply (request id 0: nobody waits for it)
              client.send(putRequest(0, List.of(raw.json()), FOREVER));
            } else {
              rawRelease(raw.id());
            }
          }
        }
      });
    });
    return status(reply, Wire.ITEMS, Wire.EMPTY) == Wire.EMPTY ? null : items(reply);
  }

  private static List<Raw> items(byte[] reply) {
    Wire.In in = new Wire.In(reply);
    try {
      in.u8();
      in.i32();
      int n = in.count(12);
      List<Raw> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long id = in.i64();
        out.add(new Raw(id, in.blob()));
      }
      return out;
    } catch (FrameException e) {
      throw new DistributedQueueException("malformed reply from the manager: " + e.getMessage(), e);
    }
  }

  @Override
  void rawAck(long id) {
    int req = client.newRequestId();
    Wire.Out ack = request(Wire.ACK, req, 8).i64(id);
    if (client.pipelining()) {
      client.sendPipelined(req, ack, new PipelineWindow.Entry(
          new ConnectionLostException.Unconfirmed("ack", name(), List.of()),
          reply -> reply[0] == Wire.STALE ? stale(id) : problem(reply, Wire.OK)));
      return;
    }
    byte[] reply = client.await(client.call(req, ack), null);
    if (status(reply, Wire.OK, Wire.STALE) == Wire.STALE) {
      throw new DistributedQueueException(stale(id));
    }
  }

  private String stale(long id) {
    return "task " + id + " of queue '" + name() + "' is no longer held by this client "
        + "(already finished, or requeued after a lost connection)";
  }

  @Override
  void rawRelease(long id) {
    client.send(request(Wire.RELEASE, 0, 8).i64(id));
  }

  @Override
  int rawDone(List<Long> ids, NamedQueue results, List<byte[]> jsons) {
    int req = client.newRequestId();
    byte[] reply = client.await(client.call(req, doneRequest(req, ids, results, jsons)), null);
    status(reply, Wire.OK);
    return intAfterHeader(reply);
  }

  @Override
  boolean rawDonePipelined(List<Long> ids, NamedQueue results, List<byte[]> jsons,
      List<Object> values) {
    if (!client.pipelining()) {
      return false;
    }
    int req = client.newRequestId();
    client.sendPipelined(req, doneRequest(req, ids, results, jsons), new PipelineWindow.Entry(
        new ConnectionLostException.Unconfirmed("done", name(), values), reply -> {
          String error = problem(reply, Wire.OK);
          return error != null ? error : droppedResults(ids.size(), intAfterHeader(reply));
        }));
    return true;
  }

  private Wire.Out doneRequest(int req, List<Long> ids, NamedQueue results, List<byte[]> jsons) {
    if (!(results instanceof RemoteQueue r) || r.client != client) {
      throw new IllegalArgumentException("results must be a queue of the same client: "
          + "client.queue(name)");
    }
    int size = 32;
    for (byte[] j : jsons) {
      size += 12 + j.length;
    }
    Wire.Out out = request(Wire.DONE, req, size).str(results.name()).i32(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.i64(ids.get(i)).blob(jsons.get(i));
    }
    return out;
  }

  /**
   * How many values wait in the queue on the manager. Items this client fetched ahead and has
   * not handed out yet are held for it, so they are not counted (as taken tasks are not).
   */
  @Override
  public int size() {
    return sizeReply()[0];
  }

  /** @return the queue's size and bound, from the manager */
  private int[] sizeReply() {
    int id = client.newRequestId();
    byte[] reply = client.await(client.call(id, request(Wire.SIZE, id, 0)), null);
    status(reply, Wire.SIZE_IS);
    Wire.In in = new Wire.In(reply);
    try {
      in.u8();
      in.i32();
      return new int[] {in.i32(), in.i32()};
    } catch (FrameException e) {
      throw new DistributedQueueException("malformed reply from the manager: " + e.getMessage(), e);
    }
  }

  @Override
  String where() {
    return "of the manager " + client.where();
  }

  private Wire.Out request(byte op, int id, int bodyBytes) {
    return new Wire.Out(16 + name().length() * 3 + bodyBytes).u8(op).i32(id).str(name());
  }

  private static int intAfterHeader(byte[] reply) {
    Wire.In in = new Wire.In(reply);
    try {
      in.u8();
      in.i32();
      return in.i32();
    } catch (FrameException e) {
      throw new DistributedQueueException("malformed reply from the manager: " + e.getMessage(), e);
    }
  }

  /** For a pipelined reply: {@code null} if its status is {@code expected}, else what went wrong. */
  private String problem(byte[] reply, byte expected) {
    try {
      status(reply, expected);
      return null;
    } catch (RuntimeException e) {
      return "queue '" + name() + "': " + e.getMessage();
    }
  }

  /** Returns the reply's status if it is one of {@code expected}; ERROR becomes an exception. */
  private byte status(byte[] reply, byte... expected) {
    byte status = reply[0];
    for (byte e : expected) {
      if (status == e) {
        return status;
      }
    }
    if (status == Wire.ERROR) {
      Wire.In in = new Wire.In(reply);
      String message;
      try {
        in.u8();
        in.i32();
        message = in.str();
      } catch (FrameException e) {
        message = "(unreadable error)";
      }
      if (message.startsWith("no queue named") || message.startsWith("no result queue")) {
        throw new IllegalArgumentException("manager " + client.where() + ": " + message);
      }
      throw new DistributedQueueException("manager " + client.where() + ": " + message);
    }
    throw new DistributedQueueException("unexpected reply " + status + " from the manager "
        + client.where());
  }
}
