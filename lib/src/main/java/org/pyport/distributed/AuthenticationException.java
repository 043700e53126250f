package org.pyport.distributed;

/**
 * The HMAC challenge–response failed: the manager rejected our authkey, or the manager could not
 * prove it knows it. The counterpart of Python's {@code multiprocessing.AuthenticationError}.
 */
public final class AuthenticationException extends DistributedQueueException {
  private static final long serialVersionUID = 1L;

  /** @param message who rejected whom */
  public AuthenticationException(String message) {
    super(message);
  }
}
