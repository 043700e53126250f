package org.pyport.distributed;

/** Base class of the errors this package throws; unchecked, like the rest of pyport-lib. */
public class DistributedQueueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong and, where possible, what to do */
  public DistributedQueueException(String message) {
    super(message);
  }

  /** @param message what went wrong @param cause the underlying error */
  public DistributedQueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
