package org.pyport.distributed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One named queue held by the manager. Values are opaque JSON bytes: the manager stores and
 * forwards them, it never decodes them.
 *
 * <p>Nothing here blocks a thread: a get or take that finds the queue empty leaves a waiting
 * taker (served by a later put, or ended by the timer), a put into a full bounded queue a waiting
 * putter. An item handed out by a take is held by its owner (a connection) until acknowledged;
 * when the owner disconnects, its waiters end and its held items go back to the head of the queue,
 * in order. State changes under this object's lock; futures are completed after it is released,
 * so their callbacks (socket writes) never run under it.
 */
final class ServedQueue {
  private record Held(Wire.Item item, Object owner) {}

  /** A get, take or put that waits; {@code unserved()} is what it gets if its wait ends without (full) success. */
  private abstract static class Waiter<T> {
    final Object owner;
    final CompletableFuture<T> result = new CompletableFuture<>();
    long deadline = Long.MAX_VALUE;

    Waiter(Object owner) {
      this.owner = owner;
    }

    abstract T unserved();
  }

  private static final class Taker extends Waiter<List<Wire.Item>> {
    final int max;
    final long maxBytes;
    final boolean hold;

    Taker(Object owner, int max, long maxBytes, boolean hold) {
      super(owner);
      this.max = max;
      this.maxBytes = maxBytes;
      this.hold = hold;
    }

    @Override
    List<Wire.Item> unserved() {
      return null;
    }
  }

  private static final class Putter extends Waiter<Integer> {
    final List<byte[]> values;
    int stored;

    Putter(Object owner, List<byte[]> values) {
      super(owner);
      this.values = values;
    }

    @Override
    Integer unserved() {
      return stored;
    }
  }

  private final int maxSize;
  private final ScheduledExecutorService timer;
  private final ArrayDeque<Wire.Item> items = new ArrayDeque<>();
  private final ArrayDeque<Taker> takers = new ArrayDeque<>();
  private final ArrayDeque<Putter> putters = new ArrayDeque<>();
  private final Map<Long, Held> held = new LinkedHashMap<>();
  private long nextId = 1;
  /** When the timer next ends the waits that are due (nanoTime): one timer per queue, not per wait. */
  private long sweepAt = Long.MAX_VALUE;
  private ScheduledFuture<?> sweep;

  ServedQueue(int maxSize, ScheduledExecutorService timer) {
    this.maxSize = maxSize;
    this.timer = timer;
  }

  int maxSize() {
    return maxSize;
  }

  /** Adds values in order, waiting for room at most {@code timeoutMillis} (-1: forever); completes with how many. */
  CompletableFuture<Integer> put(Object owner, List<byte[]> values, long timeoutMillis) {
    if (values.isEmpty()) return CompletableFuture.completedFuture(0);
    return enqueue(new Putter(owner, values), putters, timeoutMillis);
  }

  /**
   * Hands out up to {@code max} items (beyond the first, no more than {@code maxBytes}: a reply fits a
   * frame), held by {@code owner} until acknowledged if {@code hold} (a take), else removed (a get).
   * Completes with them, or with {@code null} if none came within {@code timeoutMillis} (-1: forever).
   */
  CompletableFuture<List<Wire.Item>> take(Object owner, long timeoutMillis, int max, long maxBytes, boolean hold) {
    return enqueue(new Taker(owner, max, maxBytes, hold), takers, timeoutMillis);
  }

  private <T, W extends Waiter<T>> CompletableFuture<T> enqueue(W w, ArrayDeque<W> waiting, long timeoutMillis) {
    List<Runnable> after = new ArrayList<>(2);
    synchronized (this) {
      waiting.addLast(w);
      match(after);
      if (waiting.contains(w) && timeoutMillis == 0) {
        waiting.remove(w);
        after.add(() -> unserve(w));
      } else if (waiting.contains(w) && timeoutMillis > 0) {
        w.deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        sweepBy(w.deadline);
      }
    }
    after.forEach(Runnable::run);
    return w.result;
  }

  /** Acknowledges a held item; false if {@code owner} does not hold it (never did, or finished it). */
  synchronized boolean ack(Object owner, long id) {
    Held h = held.get(id);
    return h != null && h.owner == owner && held.remove(id) != null;
  }

