package org.pyport.distributed;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A manager's queue seen from the manager's own JVM: same semantics, no network. */
final class LocalQueue extends JsonQueue {
  private final ServedQueue queue;
  private final QueueManager manager;

  LocalQueue(ServedQueue queue, QueueManager manager) {
    super(queue.name(), manager.mapper());
    this.queue = queue;
    this.manager = manager;
  }

  @Override
  boolean rawPut(byte[] json, long timeoutMillis) {
    checkOpen();
    return await(queue.put(this, json, timeoutMillis), null);
  }

  @Override
  Raw rawTake(long timeoutMillis) {
    checkOpen();
    CompletableFuture<ServedQueue.Item> f = queue.take(this, timeoutMillis);
    ServedQueue.Item item = await(f, () -> {
      if (!queue.cancel(f)) {
        ServedQueue.Item served = f.join(); // served meanwhile: give it back
        if (served != null) {
          queue.release(this, served.id());
        }
      }
    });
    return item == null ? null : new Raw(item.id(), item.json());
  }

  @Override
  void rawAck(long id, boolean waitForAnswer) {
    queue.ack(this, id);
  }

  @Override
  void rawRelease(long id) {
    queue.release(this, id);
  }

  @Override
  void rawDone(long id, NamedQueue results, byte[] json) {
    if (!(results instanceof LocalQueue r) || r.manager != manager) {
      throw new IllegalArgumentException("results must be a queue of the same manager, from "
          + "manager.queue(name)");
    }
    if (!queue.ack(this, id)) {
      throw new DistributedQueueException("task " + id + " of queue '" + name()
          + "' is not held here any more; its result was dropped");
    }
    r.queue.putUnbounded(json);
  }

  @Override
  public int size() {
    return queue.size();
  }

  @Override
  String where() {
    return "of " + manager;
  }

  private void checkOpen() {
    if (manager.isClosed()) {
      throw new DistributedQueueException(manager + " is closed");
    }
  }

  private static <T> T await(CompletableFuture<T> f, Runnable onInterrupt) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      if (onInterrupt != null) {
        onInterrupt.run();
      }
      Thread.currentThread().interrupt();
      throw new DistributedQueueException("interrupted while waiting on a queue", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new DistributedQueueException(c.toString(), c);
    }
  }
}
