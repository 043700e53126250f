package org.pyport.distributed;

/** Nothing arrived in the queue within the timeout: the counterpart of Python's {@code queue.Empty}. */
public final class QueueEmptyException extends DistributedQueueException {
  private static final long serialVersionUID = 1L;

  /** @param message which queue and how long we waited */
  public QueueEmptyException(String message) {
    super(message);
  }
}
