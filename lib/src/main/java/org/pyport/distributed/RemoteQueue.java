package org.pyport.distributed;

import com.fasterxml.jackson.databind.ObjectMapper;
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

  /**
   * Adds a value without waiting for the manager's answer; requests on one client are served in
   * order, so a later {@code get} from this client sees it. For producers that put many values.
   *
   * @param value anything Jackson can write as JSON
   * @return completes when the manager has stored it (exceptionally if the connection is lost)
   */
  public CompletableFuture<Void> putAsync(Object value) {
    byte[] json = toJson(value);
    int id = client.newRequestId();
    return client.call(id, request(Wire.PUT, id, 16 + json.length).i64(FOREVER).bytes(json))
        .thenApply(reply -> {
          check(reply, Wire.OK);
          return null;
        });
  }

  @Override
  boolean rawPut(byte[] json, long timeoutMillis) {
    int id = client.newRequestId();
    byte[] reply = client.await(client.call(id,
        request(Wire.PUT, id, 16 + json.length).i64(timeoutMillis).bytes(json)), null);
    return check(reply, Wire.OK, Wire.FULL) == Wire.OK;
  }

  @Override
  Raw rawTake(long timeoutMillis) {
    int id = client.newRequestId();
    CompletableFuture<byte[]> f = client.call(id, request(Wire.TAKE, id, 8).i64(timeoutMillis));
    byte[] reply = client.await(f, () -> {
      // give up on the manager; if it served us meanwhile, hand the item back
      client.send(request(Wire.CANCEL, id, 0));
      f.thenAccept(r -> {
        if (r[0] == Wire.ITEM) {
          rawRelease(new Wire.In(r).skipHeaderAndReadLong());
        }
      });
    });
    int status = check(reply, Wire.ITEM, Wire.EMPTY);
    if (status == Wire.EMPTY) {
      return null;
    }
    Wire.In in = new Wire.In(reply);
    long taskId = in.skipHeaderAndReadLong();
    return new Raw(taskId, in.rest());
  }

  @Override
  void rawAck(long id, boolean waitForAnswer) {
    if (waitForAnswer) {
      int req = client.newRequestId();
      byte[] reply = client.await(client.call(req, request(Wire.ACK, req, 8).i64(id)), null);
      if (check(reply, Wire.OK, Wire.STALE) == Wire.STALE) {
        throw stale(id);
      }
    } else {
      client.send(request(Wire.ACK, 0, 8).i64(id));
    }
  }

  @Override
  void rawRelease(long id) {
    client.send(request(Wire.RELEASE, 0, 8).i64(id));
  }

  @Override
  void rawDone(long id, NamedQueue results, byte[] json) {
    if (!(results instanceof RemoteQueue r) || r.client != client) {
      throw new IllegalArgumentException("results must be a queue of the same client: "
          + "client.queue(name)");
    }
    int req = client.newRequestId();
    byte[] reply = client.await(client.call(req, request(Wire.DONE, req, 32 + json.length)
        .i64(id).str(results.name()).bytes(json)), null);
    if (check(reply, Wire.OK, Wire.STALE) == Wire.STALE) {
      throw stale(id);
    }
  }

  @Override
  public int size() {
    int id = client.newRequestId();
    byte[] reply = client.await(client.call(id, request(Wire.SIZE, id, 0)), null);
    check(reply, Wire.SIZE_IS);
    Wire.In in = new Wire.In(reply);
    try {
      in.u8();
      in.i32();
      return in.i32();
    } catch (FrameException e) {
      throw new DistributedQueueException("malformed reply from " + client.where(), e);
    }
  }

  @Override
  String where() {
    return "of the manager " + client.where();
  }

  private Wire.Out request(byte op, int id, int bodyBytes) {
    return new Wire.Out(16 + name().length() * 3 + bodyBytes).u8(op).i32(id).str(name());
  }

  private DistributedQueueException stale(long id) {
    return new DistributedQueueException("task " + id + " of queue '" + name() + "' is no longer "
        + "held by this client (already finished, or requeued after a lost connection); "
        + "its result was dropped so that it is not delivered twice");
  }

  /** Returns the reply's status if it is one of {@code expected}; ERROR becomes an exception. */
  private int check(byte[] reply, byte... expected) {
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
