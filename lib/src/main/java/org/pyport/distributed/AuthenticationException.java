package org.pyport.distributed;

/** The manager rejected our authkey, or could not prove it knows it: Python's {@code AuthenticationError}. */
public final class AuthenticationException extends DistributedQueueException {
  private static final long serialVersionUID = 1L;

  /** @param message who rejected whom */
  public AuthenticationException(String message) {
    super(message);
  }
}
