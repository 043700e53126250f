package org.pyport.distributed;

import java.time.Duration;

/** Checks shared by the manager's and the client's builders, so both refuse the same values in the same words. */
final class Options {

  /** The smallest frame limit a builder accepts: a handshake and a small task must always fit. */
  static final int MIN_FRAME_BYTES = 1024;

  private Options() {
  }

  static int maxFrameBytes(int bytes) {
    return atLeast(bytes, MIN_FRAME_BYTES, "maxFrameBytes");
  }

  /** A count or size with a lower bound. */
  static int atLeast(int value, int min, String what) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** A count or number within bounds, both included. */
  static int between(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  /** A timeout: positive and small enough for the millisecond timers that enforce it. */
  static Duration positive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
    return d;
  }
}
