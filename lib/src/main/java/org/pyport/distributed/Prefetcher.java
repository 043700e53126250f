package org.pyport.distributed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The items a {@link RemoteQueue} fetched ahead and has not handed out yet (the manager holds
 * them for this client). One thread fetches at a time; other threads of the same client wait
 * for what it brings instead of parking a request of their own on the manager, where it could
 * wait for new items while fetched ones sit here unused.
 */
final class Prefetcher {
  /** Fetches items from the manager: {@code null} if none arrived within the timeout. */
  interface Fetch {
    List<JsonQueue.Raw> take(long timeoutMillis);
  }

  private final ArrayDeque<JsonQueue.Raw> items = new ArrayDeque<>();
  private boolean fetching;

  synchronized int size() {
    return items.size();
  }

  /** @return up to {@code max} buffered items, in order; none if the buffer is empty */
  synchronized List<JsonQueue.Raw> poll(int max) {
    List<JsonQueue.Raw> out = new ArrayList<>(Math.min(max, items.size()));
    while (out.size() < max && !items.isEmpty()) {
      out.add(items.pollFirst());
    }
    return out;
  }

  /**
   * The next item: a buffered one at once, else what a fetch (this thread's or another's)
   * brings within {@code timeoutMillis} (-1 = forever).
   *
   * @return the item, or {@code null} if none came in time
   */
  JsonQueue.Raw next(long timeoutMillis, Fetch fetch) {
    long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      synchronized (this) {
        while (items.isEmpty() && fetching) {
          long left = left(timeoutMillis, deadline);
          if (left == 0) {
            return null;
          }
          waitFor(left);
        }
        if (!items.isEmpty()) {
          return items.pollFirst();
        }
        fetching = true;
      }
      List<JsonQueue.Raw> got = null;
      try {
        got = fetch.take(left(timeoutMillis, deadline));
      } finally {
        synchronized (this) {
          fetching = false;
          if (got != null) {
            items.addAll(got);
          }
          notifyAll();
        }
      }
      if (got == null) {
        return null; // the fetch waited for the rest of this caller's time
      }
    }
  }

  /** @return the rest of the time: -1 = forever, else milliseconds (0 = none left) */
  private static long left(long timeoutMillis, long deadline) {
    if (timeoutMillis < 0) {
      return -1;
    }
    long nanos = deadline - System.nanoTime();
    return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
  }

  private void waitFor(long millis) {
    try {
      wait(millis < 0 ? 0 : millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DistributedQueueException("interrupted while waiting for a queue", e);
    }
  }
}
