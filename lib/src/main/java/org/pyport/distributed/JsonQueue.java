package org.pyport.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What local and remote queues share: JSON conversion, timeouts and the Python-like exceptions.
 * Subclasses move raw JSON bytes.
 */
abstract class JsonQueue implements NamedQueue {
  /** A value as it travels: the manager's task id and the JSON bytes. */
  record Raw(long id, byte[] json) {}

  static final long FOREVER = -1;

  /**
   * The mapper of clients and managers built without {@code objectMapper(...)}: its output for
   * plain scalars is known, so {@link JsonScalars} may stand in for it. Never handed out.
   */
  static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();

  private final String name;
  private final ObjectMapper mapper;
  private final boolean defaultMapper;

  JsonQueue(String name, ObjectMapper mapper) {
    this.name = name;
    this.mapper = mapper;
    this.defaultMapper = mapper == DEFAULT_MAPPER;
  }

  /** Adds in order; returns how many were stored before a bounded queue stayed full. */
  abstract int rawPut(List<byte[]> jsons, long timeoutMillis);

  /**
   * Takes up to {@code max}; held unless {@code autoAck}. Null if nothing arrived within {@code
   * timeoutMillis} (-1 = forever).
   */
  abstract List<Raw> rawTake(long timeoutMillis, int max, boolean autoAck);

  abstract void rawAck(long id);

  abstract void rawRelease(long id);

  /** Results into {@code results} and acks of {@code ids}, atomically per task on the manager. */
  abstract int rawDone(List<Long> ids, NamedQueue results, List<byte[]> jsons);

  /** Says where this queue lives, for error messages. */
  abstract String where();

  /**
   * Sends a put without waiting for its reply, if this queue can (a client's unbounded queue).
   *
   * @param values the values as the caller gave them, kept until the manager confirms them
   * @return false: the caller must use {@link #rawPut}
   */
  boolean rawPutPipelined(List<Object> values, List<byte[]> jsons) {
    return false;
  }

