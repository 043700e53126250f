package org.pyport.distributed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
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

  private final String name;
  private final ObjectMapper mapper;

  JsonQueue(String name, ObjectMapper mapper) {
    this.name = name;
    this.mapper = mapper;
  }

  /** Adds; false if a bounded queue stayed full for {@code timeoutMillis} (-1 = forever). */
  abstract boolean rawPut(byte[] json, long timeoutMillis);

  /** Takes and holds; null if nothing arrived within {@code timeoutMillis} (-1 = forever). */
  abstract Raw rawTake(long timeoutMillis);

  /** Acknowledges without waiting for the manager's answer (used by get). */
  abstract void rawAck(long id, boolean waitForAnswer);

  abstract void rawRelease(long id);

  /** Result into {@code results} and ack of {@code id}, atomically on the manager. */
  abstract void rawDone(long id, NamedQueue results, byte[] json);

  /** A message that says where this queue lives, for errors. */
  abstract String where();

  @Override
  public String name() {
    return name;
  }

  @Override
  public void put(Object value) {
    rawPut(toJson(value), FOREVER);
  }

  @Override
  public void put(Object value, Duration timeout) {
    long ms = millis(timeout);
    if (!rawPut(toJson(value), ms)) {
      throw new QueueFullException("queue '" + name + "' " + where() + " stayed full for "
          + ms + " ms");
    }
  }

  @Override
  public Object get() {
    return get(Object.class, FOREVER);
  }

  @Override
  public Object get(Duration timeout) {
    return get(Object.class, millis(timeout));
  }

  @Override
  public <T> T get(Class<T> type, Duration timeout) {
    return get(type, millis(timeout));
  }

  private <T> T get(Class<T> type, long ms) {
    Raw raw = takeRaw(ms);
    // acknowledge before decoding: a value this JVM cannot decode is still consumed, like Python
    rawAck(raw.id(), false);
    return fromJson(raw.json(), type);
  }

  @Override
  public Task<Object> take(Duration timeout) {
    return take(Object.class, timeout);
  }

  @Override
  public <T> Task<T> take(Class<T> type, Duration timeout) {
    Raw raw = takeRaw(millis(timeout));
    T value;
    try {
      value = fromJson(raw.json(), type);
    } catch (RuntimeException e) {
      rawRelease(raw.id()); // someone else may be able to read it; nothing is lost
      throw e;
    }
    return new HeldTask<>(this, raw.id(), value);
  }

  private Raw takeRaw(long ms) {
    Raw raw = rawTake(ms);
    if (raw == null) {
      throw new QueueEmptyException("queue '" + name + "' " + where() + " stayed empty for "
          + ms + " ms");
    }
    return raw;
  }

  byte[] toJson(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a " + (value == null ? "null"
          : value.getClass().getName()) + " as JSON for queue '" + name + "': "
          + e.getOriginalMessage(), e);
    }
  }

  <T> T fromJson(byte[] json, Class<T> type) {
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
      byte[] json = queue.toJson(result); // before finishing: a bad result leaves the task held
      finish();
      queue.rawDone(id, results, json);
    }

    @Override
    public void ack() {
      finish();
      queue.rawAck(id, true);
    }

    @Override
    public void release() {
      finish();
      queue.rawRelease(id);
    }

    private void finish() {
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
