package org.pyport.distributed;

/**
 * The connection to the manager is gone (manager closed, network error, or the manager closed it
 * because of a protocol error). Tasks this client had taken but not acknowledged go back to their
 * queue on the manager.
 */
public final class ConnectionLostException extends DistributedQueueException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which connection
   * @param cause the I/O error, if any
   */
  public ConnectionLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
