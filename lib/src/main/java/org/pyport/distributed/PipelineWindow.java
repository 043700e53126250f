package org.pyport.distributed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A client's pipelined requests (puts, dones, acks sent without waiting for their replies) that
 * the manager has not confirmed yet, with what they carried.
 *
 * <p>Why a bound: replies to pipelined requests pile up unread in the socket until somebody
 * reads them. If nobody did, the manager's writes would block once the socket buffers are full,
 * the manager would stop reading, and the client's writes would block too: a deadlock. With at
 * most {@code capacity} unconfirmed requests, their replies (13 bytes each) always fit in the
 * socket buffers, and a sender that finds the window full reads replies until the oldest is
 * confirmed.
 *
 * <p>Why keep the values: if the connection drops, the requests still unconfirmed may or may not
 * have reached the manager; {@link ConnectionLostException#unconfirmed()} hands them to the
 * caller instead of losing them silently.
 */
final class PipelineWindow {
  /** The most unconfirmed requests a client may allow: their replies must fit in socket buffers. */
  static final int MAX_CAPACITY = 4096;

  /**
   * A pipelined request.
   *
   * @param request what the caller sees in {@link ConnectionLostException#unconfirmed()}
   * @param check reads the reply: {@code null} if it confirms the request, else what went wrong
   */
  record Entry(ConnectionLostException.Unconfirmed request, Function<byte[], String> check) {}

  private final int capacity;
  /** In send order, so a lost connection lists them in the order they were made. */
  private final Map<Integer, Entry> entries = new LinkedHashMap<>();
  /** The first failed reply not yet reported to the caller, and how many more failed since. */
  private String failure;
  private int moreFailures;

  PipelineWindow(int capacity) {
    this.capacity = capacity;
  }

  synchronized boolean isFull() {
    return entries.size() >= capacity;
  }

  synchronized boolean isEmpty() {
    return entries.isEmpty();
  }

  synchronized int size() {
    return entries.size();
  }

  /** Registers a request before it is sent: its reply may be read by another thread at once. */
  synchronized void add(int requestId, Entry e) {
    entries.put(requestId, e);
  }

  /** Forgets a request that could not be sent (the caller gets the exception instead). */
  synchronized void remove(int requestId) {
    entries.remove(requestId);
  }

  /**
   * Consumes the reply to a pipelined request.
   *
   * @return false if {@code requestId} is not a pipelined request of this window
   */
  boolean confirm(int requestId, byte[] reply) {
    Entry e;
    synchronized (this) {
      e = entries.remove(requestId);
    }
    if (e == null) {
      return false;
    }
    String problem = e.check().apply(reply);
    if (problem != null) {
      synchronized (this) {
        if (failure == null) {
          failure = problem;
        } else {
          moreFailures++;
        }
      }
    }
    return true;
  }

  /** @return the failure not yet reported (and forgets it), or {@code null} */
  synchronized DistributedQueueException takeFailure() {
    if (failure == null) {
      return null;
    }
    String message = "an earlier pipelined request failed: " + failure
        + (moreFailures == 0 ? "" : " (and " + moreFailures + " more)");
    failure = null;
    moreFailures = 0;
    return new DistributedQueueException(message);
  }

  /** The connection is gone: every unconfirmed request, in send order; the window is emptied. */
  synchronized List<ConnectionLostException.Unconfirmed> drain() {
    List<ConnectionLostException.Unconfirmed> out = new ArrayList<>(entries.size());
    entries.values().forEach(e -> out.add(e.request()));
    entries.clear();
    return out;
  }
}
