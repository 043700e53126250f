package org.pyport.distributed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Length-prefixed frames: a 4-byte big-endian length, then that many payload bytes.
 *
 * <p>Reading waits without limit for the first byte of a frame (an idle peer is normal: a worker
 * may wait minutes for a task), but once a frame has started the rest must arrive within {@code
 * frameTimeoutMillis}; otherwise the frame counts as truncated. The length is checked against the
 * limit before any allocation, so an oversized header costs nothing.
 *
 * <p>Why no {@code Socket.setSoTimeout}: on JDK 17 a socket read once with a timeout turns
 * non-blocking for good, and every later wait costs three system calls (read, poll, read) instead
 * of one. Timeouts are therefore alarms ({@link Timer}) that close the socket when they expire,
 * armed only around the waits that need them (a handshake, the rest of a split frame); the common
 * case, a whole frame arriving in one read, arms nothing. The input is buffered here, so whether
 * another frame is already there is known without asking the kernel.
 */
final class Frames {
  /** Default limit on one frame's payload: 16 MiB. */
  static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;

  private static final int BUFFER_BYTES = 64 * 1024;

  /** Runs an action later; how a side without its own timer thread arms an alarm. */
  interface Timer {
    /**
     * @param millis delay
     * @param action what to run then
     * @return cancels the action (no effect once it ran)
     */
    Runnable schedule(long millis, Runnable action);

    /**
     * A short-lived daemon thread per alarm, for a side without a timer thread of its own (a
     * client): alarms are rare (a handshake, a frame split across reads), and a cancelled one
     * ends at once, so nothing outlives its use.
     */
    static Timer threadPerAlarm(String name) {
      return (millis, action) -> {
        AtomicBoolean cancelled = new AtomicBoolean();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        Thread t = new Thread(() -> {
          while (!cancelled.get()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              action.run();
              return;
            }
            LockSupport.parkNanos(left);
          }
        }, name);
        t.setDaemon(true);
        t.start();
        return () -> {
          cancelled.set(true);
          LockSupport.unpark(t);
        };
      };
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final int frameTimeoutMillis;
  private final Timer timer;
  private final byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int lim;
  /** Set by an expired alarm before it closes the socket: why the read failed. */
  private volatile String expired;

  Frames(Socket socket, int frameTimeoutMillis, Timer timer) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.frameTimeoutMillis = frameTimeoutMillis;
    this.timer = timer;
  }

  /** Whether bytes are already buffered, i.e. another frame may be read without blocking. */
  boolean hasBuffered() {
    return lim > pos;
  }

  /**
   * Reads one frame.
   *
   * @param idleTimeoutMillis how long the whole frame may take, waiting included; 0 = wait
   *     forever for the first byte, then {@code frameTimeoutMillis} for the rest
   * @return the payload, or {@code null} if the peer closed the connection between frames
   * @throws FrameException if the frame is oversized or truncated
   * @throws SocketTimeoutException if the frame did not arrive within {@code idleTimeoutMillis}
   */
  byte[] read(int maxBytes, int idleTimeoutMillis) throws IOException {
    Runnable cancelIdle = idleTimeoutMillis > 0
        ? arm(idleTimeoutMillis, "idle") : null;
    Runnable[] stall = {null};
    try {
      if (pos == lim && !fill(1, null, 0, 0, stall)) {
        if (expired != null) {
          throw new SocketTimeoutException("no frame within " + idleTimeoutMillis + " ms");
        }
        return null;
      }
      while (lim - pos < 4) {
        fill(4, "frame header", lim - pos, 4, cancelIdle == null ? stall : null);
      }
      int length = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16)
          | ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
      if (length < 0 || length > maxBytes) {
        throw new FrameException("frame of " + Integer.toUnsignedString(length)
            + " bytes exceeds the limit of " + maxBytes + " bytes");
      }
      pos += 4;
      byte[] payload = new byte[length];
      int done = Math.min(length, lim - pos);
      System.arraycopy(buf, pos, payload, 0, done);
      pos += done;
      String what = done < length ? "frame of " + length + " bytes" : null;
      while (done < length) {
        Runnable[] guard = cancelIdle == null ? stall : null;
        if (length - done >= BUFFER_BYTES / 2) {
          // a big rest goes straight into the payload
          done += readSome(payload, done, length - done, what, done, length, guard);
        } else {
          fill(1, what, done, length, guard);
          int n = Math.min(length - done, lim - pos);
          System.arraycopy(buf, pos, payload, done, n);
          pos += n;
          done += n;
        }
      }
      return payload;
    } finally {
      if (cancelIdle != null) {
        cancelIdle.run();
      }
      if (stall[0] != null) {
        stall[0].run();
      }
    }
  }

  /**
   * Reads at least {@code need} more bytes into the buffer (one read if they come together).
   * {@code what == null}: waiting between frames, end of stream returns false.
   */
  private boolean fill(int need, String what, int done, int length, Runnable[] stall)
      throws IOException {
    if (pos == lim) {
      pos = 0;
      lim = 0;
    } else if (buf.length - lim < need) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    int n = readSome(buf, lim, buf.length - lim, what, done, length, stall);
    if (n < 0) {
      return false;
    }
    lim += n;
    return true;
  }

  /** One blocking read; inside a frame, arms the stall alarm first (once per frame). */
  private int readSome(byte[] into, int off, int len, String what, int done, int length,
      Runnable[] stall) throws IOException {
    if (what != null && stall != null && stall[0] == null) {
      stall[0] = arm(frameTimeoutMillis, "stall");
    }
    int n;
    try {
      n = in.read(into, off, len);
    } catch (IOException e) {
      String why = expired;
      if (why == null) {
        throw e;
      }
      if (why.equals("idle")) {
        throw new SocketTimeoutException("no frame within the handshake timeout");
      }
      throw new FrameException("truncated " + what + ": only " + done + " of " + length
          + " bytes arrived within " + frameTimeoutMillis + " ms");
    }
    if (n < 0) {
      if (what == null) {
        return -1;
      }
      throw new FrameException("truncated " + what + ": connection closed after "
          + done + " of " + length + " bytes");
    }
    return n;
  }

  private Runnable arm(long millis, String why) throws IOException {
    try {
      return timer.schedule(millis, () -> {
        expired = why;
        try {
          socket.close(); // wakes the blocked read
        } catch (IOException e) {
          // closing anyway
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new IOException("shutting down", e); // the manager's timer is gone: it is closing
    }
  }

  /** Writes one frame; the caller synchronizes and flushes. */
  static void write(OutputStream out, byte[] payload, int offset, int length) throws IOException {
    out.write(length >>> 24);
    out.write(length >>> 16);
    out.write(length >>> 8);
    out.write(length);
    out.write(payload, offset, length);
  }
}
