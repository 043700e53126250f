package org.pyport.distributed;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Length-prefixed frames: a 4-byte big-endian length, then that many payload bytes.
 *
 * <p>Reading waits without limit for the first byte of a frame (an idle peer is normal: a worker
 * may wait minutes for a task), but once a frame has started the rest must arrive within {@code
 * frameTimeoutMillis}; otherwise the frame counts as truncated. The length is checked against the
 * limit before any allocation, so an oversized header costs nothing.
 */
final class Frames {
  /** Default limit on one frame's payload: 16 MiB. */
  static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;

  private final Socket socket;
  private final InputStream in;
  private final int frameTimeoutMillis;

  Frames(Socket socket, int frameTimeoutMillis) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    this.frameTimeoutMillis = frameTimeoutMillis;
  }

  /** Whether bytes are already buffered, i.e. another frame can be read without blocking. */
  boolean hasBuffered() throws IOException {
    return in.available() > 0;
  }

  /**
   * Reads one frame.
   *
   * @param idleTimeoutMillis how long to wait for the frame to start; 0 = forever
   * @return the payload, or {@code null} if the peer closed the connection between frames
   * @throws FrameException if the frame is oversized or truncated
   * @throws SocketTimeoutException if no frame started within {@code idleTimeoutMillis}
   */
  byte[] read(int maxBytes, int idleTimeoutMillis) throws IOException {
    socket.setSoTimeout(idleTimeoutMillis);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    socket.setSoTimeout(frameTimeoutMillis);
    byte[] header = new byte[4];
    header[0] = (byte) first;
    readFully(header, 1, 3, "frame header");
    int length = ((header[0] & 0xff) << 24) | ((header[1] & 0xff) << 16)
        | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
    if (length < 0 || length > maxBytes) {
      throw new FrameException("frame of " + Integer.toUnsignedString(length)
          + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
    byte[] payload = new byte[length];
    readFully(payload, 0, length, "frame of " + length + " bytes");
    return payload;
  }

  private void readFully(byte[] buffer, int offset, int length, String what) throws IOException {
    int done = 0;
    try {
      while (done < length) {
        int n = in.read(buffer, offset + done, length - done);
        if (n < 0) {
          throw new EOFException();
        }
        done += n;
      }
    } catch (EOFException e) {
      throw new FrameException("truncated " + what + ": connection closed after "
          + done + " of " + length + " bytes");
    } catch (SocketTimeoutException e) {
      throw new FrameException("truncated " + what + ": only " + done + " of " + length
          + " bytes arrived within " + frameTimeoutMillis + " ms");
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