  /**
   * Sends a done without waiting for its reply, if this queue can; a task no longer held is
   * reported by a later call.
   *
   * @return false: the caller must use {@link #rawDone}
   */
  boolean rawDonePipelined(List<Long> ids, NamedQueue results, List<byte[]> jsons,
      List<Object> values) {
    return false;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void put(Object value) {
    List<byte[]> json = List.of(toJson(value));
    if (!rawPutPipelined(Collections.singletonList(value), json)) {
      rawPut(json, FOREVER);
    }
  }

  @Override
  public void put(Object value, Duration timeout) {
    long ms = millis(timeout);
    List<byte[]> json = List.of(toJson(value));
    // an unbounded queue is never full: the timeout cannot matter, the put may be pipelined
    if (!rawPutPipelined(Collections.singletonList(value), json) && rawPut(json, ms) != 1) {
      throw full(ms);
    }
  }

  @Override
  public void putAll(Collection<?> values) {
    List<byte[]> jsons = new ArrayList<>(values.size());
    for (Object v : values) {
      jsons.add(toJson(v));
    }
    if (!jsons.isEmpty() && !rawPutPipelined(new ArrayList<>(values), jsons)) {
      rawPut(jsons, FOREVER);
    }
  }

  @Override
  public Object get() {
    return getBatch(Object.class, 1, FOREVER).get(0);
  }

  @Override
  public Object get(Duration timeout) {
    return getBatch(Object.class, 1, millis(timeout)).get(0);
  }

  @Override
  public <T> T get(Class<T> type, Duration timeout) {
    return getBatch(type, 1, millis(timeout)).get(0);
  }

  @Override
  public <T> List<T> getBatch(Class<T> type, int max, Duration timeout) {
    return getBatch(type, checkMax(max), millis(timeout));
  }

  private <T> List<T> getBatch(Class<T> type, int max, long ms) {
    // removed on delivery, like Python's get: a value this JVM cannot decode is still consumed
    List<Raw> raws = takeRaw(ms, max, true);
    List<T> out = new ArrayList<>(raws.size());
    for (Raw r : raws) {
      out.add(fromJson(r.json(), type));
    }
    return out;
  }

  @Override
  public Task<Object> take(Duration timeout) {
    return take(Object.class, timeout);
  }

  @Override
  public <T> Task<T> take(Class<T> type, Duration timeout) {
    return takeBatch(type, 1, timeout).get(0);
  }

  @Override
  public <T> List<Task<T>> takeBatch(Class<T> type, int max, Duration timeout) {
    List<Raw> raws = takeRaw(millis(timeout), checkMax(max), false);
    List<Task<T>> out = new ArrayList<>(raws.size());
    for (int i = 0; i < raws.size(); i++) {
      Raw raw = raws.get(i);
      try {
        out.add(new HeldTask<>(this, raw.id(), fromJson(raw.json(), type)));
      } catch (RuntimeException e) {
        for (int j = i; j < raws.size(); j++) {
          rawRelease(raws.get(j).id()); // someone else may be able to read them; nothing is lost
        }
        out.forEach(Task::release);
        throw e;
      }
    }
    return out;
  }

  @Override
  public void putResults(List<? extends Task<?>> tasks, List<?> results) {
    if (tasks.size() != results.size()) {
      throw new IllegalArgumentException(tasks.size() + " tasks but " + results.size() + " results");
    }
    if (tasks.isEmpty()) {
      return;
    }
    JsonQueue from = null;
    List<byte[]> jsons = new ArrayList<>(results.size());
    for (Object r : results) {
      jsons.add(toJson(r)); // before finishing anything: a bad result leaves every task held
    }
    List<HeldTask<?>> held = new ArrayList<>(tasks.size());
    for (Task<?> t : tasks) {
      if (!(t instanceof HeldTask<?> h)) {
        throw new IllegalArgumentException("not a task from take/takeBatch: " + t);
      }
      if (from == null) {
        from = h.queue;
      } else if (from != h.queue) {
        throw new IllegalArgumentException("all tasks must come from one queue; got '"
            + from.name() + "' and '" + h.queue.name() + "'");
      }
      held.add(h);
    }
    for (HeldTask<?> h : held) {
      if (h.finished.get()) {
        h.finish(); // throws the "already finished" error before anything is sent
      }
    }
    held.forEach(HeldTask::finish);
    from.done(held, this, jsons, new ArrayList<>(results));
  }

  private void done(List<HeldTask<?>> tasks, NamedQueue results, List<byte[]> jsons,
      List<Object> values) {
    List<Long> ids = new ArrayList<>(tasks.size());
    tasks.forEach(t -> ids.add(t.id));
    if (rawDonePipelined(ids, results, jsons, values)) {
      return;
    }
    String dropped = droppedResults(ids.size(), rawDone(ids, results, jsons));
    if (dropped != null) {
      throw new DistributedQueueException(dropped);
    }
  }

  /** @return why results were dropped, or {@code null} if every task was still held */
  String droppedResults(int tasks, int accepted) {
    if (accepted == tasks) {
      return null;
    }
    return (tasks - accepted) + " of " + tasks + " tasks of queue '" + name + "' were no longer "
        + "held here (already finished, or requeued after a lost connection); their results "
        + "were dropped so that no task yields two results";
  }

  private List<Raw> takeRaw(long ms, int max, boolean autoAck) {
    List<Raw> raw = rawTake(ms, max, autoAck);
    if (raw == null || raw.isEmpty()) {
      throw new QueueEmptyException("queue '" + name + "' " + where() + " stayed empty for "
          + ms + " ms");
    }
    return raw;
  }

  private QueueFullException full(long ms) {
    return new QueueFullException("queue '" + name + "' " + where() + " stayed full for "
        + ms + " ms");
  }

  byte[] toJson(Object value) {
    if (defaultMapper) {
      byte[] plain = JsonScalars.write(value);
      if (plain != null) {
        return plain;
      }
    }
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a " + (value == null ? "null"
          : value.getClass().getName()) + " as JSON for queue '" + name + "': "
          + e.getOriginalMessage(), e);
    }
  }

  <T> T fromJson(byte[] json, Class<T> type) {
    if (defaultMapper) {
      Object plain = JsonScalars.read(json, type);
      if (plain != JsonScalars.DECLINED) {
        return type.cast(plain);
      }
    }
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("a value in queue '" + name + "' cannot be read as "
          + type.getName() + ": " + e.getMessage(), e);
    }
  }

  static long millis(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or positive, got " + timeout);
    }
    try {
      return timeout.toMillis();
    } catch (ArithmeticException e) {
      return FOREVER;
    }
  }

  private static int checkMax(int max) {
    return Options.atLeast(max, 1, "max");
  }

  /** A held task; finishing it twice is a programming error, reported loudly. */
  private static final class HeldTask<T> implements Task<T> {
    private final JsonQueue queue;
    private final long id;
    private final T value;
    private final AtomicBoolean finished = new AtomicBoolean();

    HeldTask(JsonQueue queue, long id, T value) {
      this.queue = queue;
      this.id = id;
      this.value = value;
    }

    @Override
    public long id() {
      return id;
    }

    @Override
    public T value() {
      return value;
    }

    @Override
    public void done(NamedQueue results, Object result) {
      Objects.requireNonNull(results, "results");
      results.putResults(List.of(this), java.util.Collections.singletonList(result));
    }

    @Override
    public void ack() {
      finish();
      queue.rawAck(id);
    }

    @Override
    public void release() {
      finish();
      queue.rawRelease(id);
    }

    void finish() {
      if (!finished.compareAndSet(false, true)) {
        throw new IllegalStateException("task " + id + " of queue '" + queue.name()
            + "' was already finished (done, ack or release)");
      }
    }

    @Override
    public String toString() {
      return "Task[" + queue.name() + "#" + id + ": " + value + "]";
    }
  }
}
