package org.pyport.distributed;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A value taken from a {@link NamedQueue} with {@link NamedQueue#take}. The manager keeps it until
 * one of {@link #done}, {@link #ack} or {@link #release} is called; if the taker's connection
 * drops before that, the value goes back to the head of its queue for another worker. Finishing a
 * task twice is a programming error, reported loudly.
 *
 * @param <T> the value type
 */
public final class Task<T> {
  final NamedQueue queue;
  private final long id;
  private final T value;
  private final AtomicBoolean finished = new AtomicBoolean();

  Task(NamedQueue queue, long id, T value) {
    this.queue = queue;
    this.id = id;
    this.value = value;
  }

  /** @return the manager's id of this task, kept if it is requeued */
  public long id() {
    return id;
  }

  /** @return the value that was put */
  public T value() {
    return value;
  }

  /**
   * Puts {@code result} into {@code results} (a queue of the same client) and acknowledges this task
   * in one step on the manager: both happen or neither, so a task yields at most one result, even if
   * a worker dies and another redoes it.
   */
  public void done(NamedQueue results, Object result) {
    Objects.requireNonNull(results, "results").putResults(List.of(this), Collections.singletonList(result));
  }

  /** Acknowledges the task without a result: the manager forgets it (an error if it was requeued meanwhile). */
  public void ack() {
    markFinished();
    if (!queue.finish(Wire.ACK, id)) {
      throw new DistributedQueueException("task " + id + " of queue '" + queue.name()
          + "' is no longer held by this client (requeued after a lost connection)");
    }
  }

  /** Gives the task back: it returns to the head of its queue. */
  public void release() {
    markFinished();
    queue.finish(Wire.RELEASE, id);
  }

  void markFinished() {
    if (!finished.compareAndSet(false, true)) {
      throw new IllegalStateException("task " + id + " of queue '" + queue.name()
          + "' was already finished (done, ack or release)");
    }
  }

  @Override
  public String toString() {
    return "Task[" + id + " of '" + queue.name() + "': " + value + "]";
  }
}
