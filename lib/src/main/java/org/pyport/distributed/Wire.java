package org.pyport.distributed;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The message layout inside a frame (after the handshake). All integers big-endian.
 *
 * <pre>
 * request : op:u8  requestId:i32  queue:str  body
 *   PUT     timeoutMillis:i64 count:i32 (len:i32 json)*      (timeout -1 = wait forever)
 *   TAKE    timeoutMillis:i64 max:i32 flags:u8     (bit 0 autoAck: a get, not held;
 *                                                   bit 1 prefetch: slow start applies)
 *   ACK     taskId:i64                        (requestId 0 = no reply wanted)
 *   DONE    resultQueue:str count:i32 (taskId:i64 len:i32 json)*
 *   RELEASE taskId:i64                        (requestId 0 = no reply wanted)
 *   SIZE
 *   CANCEL  (requestId names the TAKE to cancel)
 *   ACKS    count:i32 taskId:i64*             (several acks in one frame; requestId 0 = no reply)
 * response: status:u8  requestId:i32  body
 *   OK n:i32 | FULL stored:i32 | ITEMS count:i32 (taskId:i64 len:i32 json)* | EMPTY
 *   | SIZE n:i32 maxSize:i32 (0 = unbounded) | ERROR message:str | STALE
 * str     : length:u16 utf8
 * </pre>
 *
 * <p>Replies come back in request order for requests served at once; a client may therefore
 * pipeline: send PUT, DONE and ACK without waiting, and match the replies by request id later.
 * A TAKE served with max &gt; 1 gets at most its fair share of what is queued (see {@link
 * ServedQueue#take}).
 */
final class Wire {
  static final byte PUT = 1, TAKE = 2, ACK = 3, DONE = 4, RELEASE = 5, SIZE = 6, CANCEL = 7,
      ACKS = 8;
  static final int TAKE_AUTO_ACK = 1, TAKE_PREFETCH = 2;
  static final byte OK = 1, ITEMS = 2, EMPTY = 3, FULL = 4, SIZE_IS = 5, ERROR = 6, STALE = 7;

  private Wire() {}

  /** A growable buffer that writes the frame header in place, so a message is copied once. */
  static final class Out extends ByteArrayOutputStream {
    Out(int capacity) {
      super(capacity + 4);
      count = 4; // room for the frame length
    }

    Out u8(int v) {
      write(v);
      return this;
    }

    Out i32(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
      return this;
    }

    Out i64(long v) {
      return i32((int) (v >>> 32)).i32((int) v);
    }

    Out str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xffff) {
        throw new IllegalArgumentException("name longer than 65535 UTF-8 bytes");
      }
      write(b.length >>> 8);
      write(b.length);
      write(b, 0, b.length);
      return this;
    }

    Out blob(byte[] b) {
      i32(b.length);
      write(b, 0, b.length);
      return this;
    }

    Out bytes(byte[] b) {
      write(b, 0, b.length);
      return this;
    }

    /** Payload length, without the 4-byte frame header. */
    int payloadLength() {
      return count - 4;
    }

    /** The whole frame (header + payload), ready for the socket. */
    byte[] frame() {
      int n = count - 4;
      buf[0] = (byte) (n >>> 24);
      buf[1] = (byte) (n >>> 16);
      buf[2] = (byte) (n >>> 8);
      buf[3] = (byte) n;
      return buf;
    }

    int frameLength() {
      return count;
    }
  }

  /** Reads a message; a field past the end is a malformed frame. */
  static final class In {
    private final byte[] b;
    private int pos;

    In(byte[] payload) {
      b = payload;
    }

    private void need(int n, String what) throws FrameException {
      if (b.length - pos < n) {
        throw malformed(what);
      }
    }

    int u8() throws FrameException {
      need(1, "missing byte");
      return b[pos++] & 0xff;
    }

    int i32() throws FrameException {
      need(4, "missing int");
      int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8)
          | (b[pos + 3] & 0xff);
      pos += 4;
      return v;
    }

    long i64() throws FrameException {
      need(8, "missing long");
      long hi = i32();
      return (hi << 32) | (i32() & 0xffffffffL);
    }

    String str() throws FrameException {
      need(2, "missing string");
      int n = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
      pos += 2;
      if (n > b.length - pos) {
        throw malformed("string of " + n + " bytes runs past the end");
      }
      int at = pos;
      pos += n;
      boolean ascii = true;
      for (int i = at; i < at + n && ascii; i++) {
        ascii = b[i] >= 0;
      }
      if (ascii) {
        // the common case (queue names): no decoder to allocate; ASCII is valid UTF-8
        return new String(b, at, n, StandardCharsets.ISO_8859_1);
      }
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b, at, n)).toString();
      } catch (CharacterCodingException e) {
        throw malformed("string is not UTF-8");
      }
    }

    /** Reads a message's first byte (operation or status) and returns the request id after it. */
    int skipOpAndReadInt() {
      try {
        u8();
        return i32();
      } catch (FrameException e) {
        throw new DistributedQueueException("malformed message: " + e.getMessage(), e);
      }
    }

    /** Reads a reply's status, request id and the long after them (a task id). */
    long skipHeaderAndReadLong() {
      try {
        u8();
        i32();
        return i64();
      } catch (FrameException e) {
        throw new DistributedQueueException("malformed reply from the manager: " + e.getMessage(), e);
      }
    }

    /** Reads a length-prefixed byte string. */
    byte[] blob() throws FrameException {
      int n = i32();
      if (n < 0 || n > b.length - pos) {
        throw malformed("value of " + n + " bytes runs past the end");
      }
      byte[] r = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return r;
    }

    /** Reads a count of entries, each at least {@code minBytes} long, and checks it fits. */
    int count(int minBytes) throws FrameException {
      int n = i32();
      if (n < 0 || (long) n * minBytes > b.length - pos) {
        throw malformed("count " + n + " does not fit in the frame");
      }
      return n;
    }

    byte[] rest() {
      byte[] r = java.util.Arrays.copyOfRange(b, pos, b.length);
      pos = b.length;
      return r;
    }

    void end() throws FrameException {
      if (pos < b.length) {
        throw malformed((b.length - pos) + " unexpected trailing bytes");
      }
    }

    private static FrameException malformed(String what) {
      return new FrameException("malformed message: " + what);
    }
  }
}
