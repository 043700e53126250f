package org.pyport.distributed;

import java.util.ArrayList;
import java.util.List;
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
  int rawPut(List<byte[]> jsons, long timeoutMillis) {
    checkOpen();
    return await(queue.putAll(this, jsons, 0, timeoutMillis), null);
  }

  @Override
  List<Raw> rawTake(long timeoutMillis, int max, boolean autoAck) {
    checkOpen();
    CompletableFuture<List<ServedQueue.Item>> f = queue.take(this, timeoutMillis, max, autoAck);
    List<ServedQueue.Item> items = await(f, () -> {
      if (!queue.cancel(f)) {
        List<ServedQueue.Item> served = f.join(); // served meanwhile: give it back
        if (served != null) {
          for (ServedQueue.Item item : served) {
            if (autoAck) {
              queue.putUnbounded(List.of(item.json()));
            } else {
              queue.release(this, item.id());
            }
          }
        }
      }
    });
    if (items == null) {
      return null;
    }
    List<Raw> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(new Raw(i.id(), i.json())));
    return out;
  }

  @Override
  void rawAck(long id) {
    if (!queue.ack(this, id)) {
      throw new DistributedQueueException("task " + id + " of queue '" + name()
          + "' is not held here any more");
    }
  }

  @Override
  void rawRelease(long id) {
    queue.release(this, id);
  }

  @Override
  int rawDone(List<Long> ids, NamedQueue results, List<byte[]> jsons) {
    if (!(results instanceof LocalQueue r) || r.manager != manager) {
      throw new IllegalArgumentException("results must be a queue of the same manager, from "
          + "manager.queue(name)");
    }
    List<byte[]> accepted = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      if (queue.ack(this, ids.get(i))) {
        accepted.add(jsons.get(i));
      }
    }
    r.queue.putUnbounded(accepted);
    return accepted.size();
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
