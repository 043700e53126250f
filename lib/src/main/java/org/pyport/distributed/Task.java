package org.pyport.distributed;

/**
 * A value taken from a {@link NamedQueue} with {@link NamedQueue#take}. The manager keeps it until
 * one of {@link #done}, {@link #ack} or {@link #release} is called; if the taker's connection
 * drops before that, the value goes back to the head of its queue for another worker.
 *
 * @param <T> the value type
 */
public interface Task<T> {
  /** @return the manager's id of this task; it keeps its id if it is requeued */
  long id();

  /** @return the value that was put */
  T value();

  /**
   * Puts {@code result} into {@code results} and acknowledges this task, in one step on the
   * manager: either both happen or neither. A task therefore yields at most one result, even if
   * a worker dies and another one redoes it.
   *
   * @param results a queue of the same manager (from the same client or manager)
   * @param result anything Jackson can write as JSON
   * @throws IllegalStateException if this task was already finished
   */
  void done(NamedQueue results, Object result);

  /** Acknowledges the task without a result: the manager forgets it. */
  void ack();

  /** Gives the task back: it returns to the head of its queue. */
  void release();
}
