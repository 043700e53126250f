package org.pyport.distributed;

import java.io.IOException;

/** A frame that breaks the protocol: truncated, oversized or malformed. Closes its connection. */
final class FrameException extends IOException {
  private static final long serialVersionUID = 1L;

  FrameException(String message) {
    super(message);
  }
}
