package org.pyport.distributed;

/** A bounded queue stayed full for the whole timeout: the counterpart of Python's {@code queue.Full}. */
public final class QueueFullException extends DistributedQueueException {
  private static final long serialVersionUID = 1L;

  /** @param message which queue, its bound and how long we waited */
  public QueueFullException(String message) {
    super(message);
  }
}
