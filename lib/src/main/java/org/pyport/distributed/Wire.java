package org.pyport.distributed;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
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
 *   TAKE    timeoutMillis:i64 max:i32 autoAck:u8            (autoAck: a get, not held)
 *   ACK     taskId:i64                        (requestId 0 = no reply wanted)
 *   DONE    resultQueue:str count:i32 (taskId:i64 len:i32 json)*
 *   RELEASE taskId:i64                        (requestId 0 = no reply wanted)
 *   SIZE
 *   CANCEL  (requestId names the TAKE to cancel)
 * response: status:u8  requestId:i32  body
 *   OK n:i32 | FULL stored:i32 | ITEMS count:i32 (taskId:i64 len:i32 json)* | EMPTY
 *   | SIZE n:i32 | ERROR message:str | STALE
 * str     : length:u16 utf8
 * </pre>
 */
final class Wire {
  static final byte PUT = 1, TAKE = 2, ACK = 3, DONE = 4, RELEASE = 5, SIZE = 6, CANCEL = 7;
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
    private final ByteBuffer b;

    In(byte[] payload) {
      b = ByteBuffer.wrap(payload);
    }

    int u8() throws FrameException {
      try {
        return b.get() & 0xff;
      } catch (BufferUnderflowException e) {
        throw malformed("missing byte");
      }
    }

    int i32() throws FrameException {
      try {
        return b.getInt();
      } catch (BufferUnderflowException e) {
        throw malformed("missing int");
      }
    }

    long i64() throws FrameException {
      try {
        return b.getLong();
      } catch (BufferUnderflowException e) {
        throw malformed("missing long");
      }
    }

    String str() throws FrameException {
      try {
        int n = b.getShort() & 0xffff;
        if (n > b.remaining()) {
          throw malformed("string of " + n + " bytes runs past the end");
        }
        ByteBuffer slice = b.slice();
        slice.limit(n);
        b.position(b.position() + n);
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(slice).toString();
      } catch (BufferUnderflowException e) {
        throw malformed("missing string");
      } catch (CharacterCodingException e) {
        throw malformed("string is not UTF-8");
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
      if (n < 0 || n > b.remaining()) {
        throw malformed("value of " + n + " bytes runs past the end");
      }
      byte[] r = new byte[n];
      b.get(r);
      return r;
    }

    /** Reads a count of entries, each at least {@code minBytes} long, and checks it fits. */
    int count(int minBytes) throws FrameException {
      int n = i32();
      if (n < 0 || (long) n * minBytes > b.remaining()) {
        throw malformed("count " + n + " does not fit in the frame");
      }
      return n;
    }

    byte[] rest() {
      byte[] r = new byte[b.remaining()];
      b.get(r);
      return r;
    }

    void end() throws FrameException {
      if (b.hasRemaining()) {
        throw malformed(b.remaining() + " unexpected trailing bytes");
      }
    }

    private static FrameException malformed(String what) {
      return new FrameException("malformed message: " + what);
    }
  }
}
