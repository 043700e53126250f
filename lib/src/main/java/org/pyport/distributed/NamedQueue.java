package org.pyport.distributed;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A queue served by a {@link QueueManager}, seen either from the manager's own JVM ({@link
 * QueueManager#queue}) or over the network ({@link QueueClient#queue}, a {@link RemoteQueue}).
 * Values are converted to and from JSON with the side's Jackson {@code ObjectMapper}: numbers,
 * strings, booleans, lists, maps, records and POJOs.
 *
 * <p>Two ways to consume: {@link #get} removes a value (Python's {@code queue.get}); {@link #take}
 * hands out a {@link Task} that stays with the manager until {@link Task#done} or {@link
 * Task#ack}: if the taker's connection drops first, it goes back to the queue.
 */
public interface NamedQueue {
  /** @return the name the queue was registered under */
  String name();

  /**
   * Adds a value, waiting as long as it takes while a bounded queue is full.
   *
   * @param value anything Jackson can write as JSON
   */
  void put(Object value);

  /**
   * Adds a value, waiting at most {@code timeout} while a bounded queue is full.
   *
   * @param value anything Jackson can write as JSON
   * @param timeout how long to wait for room; {@link Duration#ZERO} = don't wait
   * @throws QueueFullException if the queue stayed full
   */
  void put(Object value, Duration timeout);

  /**
   * Removes and returns the next value, waiting as long as it takes.
   *
   * @return the value as Jackson reads JSON into {@code Object}: Integer/Long/Double, String,
   *     Boolean, List, Map or null
   */
  Object get();

  /**
   * Removes and returns the next value, waiting at most {@code timeout}.
   *
   * @param timeout how long to wait; {@link Duration#ZERO} = don't wait (Python's get_nowait)
   * @return the value, as for {@link #get()}
   * @throws QueueEmptyException if nothing arrived in time
   */
  Object get(Duration timeout);

  /**
   * Removes the next value and converts it to {@code type}.
   *
   * @param <T> the value type
   * @param type a record, POJO or JDK type Jackson can read
   * @param timeout how long to wait
   * @return the value
   * @throws QueueEmptyException if nothing arrived in time
   */
  <T> T get(Class<T> type, Duration timeout);

  /**
   * Takes the next value as a task that stays with the manager until acknowledged.
   *
   * @param timeout how long to wait
   * @return the task
   * @throws QueueEmptyException if nothing arrived in time
   */
  Task<Object> take(Duration timeout);

  /**
   * Takes the next value as a task, converting the value to {@code type}.
   *
   * @param <T> the value type
   * @param type a record, POJO or JDK type Jackson can read
   * @param timeout how long to wait
   * @return the task
   * @throws QueueEmptyException if nothing arrived in time
   */
  <T> Task<T> take(Class<T> type, Duration timeout);

  /**
   * Adds several values in order with one message to the manager: the fast way to fill a queue.
   * Waits as long as it takes while a bounded queue is full.
   *
   * @param values anything Jackson can write as JSON
   */
  void putAll(Collection<?> values);

  /**
   * Removes up to {@code max} values: waits at most {@code timeout} for the first, then takes
   * whatever else is already there, with one message to the manager.
   *
   * @param <T> the value type
   * @param type a record, POJO or JDK type Jackson can read ({@code Object.class}: as {@link #get})
   * @param max at most this many
   * @param timeout how long to wait for the first
   * @return 1 to {@code max} values
   * @throws QueueEmptyException if nothing arrived in time
   */
  <T> List<T> getBatch(Class<T> type, int max, Duration timeout);

  /**
   * Takes up to {@code max} values as tasks (see {@link #take(Class, Duration)}): waits at most
   * {@code timeout} for the first, then takes whatever else is already there.
   *
   * @param <T> the value type
   * @param type a record, POJO or JDK type Jackson can read
   * @param max at most this many
   * @param timeout how long to wait for the first
   * @return 1 to {@code max} tasks
   * @throws QueueEmptyException if nothing arrived in time
   */
  <T> List<Task<T>> takeBatch(Class<T> type, int max, Duration timeout);

  /**
   * Puts results into this queue and acknowledges their tasks, with one message: for each task,
   * as {@link Task#done} does, either both happen or neither.
   *
   * @param tasks tasks taken from one queue of the same client or manager
   * @param results one result per task, in the same order
   * @throws IllegalStateException if a task was already finished
   */
  void putResults(List<? extends Task<?>> tasks, List<?> results);

  /** @return how many values wait in the queue (Python's {@code qsize()}), not counting held tasks */
  int size();
}
