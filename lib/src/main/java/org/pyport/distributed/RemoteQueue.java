package org.pyport.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A queue of a {@link QueueManager}, reached through a {@link QueueClient}: Python's queue proxy
 * ({@code m.get_task_queue()}). See {@link NamedQueue} for the operations.
 */
public final class RemoteQueue extends JsonQueue {
  private final QueueClient client;

  RemoteQueue(String name, QueueClient client, ObjectMapper mapper) {
    super(name, mapper);
    this.client = client;
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

  @Override
  List<Raw> rawTake(long timeoutMillis, int max, boolean autoAck) {
    // a thread blocked reading a socket does not see Thread.interrupt(), so long waits are cut
    // into slices; an interrupt (the notebook's stop button) ends the wait within a slice
    long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      long left = timeoutMillis < 0 ? SLICE_MILLIS
          : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      List<Raw> got = takeOnce(Math.min(left, SLICE_MILLIS), max, autoAck);
      if (got != null || (timeoutMillis >= 0 && left <= SLICE_MILLIS)) {
        return got;
      }
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new DistributedQueueException("interrupted while waiting on queue '" + name() + "'");
      }
    }
  }

  private List<Raw> takeOnce(long timeoutMillis, int max, boolean autoAck) {
    int id = client.newRequestId();
    CompletableFuture<byte[]> f = client.call(id,
        request(Wire.TAKE, id, 16).i64(timeoutMillis).i32(max).u8(autoAck ? 1 : 0));
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
    byte[] reply = client.await(client.call(req, request(Wire.ACK, req, 8).i64(id)), null);
    if (status(reply, Wire.OK, Wire.STALE) == Wire.STALE) {
      throw new DistributedQueueException("task " + id + " of queue '" + name() + "' is no longer "
          + "held by this client (already finished, or requeued after a lost connection)");
    }
  }

  @Override
  void rawRelease(long id) {
    client.send(request(Wire.RELEASE, 0, 8).i64(id));
  }

  @Override
  int rawDone(List<Long> ids, NamedQueue results, List<byte[]> jsons) {
    if (!(results instanceof RemoteQueue r) || r.client != client) {
      throw new IllegalArgumentException("results must be a queue of the same client: "
          + "client.queue(name)");
    }
    int size = 32;
    for (byte[] j : jsons) {
      size += 12 + j.length;
    }
    int req = client.newRequestId();
    Wire.Out out = request(Wire.DONE, req, size).str(results.name()).i32(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.i64(ids.get(i)).blob(jsons.get(i));
    }
    byte[] reply = client.await(client.call(req, out), null);
    status(reply, Wire.OK);
    return intAfterHeader(reply);
  }

  @Override
  public int size() {
    int id = client.newRequestId();
    byte[] reply = client.await(client.call(id, request(Wire.SIZE, id, 0)), null);
    status(reply, Wire.SIZE_IS);
    return intAfterHeader(reply);
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
