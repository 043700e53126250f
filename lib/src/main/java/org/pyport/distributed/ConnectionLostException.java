package org.pyport.distributed;

/**
 * The connection to the manager is gone or was refused; the message says why. What this client took
 * and did not finish goes back to its queues; what its puts confirmed is stored.
 */
public final class ConnectionLostException extends DistributedQueueException {
  private static final long serialVersionUID = 3L;

  /** @param message which connection, and what happened @param cause the I/O error, if any */
  public ConnectionLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