  /** Puts a held item back at the head of the queue. */
  boolean release(Object owner, long id) {
    List<Runnable> after = new ArrayList<>(2);
    synchronized (this) {
      Held h = held.get(id);
      if (h == null || h.owner != owner) return false;
      held.remove(id);
      items.addFirst(h.item);
      match(after);
    }
    after.forEach(Runnable::run);
    return true;
  }

  /**
   * Finishes tasks: each one {@code owner} still holds is acknowledged and its result put into
   * {@code results}, ignoring its bound (finishing must never block). The ack is the commit point:
   * a task yields at most one result. Returns how many tasks were still held.
   */
  int done(Object owner, long[] ids, List<byte[]> jsons, ServedQueue results) {
    List<byte[]> accepted = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      if (ack(owner, ids[i])) accepted.add(jsons.get(i));
    }
    List<Runnable> after = new ArrayList<>(2);
    synchronized (results) {
      accepted.forEach(json -> results.items.addLast(new Wire.Item(results.nextId++, json)));
      results.match(after);
    }
    after.forEach(Runnable::run);
    return accepted.size();
  }

  /** The owner is gone: its waiters end, and the items it held go back, in their order. */
  void disconnect(Object owner) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      takers.removeIf(t -> t.owner == owner && after.add(() -> unserve(t)));
      putters.removeIf(p -> p.owner == owner && after.add(() -> unserve(p)));
      List<Wire.Item> back = new ArrayList<>();
      held.values().removeIf(h -> h.owner == owner && back.add(h.item));
      for (int i = back.size() - 1; i >= 0; i--) {
        items.addFirst(back.get(i));
      }
      match(after);
    }
    after.forEach(Runnable::run);
  }

  /** The manager is closing: every waiter fails. */
  void closeAll(RuntimeException why) {
    List<Waiter<?>> all = new ArrayList<>();
    synchronized (this) {
      takers.removeIf(all::add);
      putters.removeIf(all::add);
    }
    all.forEach(w -> w.result.completeExceptionally(why));
  }

  synchronized int size() {
    return items.size();
  }

  synchronized int heldCount() {
    return held.size();
  }

  /** Makes sure the timer runs by {@code deadline}. Waits end in order: a new one rarely moves it. */
  private void sweepBy(long deadline) {
    if (deadline != Long.MAX_VALUE && (sweepAt == Long.MAX_VALUE || deadline - sweepAt < 0)) {
      if (sweep != null) sweep.cancel(false);
      try {
        sweep = timer.schedule(this::sweep, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        sweepAt = deadline;
      } catch (RejectedExecutionException e) {
        // the manager is closing: closeAll ends every wait
      }
    }
  }

  /** Ends the waits that are due and re-arms the timer for the next one. */
  private void sweep() {
    List<Waiter<?>> due = new ArrayList<>();
    synchronized (this) {
      long now = System.nanoTime();
      takers.removeIf(t -> t.deadline - now <= 0 && due.add(t));
      putters.removeIf(p -> p.deadline - now <= 0 && due.add(p));
      sweepAt = Long.MAX_VALUE;
      sweep = null;
      takers.forEach(t -> sweepBy(t.deadline));
      putters.forEach(p -> sweepBy(p.deadline));
    }
    due.forEach(ServedQueue::unserve);
  }

  private static <T> void unserve(Waiter<T> w) {
    w.result.complete(w.unserved());
  }

  /** Hands items to waiting takers, in order, and admits waiting values while there is room. */
  private void match(List<Runnable> after) {
    while (true) {
      if (!items.isEmpty() && !takers.isEmpty()) {
        Taker t = takers.pollFirst();
        List<Wire.Item> batch = new ArrayList<>(Math.min(t.max, items.size()));
        long bytes = 0;
        while (batch.size() < t.max && !items.isEmpty()
            && (batch.isEmpty() || bytes + Wire.ITEM_BYTES + items.peekFirst().json().length <= t.maxBytes)) {
          Wire.Item item = items.pollFirst();
          bytes += Wire.ITEM_BYTES + item.json().length;
          if (t.hold) held.put(item.id(), new Held(item, t.owner));
          batch.add(item);
        }
        after.add(() -> t.result.complete(batch));
      } else if (!putters.isEmpty() && (maxSize == 0 || items.size() < maxSize)) {
        Putter p = putters.peekFirst();
        items.addLast(new Wire.Item(nextId++, p.values.get(p.stored++)));
        if (p.stored == p.values.size()) {
          putters.pollFirst();
          after.add(() -> p.result.complete(p.stored));
        }
      } else {
        return;
      }
    }
  }
}
