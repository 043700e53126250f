package org.pyport.distributed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The wire format after the handshake (layout in the package documentation): length-prefixed frames,
 * read with plain blocking reads (a socket timeout would cost a poll and a second read per frame), each
 * holding one message. A client sends one request and reads its reply before it sends the next.
 */
final class Wire {
  static final byte PUT = 1, GET = 2, TAKE = 3, DONE = 4, ACK = 5, RELEASE = 6, SIZE = 7;
  static final byte OK = 1, FULL = 2, ITEMS = 3, EMPTY = 4, SIZE_IS = 5, STALE = 6, ERROR = 7;
  static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;
  /** What an item costs in a reply besides its JSON (id, length), and a reply besides its items. */
  static final int ITEM_BYTES = 12, ITEMS_HEADER_BYTES = 5;
  private static final int FIRST_CHUNK = 8 << 10;

  /** A value as it travels: the manager's task id and the JSON bytes. */
  record Item(long id, byte[] json) {}

  private Wire() {}

  /** A buffered input that tells how much it holds without asking the socket. */
  static final class Input extends BufferedInputStream {
    Input(InputStream in) {
      super(in, 64 << 10);
    }

    int buffered() {
      return count - pos;
    }
  }

  /** Closes a connection whose frame stays incomplete for {@code millis}: a peer that stops mid-frame holds no thread. */
  static final class StallGuard {
    private final ScheduledExecutorService timer;
    private final Closeable connection;
    private final int millis;
    private volatile boolean fired;

    StallGuard(ScheduledExecutorService timer, Closeable connection, int millis) {
      this.timer = timer;
      this.connection = connection;
      this.millis = millis;
    }

    private ScheduledFuture<?> arm() throws IOException {
      try {
        return timer.schedule(() -> {
          fired = true;
          QueueManager.closeQuietly(connection); // wakes the blocked read
        }, millis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        throw new IOException("shutting down", e); // the manager's timer is gone: it is closing
      }
    }
  }

  /**
   * Reads one frame, or returns null if the peer closed the connection between frames. The buffer
   * grows with the bytes that arrive: a header announcing 16 MiB costs nothing until they come. The
   * guard (null: none) is armed only when the frame is not all there yet.
   */
  static byte[] read(Input in, int maxBytes, StallGuard guard) throws IOException {
    int first = in.read();
    if (first < 0) return null;
    ScheduledFuture<?> alarm = guard != null && in.buffered() < 3 ? guard.arm() : null;
    int length = first << 24;
    int done = 0;
    try {
      for (int shift = 16; shift >= 0; shift -= 8) {
        int b = in.read();
        if (b < 0) {
          throw new FrameException("truncated frame header: connection closed after " + (3 - shift / 8) + " of 4 bytes");
        }
        length |= b << shift;
      }
      if (length < 0 || length > maxBytes) {
        throw new FrameException("frame of " + Integer.toUnsignedString(length)
            + " bytes exceeds the limit of " + maxBytes + " bytes");
      }
      if (guard != null && alarm == null && in.buffered() < length) alarm = guard.arm();
      byte[] payload = new byte[Math.min(length, FIRST_CHUNK)];
      while (done < length) {
        if (done == payload.length) {
          payload = Arrays.copyOf(payload, (int) Math.min(length, 2L * payload.length));
        }
        int n = in.read(payload, done, payload.length - done);
        if (n < 0) {
          throw new FrameException("truncated frame of " + length + " bytes: connection closed after "
              + done + " of " + length + " bytes");
        }
        done += n;
      }
      return payload;
    } catch (IOException e) {
      if (guard != null && guard.fired && !(e instanceof FrameException)) {
        throw new FrameException("truncated frame of " + length + " bytes: only " + done + " of "
            + length + " bytes arrived within " + guard.millis + " ms");
      }
      throw e;
    } finally {
      if (alarm != null) alarm.cancel(false);
    }
  }

  /** Writes one frame of the first {@code length} bytes of {@code payload}; the caller flushes. */
  static void write(OutputStream out, byte[] payload, int length) throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(length).array());
    out.write(payload, 0, length);
  }

  /** Builds one message. */
  static final class Out extends ByteArrayOutputStream {
    Out(byte op) {
      super(64);
      write(op);
    }

    Out i32(int v) {
      writeBytes(ByteBuffer.allocate(4).putInt(v).array());
      return this;
    }

    Out i64(long v) {
      writeBytes(ByteBuffer.allocate(8).putLong(v).array());
      return this;
    }

    Out str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xffff) throw new IllegalArgumentException("name longer than 65535 UTF-8 bytes");
      write(b.length >>> 8);
      write(b.length);
      writeBytes(b);
      return this;
    }

    Out blob(byte[] b) {
      i32(b.length).writeBytes(b);
      return this;
    }

    Out items(List<Item> items) {
      i32(items.size());
      items.forEach(item -> i64(item.id()).blob(item.json()));
      return this;
    }

    /** Writes this message as a frame, without copying it; the caller flushes. */
    void frameTo(OutputStream out) throws IOException {
      Wire.write(out, buf, count);
    }
  }

  /** Reads one message; a field past the end is a malformed message. */
  static final class In {
    private final ByteBuffer b;

    In(byte[] payload) {
      b = ByteBuffer.wrap(payload);
    }

    private ByteBuffer need(int n) throws FrameException {
      if (b.remaining() < n) throw malformed("it ends after " + b.position() + " bytes");
      return b;
    }

    byte u8() throws FrameException {
      return need(1).get();
    }

    int i32() throws FrameException {
      return need(4).getInt();
    }

    long i64() throws FrameException {
      return need(8).getLong();
    }

    String str() throws FrameException { // a name: not UTF-8 is just a name that is not registered
      byte[] name = new byte[need(2).getShort() & 0xffff];
      if (name.length > b.remaining()) {
        throw malformed("string of " + name.length + " bytes runs past the end");
      }
      b.get(name);
      return new String(name, StandardCharsets.UTF_8);
    }

    byte[] blob() throws FrameException {
      int n = count(1);
      byte[] out = new byte[n];
      b.get(out);
      return out;
    }

    /** A count of entries of at least {@code minBytes} each, checked against what is left. */
    int count(int minBytes) throws FrameException {
      int n = i32();
      if (n < 0 || (long) n * minBytes > b.remaining()) {
        throw malformed("count " + n + " does not fit in the frame");
      }
      return n;
    }

    List<Item> items() throws FrameException {
      int n = count(ITEM_BYTES);
      List<Item> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(new Item(i64(), blob()));
      }
      return out;
    }

    void end() throws FrameException {
      if (b.hasRemaining()) throw malformed(b.remaining() + " unexpected trailing bytes");
    }

    private static FrameException malformed(String what) {
      return new FrameException("malformed message: " + what);
    }
  }
}
