package org.pyport.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * A queue served by a {@link QueueManager}, from {@link QueueClient#queue} or the manager's own
 * {@link QueueManager#queue}. Values travel as JSON (Jackson): numbers, strings, booleans, lists,
 * maps, records and POJOs.
 *
 * <p>Python's semantics: {@link #put} returns once the manager has stored the value (or throws);
 * {@link #get} removes exactly one value. {@link #take} hands out a {@link Task} that stays with
 * the manager until {@link Task#done}: if the taker's connection drops first, it goes back to the
 * queue.
 *
 * <p>The faster way, opt-in: the batched calls {@link #putAll}, {@link #getBatch}, {@link
 * #takeBatch} and {@link #putResults} carry many values in one request, with the same promises for
 * each value. The price: a worker that takes a batch holds all of it (the others may idle
 * meanwhile, and if it dies the whole batch is done again), and the program changes.
 */
public final class NamedQueue {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final long FOREVER = -1;

  private final QueueClient client;
  private final String name;
  /** The bound on the manager; 0 = unbounded (a put never waits). */
  private final int maxSize;

  private NamedQueue(QueueClient client, String name, int maxSize) {
    this.client = client;
    this.name = name;
    this.maxSize = maxSize;
  }

  /** Asks the manager for the queue's bound: an error naming the registered queues if there is none. */
  static NamedQueue open(QueueClient client, String name) {
    return new NamedQueue(client, name, new NamedQueue(client, name, 0).sizeAndBound()[1]);
  }

  /** @return the name the queue was registered under */
  public String name() {
    return name;
  }

  /** Adds a value (anything Jackson can write), waiting as long as it takes while a bounded queue is full. */
  public void put(Object value) {
    store(List.of(toJson(value)), FOREVER);
  }

  /** Adds a value, waiting at most {@code timeout} (ZERO: not at all) while a bounded queue is full, else {@link QueueFullException}. */
  public void put(Object value, Duration timeout) {
    long ms = millis(timeout);
    if (store(List.of(toJson(value)), ms) == 0) {
      throw new QueueFullException("queue '" + name + "' of the manager at " + client.address()
          + " stayed full for " + ms + " ms");
    }
  }

  /** Removes and returns the next value (Integer, Long, Double, String, Boolean, List, Map or null), waiting as long as it takes. */
  public Object get() {
    return getBatch(Object.class, 1, FOREVER).get(0);
  }

  /** As {@link #get()}, waiting at most {@code timeout} (ZERO: Python's get_nowait), else {@link QueueEmptyException}. */
  public Object get(Duration timeout) {
    return getBatch(Object.class, 1, millis(timeout)).get(0);
  }

  /**
   * Removes the next value, read as {@code type} (a record, POJO or JDK type), waiting at most {@code
   * timeout}, else {@link QueueEmptyException}. A value that cannot be read is removed all the same.
   */
  public <T> T get(Class<T> type, Duration timeout) {
    return getBatch(type, 1, millis(timeout)).get(0);
  }

  /** Takes the next value as a task that stays with the manager until finished; {@link QueueEmptyException} after {@code timeout}. */
  public Task<Object> take(Duration timeout) {
    return takeBatch(Object.class, 1, timeout).get(0);
  }

  /** As {@link #take(Duration)}, the value read as {@code type}. */
  public <T> Task<T> take(Class<T> type, Duration timeout) {
    return takeBatch(type, 1, timeout).get(0);
  }

  /** @return how many values wait in the queue (Python's {@code qsize()}), not counting held tasks */
  public int size() {
    return sizeAndBound()[0];
  }

  /** Batched: adds values in order with one request, waiting as long as it takes while a bounded queue is full. */
  public void putAll(Collection<?> values) {
    List<byte[]> jsons = new ArrayList<>(values.size());
    values.forEach(v -> jsons.add(toJson(v)));
    store(jsons, FOREVER);
  }

  /**
   * Batched: removes 1 to {@code max} values, read as {@code type}, with one request: waits at most
   * {@code timeout} for the first (else {@link QueueEmptyException}), then takes what else is there.
   */
  public <T> List<T> getBatch(Class<T> type, int max, Duration timeout) {
    return getBatch(type, max, millis(timeout));
  }

  private <T> List<T> getBatch(Class<T> type, int max, long ms) {
    List<T> out = new ArrayList<>();
    for (Wire.Item item : items(Wire.GET, max, ms)) {
      out.add(fromJson(item.json(), type));
    }
    return out;
  }

  /** Batched: takes 1 to {@code max} values as tasks (see {@link #take(Class, Duration)}) with one request. */
  public <T> List<Task<T>> takeBatch(Class<T> type, int max, Duration timeout) {
    List<Wire.Item> items = items(Wire.TAKE, max, millis(timeout));
    List<Task<T>> out = new ArrayList<>(items.size());
    try {
      for (Wire.Item item : items) {
        out.add(new Task<>(this, item.id(), fromJson(item.json(), type)));
      }
    } catch (RuntimeException e) {
      items.forEach(item -> finish(Wire.RELEASE, item.id())); // another reader may manage
      throw e;
    }
    return out;
  }

  /**
   * Batched: puts one result per task into this queue and finishes the tasks (from one queue of the
   * same client) with one request; for each task, as with {@link Task#done}, both happen or neither.
   */
  public void putResults(List<? extends Task<?>> tasks, List<?> results) {
    if (tasks.size() != results.size()) {
      throw new IllegalArgumentException(tasks.size() + " tasks but " + results.size() + " results");
    }
    if (tasks.isEmpty()) return;
    NamedQueue from = tasks.get(0).queue;
    Wire.Out done = new Wire.Out(Wire.DONE).str(from.name).str(name).i32(tasks.size());
    for (int i = 0; i < tasks.size(); i++) {
      Task<?> t = tasks.get(i);
      if (t.queue != from || from.client != client) {
        throw new IllegalArgumentException("the tasks must come from one queue of the client of '" + name
            + "'; got '" + from.name + "' and '" + t.queue.name + "' of " + t.queue.client);
      }
      done.i64(t.id()).blob(toJson(results.get(i))); // before finishing any: a bad result throws here
    }
    tasks.forEach(Task::markFinished);
    int accepted = client.call(done, in -> status(in, Wire.OK) == Wire.OK ? in.i32() : 0);
    if (accepted != tasks.size()) {
      throw new DistributedQueueException((tasks.size() - accepted) + " of " + tasks.size() + " tasks of queue '"
          + from.name + "' were no longer held by this client (requeued after a lost connection): their results "
          + "were dropped, so that no task yields two results");
    }
  }

  /** ACK or RELEASE of a held task; false if the manager no longer had it for this client. */
  boolean finish(byte op, long id) {
    return client.call(new Wire.Out(op).str(name).i64(id), in -> status(in, Wire.OK, Wire.STALE) == Wire.OK);
  }

  /** Stores values in order; returns how many, fewer if a bounded queue stayed full for {@code ms}. */
  private int store(List<byte[]> jsons, long ms) {
    int[] stored = {0};
    sliced(ms, slice -> {
      Wire.Out put = new Wire.Out(Wire.PUT).str(name).i64(maxSize == 0 ? FOREVER : slice).i32(jsons.size() - stored[0]);
      jsons.subList(stored[0], jsons.size()).forEach(put::blob);
      stored[0] += client.call(put, in -> status(in, Wire.OK, Wire.FULL) > 0 ? in.i32() : 0);
      return stored[0] == jsons.size() ? Boolean.TRUE : null;
    });
    return stored[0];
  }

  private List<Wire.Item> items(byte op, int max, long ms) {
    if (max < 1) throw new IllegalArgumentException("max must be at least 1, got " + max);
    List<Wire.Item> got = sliced(ms, slice -> client.call(new Wire.Out(op).str(name).i64(slice).i32(max)
        .i32(client.maxFrameBytes()), in -> status(in, Wire.ITEMS, Wire.EMPTY) == Wire.EMPTY ? null : in.items()));
    if (got == null) {
      throw new QueueEmptyException("queue '" + name + "' of the manager at " + client.address()
          + " stayed empty for " + ms + " ms");
    }
    return got;
  }

  /**
   * Repeats a request that waits on the manager at most {@link QueueClient#SLICE_MILLIS} until it
   * returns non-null or {@code ms} (-1: forever) have passed; an interrupt ends the wait.
   */
  private <T> T sliced(long ms, LongFunction<T> attempt) {
    long deadline = System.nanoTime() + ms * 1_000_000;
    while (true) {
      long left = ms < 0 ? QueueClient.SLICE_MILLIS : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      T got = attempt.apply(Math.min(left, QueueClient.SLICE_MILLIS));
      if (got != null || (ms >= 0 && left <= QueueClient.SLICE_MILLIS)) return got;
      if (Thread.currentThread().isInterrupted()) {
        throw new DistributedQueueException("interrupted while waiting on queue '" + name + "'");
      }
    }
  }

  private int[] sizeAndBound() {
    return client.call(new Wire.Out(Wire.SIZE).str(name), in -> {
      status(in, Wire.SIZE_IS);
      return new int[] {in.i32(), in.i32()};
    });
  }

  /** Reads a reply's status, one of {@code expected}; an ERROR becomes an exception. */
  private byte status(Wire.In in, byte... expected) throws FrameException {
    byte status = in.u8();
    for (byte e : expected) {
      if (status == e) return status;
    }
    if (status != Wire.ERROR) throw new FrameException("unexpected reply " + status);
    String message = "manager at " + client.address() + ": " + in.str();
    throw message.contains(": no queue named") ? new IllegalArgumentException(message) : new DistributedQueueException(message);
  }

  private byte[] toJson(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a " + (value == null ? "null" : value.getClass().getName())
          + " as JSON for queue '" + name + "': " + e.getOriginalMessage(), e);
    }
  }

  private <T> T fromJson(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("a value in queue '" + name + "' cannot be read as " + type.getName()
          + ": " + e.getMessage(), e);
    }
  }

  private static long millis(Duration timeout) {
    if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
    }
    return timeout.compareTo(Duration.ofDays(10_000)) > 0 ? FOREVER : timeout.toMillis();
  }

  @Override
  public String toString() {
    return "NamedQueue['" + name + "' of the manager at " + client.address() + "]";
  }
}
