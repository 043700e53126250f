package org.pyport.distributed;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a {@link QueueClient}'s replies and hands each to whoever waits for it: a caller's future,
 * or the window of pipelined requests.
 *
 * <p>There is no reader thread: a waiting caller reads the socket itself and hands other
 * callers' replies to their futures (leader/followers), so a single-threaded client — the usual
 * worker — gets its reply without a thread switch.
 */
final class ReplyReader {
  /** Unconfirmed requests from which a send also asks the socket for replies that arrived. */
  private static final int DRAIN_AT = 64;

  private final Frames frames;
  private final Socket socket;
  private final int maxFrameBytes;
  /** Pipelined requests not confirmed yet; {@code null}: every request waits for its reply. */
  private final PipelineWindow window;
  /** Told when reading fails: the connection is lost. */
  private final Consumer<IOException> onLost;
  /** The exception to throw once the connection is lost, {@code null} while it is alive. */
  private final Supplier<RuntimeException> dead;
  private final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
  /** Held by the one thread that reads replies from the socket. */
  private final ReentrantLock readLock = new ReentrantLock();
  /** Threads waiting for a reply while another thread reads: woken after each dispatch. */
  private final Object followers = new Object();

  ReplyReader(Frames frames, Socket socket, int maxFrameBytes, PipelineWindow window,
      Consumer<IOException> onLost, Supplier<RuntimeException> dead) {
    this.frames = frames;
    this.socket = socket;
    this.maxFrameBytes = maxFrameBytes;
    this.window = window;
    this.onLost = onLost;
    this.dead = dead;
  }

  /** Registers a request before it is sent: its reply may be read by another thread at once. */
  CompletableFuture<byte[]> expect(int requestId) {
    CompletableFuture<byte[]> reply = new CompletableFuture<>();
    pending.put(requestId, reply);
    return reply;
  }

  void forget(int requestId) {
    pending.remove(requestId);
  }

  int pendingCount() {
    return pending.size();
  }

  /** @return how many waiting requests were failed */
  int failPending(RuntimeException e) {
    int failed = 0;
    for (Integer id : pending.keySet()) {
      CompletableFuture<byte[]> f = pending.remove(id);
      if (f != null && f.completeExceptionally(e)) {
        failed++;
      }
    }
    return failed;
  }

  /**
   * Reads replies (or lets another thread read them) until {@code done} holds. On interrupt runs
   * {@code onInterrupt} (e.g. cancel on the manager), then throws.
   */
  void waitUntil(BooleanSupplier done, Runnable onInterrupt) {
    try {
      while (!done.getAsBoolean()) {
        if (readLock.tryLock()) {
          try {
            while (!done.getAsBoolean()) {
              RuntimeException gone = dead.get();
              if (gone != null) {
                throw gone; // nothing more will arrive
              }
              readOne();
            }
          } finally {
            readLock.unlock();
            wakeFollowers(); // one of them becomes the reader
          }
        } else {
          synchronized (followers) {
            while (!done.getAsBoolean() && readLock.isLocked()) {
              followers.wait(100); // bounded: a missed notify costs at most this
            }
          }
        }
      }
    } catch (InterruptedException e) {
      if (onInterrupt != null) {
        onInterrupt.run();
      }
      Thread.currentThread().interrupt();
      throw new DistributedQueueException("interrupted while waiting for the queue manager", e);
    }
  }

  /**
   * Reads the replies that are already there, without blocking, so that the window rarely fills
   * and a failure shows up early. Only if no other thread is reading. Asking the socket costs a
   * system call, so it is asked only once {@link #DRAIN_AT} requests wait; replies already in
   * the client's buffer are always taken.
   */
  void drainReady() {
    int waiting = window.size();
    if (waiting == 0 || (!frames.hasBuffered() && waiting < DRAIN_AT) || !readLock.tryLock()) {
      return;
    }
    try {
      while (!window.isEmpty() && (frames.hasBuffered() || socketHasBytes())) {
        readOne();
      }
    } finally {
      readLock.unlock();
      wakeFollowers();
    }
  }

  /**
   * After the client half-closed: reads until the manager closes its side, completing the
   * futures of replies still awaited. Skipped if another thread is reading.
   */
  void readToEnd() {
    if (!readLock.tryLock()) {
      return;
    }
    try {
      byte[] payload;
      while ((payload = frames.read(maxFrameBytes, 0)) != null) {
        CompletableFuture<byte[]> reply = payload.length >= 5 ? pending.remove(requestId(payload)) : null;
        if (reply != null) {
          reply.complete(payload);
        }
      }
    } catch (IOException e) {
      // closing anyway
    } finally {
      readLock.unlock();
    }
  }

  /** Reads one reply and dispatches it; a failed read reports the connection lost. */
  private void readOne() {
    byte[] payload;
    try {
      payload = frames.read(maxFrameBytes, 0);
      if (payload == null) {
        throw new IOException("the manager closed the connection");
      }
      if (payload.length < 5) {
        throw new FrameException("malformed reply of " + payload.length + " bytes");
      }
    } catch (IOException e) {
      onLost.accept(e);
      return;
    }
    int id = requestId(payload);
    CompletableFuture<byte[]> reply = pending.remove(id);
    if (reply != null) {
      reply.complete(payload); // callbacks (releasing abandoned takes) only send, never wait
    } else if (window == null || !window.confirm(id, payload)) {
      return; // a reply nobody waits for any more
    }
    wakeFollowers();
  }

  private static int requestId(byte[] payload) {
    return ((payload[1] & 0xff) << 24) | ((payload[2] & 0xff) << 16)
        | ((payload[3] & 0xff) << 8) | (payload[4] & 0xff);
  }

  private void wakeFollowers() {
    synchronized (followers) {
      followers.notifyAll();
    }
  }

  private boolean socketHasBytes() {
    try {
      return socket.getInputStream().available() > 0;
    } catch (IOException e) {
      return false; // the next read reports it
    }
  }
}
