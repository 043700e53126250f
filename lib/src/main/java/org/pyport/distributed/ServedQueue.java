package org.pyport.distributed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One named queue held by the manager. Values are opaque JSON bytes: the manager never decodes
 * them, it only stores and forwards.
 *
 * <p>Nothing here blocks a thread: a take that finds the queue empty leaves a waiter (completed
 * by a later put, or with {@code null} by the manager's sweep once its deadline passed), a put
 * into a full bounded queue leaves a waiting producer. That lets one connection thread serve many pipelined requests.
 *
 * <p>Every item handed out is "in flight", held by its owner (a connection) until acknowledged.
 * When an owner disconnects, its waiters are dropped and its in-flight items go back to the head
 * of the queue. All state changes happen under this object's lock; futures are completed after
 * the lock is released, so their callbacks (socket writes) never run under it.
 */
final class ServedQueue {
  /** A value and the id it keeps for its whole life, across requeues. */
  record Item(long id, byte[] json) {}

  private record Held(Item item, Object owner) {}

  private static final class Taker {
    final Object owner;
    final int max;
    final boolean autoAck;
    final boolean prefetch;
    final CompletableFuture<List<Item>> result = new CompletableFuture<>();
    final long deadline;

    Taker(Object owner, int max, boolean autoAck, boolean prefetch, long deadline) {
      this.owner = owner;
      this.max = max;
      this.autoAck = autoAck;
      this.prefetch = prefetch;
      this.deadline = deadline;
    }
  }

  private static final class Putter {
    final Object owner;
    final byte[] json;
    final CompletableFuture<Boolean> result = new CompletableFuture<>();
    final long deadline;

    Putter(Object owner, byte[] json, long deadline) {
      this.owner = owner;
      this.json = json;
      this.deadline = deadline;
    }
  }

  private final String name;
  private final int maxSize;
  private final ArrayDeque<Item> items = new ArrayDeque<>();
  private final ArrayDeque<Taker> takers = new ArrayDeque<>();
  private final ArrayDeque<Putter> putters = new ArrayDeque<>();
  private final Map<Long, Held> inFlight = new LinkedHashMap<>();
  /** How many items each owner holds: the owners holding any are consumers for the fair share. */
  private final Map<Object, Integer> heldBy = new HashMap<>();
  /** How many items each owner acknowledged: a prefetching owner's allowance (slow start). */
  private final Map<Object, Integer> ackedBy = new HashMap<>();
  private long nextId = 1;

  ServedQueue(String name, int maxSize) {
    this.name = name;
    this.maxSize = maxSize;
  }

  /** When a wait of {@code timeoutMillis} (-1: forever) started now ends, in nanoTime. */
  private static long deadline(long timeoutMillis) {
    return timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
  }

  String name() {
    return name;
  }

  int maxSize() {
    return maxSize;
  }

  /**
   * Adds a value. Completes with {@code true} once it is in the queue (or handed to a waiting
   * taker), {@code false} if a bounded queue stayed full for {@code timeoutMillis} (-1: forever).
   */
  CompletableFuture<Boolean> put(Object owner, byte[] json, long timeoutMillis) {
    List<Runnable> after = new ArrayList<>(2);
    CompletableFuture<Boolean> done;
    synchronized (this) {
      if (maxSize <= 0 || items.size() < maxSize) {
        items.addLast(new Item(nextId++, json));
        done = CompletableFuture.completedFuture(true);
      } else if (timeoutMillis == 0) {
        done = CompletableFuture.completedFuture(false);
      } else {
        Putter p = new Putter(owner, json, deadline(timeoutMillis));
        putters.addLast(p);
        done = p.result;
      }
      matchLocked(after);
    }
    after.forEach(Runnable::run);
    return done;
  }

  /**
   * Adds values in order, each as {@link #put} would. Completes with how many were stored: all
   * of them, or fewer if a bounded queue stayed full for {@code timeoutMillis} on one of them.
   */
  CompletableFuture<Integer> putAll(Object owner, List<byte[]> jsons, int from, long timeoutMillis) {
    int i = from;
    while (i < jsons.size()) {
      CompletableFuture<Boolean> f = put(owner, jsons.get(i), timeoutMillis);
      if (!f.isDone()) {
        int next = i + 1;
        int stored = i;
        return f.thenCompose(ok -> ok ? putAll(owner, jsons, next, timeoutMillis)
            : CompletableFuture.completedFuture(stored));
      }
      if (f.isCompletedExceptionally() || !f.join()) {
        int stored = i;
        return f.thenApply(ok -> stored);
      }
      i++;
    }
    return CompletableFuture.completedFuture(i);
  }

  /** As {@link #take(Object, long, int, boolean, boolean)}, not a prefetch. */
  CompletableFuture<List<Item>> take(Object owner, long timeoutMillis, int max, boolean autoAck) {
    return take(owner, timeoutMillis, max, autoAck, false);
  }

  /**
   * Takes the next value(s) for {@code owner}: waits for the first, then adds whatever else is
   * already there, up to {@code max} but no more than a fair share (see {@link #limit}). Unless
   * {@code autoAck}, the owner holds them until {@link #ack}. Completes with the items, or {@code
   * null} if nothing arrived within {@code timeoutMillis} (-1: forever).
   *
   * @param prefetch the client asks for more than it needs now, to hand them out one by one
   *     later: it also gets no more than it has proved it finishes (slow start)
   */
  CompletableFuture<List<Item>> take(Object owner, long timeoutMillis, int max, boolean autoAck,
      boolean prefetch) {
    List<Runnable> after = new ArrayList<>(2);
    CompletableFuture<List<Item>> done;
    synchronized (this) {
      if (timeoutMillis == 0 && items.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      Taker t = new Taker(owner, Math.max(1, max), autoAck, prefetch, deadline(timeoutMillis));
      takers.addLast(t);
      matchLocked(after);
      done = t.result;
    }
    after.forEach(Runnable::run);
    return done;
  }

  /**
   * Withdraws a pending take (the client gave up waiting). Returns false if it was already
   * served, in which case the item is held by the owner and must be released or acknowledged.
   */
  boolean cancel(CompletableFuture<List<Item>> pending) {
    Taker found = null;
    synchronized (this) {
      for (Iterator<Taker> it = takers.iterator(); it.hasNext(); ) {
        Taker t = it.next();
        if (t.result == pending) {
          it.remove();
          found = t;
          break;
        }
      }
    }
    if (found == null) {
      return false;
    }
    found.result.complete(null);
    return true;
  }

  /** Acknowledges a held item. False if {@code owner} does not hold it (never did, or already acked). */
  synchronized boolean ack(Object owner, long id) {
    Held h = inFlight.get(id);
    if (h == null || h.owner != owner) {
      return false;
    }
    unhold(id, owner);
    ackedBy.merge(owner, 1, (a, b) -> a < MAX_ALLOWANCE ? a + b : a);
    return true;
  }

  /** Beyond this a prefetch is bounded by its max and the fair share alone. */
  private static final int MAX_ALLOWANCE = 1 << 20;

  private void hold(Item item, Object owner) {
    inFlight.put(item.id(), new Held(item, owner));
    heldBy.merge(owner, 1, Integer::sum);
  }

  private void unhold(long id, Object owner) {
    inFlight.remove(id);
    heldBy.computeIfPresent(owner, (o, n) -> n == 1 ? null : n - 1);
  }

  /** Puts a held item back at the head of the queue. */
  boolean release(Object owner, long id) {
    List<Runnable> after = new ArrayList<>(2);
    synchronized (this) {
      Held h = inFlight.get(id);
      if (h == null || h.owner != owner) {
        return false;
      }
      unhold(id, owner);
      items.addFirst(h.item);
      matchLocked(after);
    }
    after.forEach(Runnable::run);
    return true;
  }

  /**
   * Adds tasks' results ignoring the bound: acknowledging a task must never block or fail,
   * or the result would be lost between "task done" and "result stored".
   */
  void putUnbounded(List<byte[]> jsons) {
    List<Runnable> after = new ArrayList<>(2);
    synchronized (this) {
      for (byte[] json : jsons) {
        items.addLast(new Item(nextId++, json));
      }
      matchLocked(after);
    }
    after.forEach(Runnable::run);
  }

  /**
   * The owner is gone: drop its waiters (their puts never happened) and requeue, in their
   * original order, the items it held.
   */
  void disconnect(Object owner) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      takers.removeIf(t -> {
        if (t.owner != owner) {
          return false;
        }
        after.add(() -> t.result.complete(null));
        return true;
      });
      putters.removeIf(p -> {
        if (p.owner != owner) {
          return false;
        }
        after.add(() -> p.result.complete(false));
        return true;
      });
      List<Item> back = new ArrayList<>();
      for (Iterator<Held> it = inFlight.values().iterator(); it.hasNext(); ) {
        Held h = it.next();
        if (h.owner == owner) {
          back.add(h.item);
          it.remove();
        }
      }
      for (int i = back.size() - 1; i >= 0; i--) {
        items.addFirst(back.get(i));
      }
      heldBy.remove(owner);
      ackedBy.remove(owner);
      matchLocked(after);
    }
    after.forEach(Runnable::run);
  }

  /** The manager is closing: every waiter fails. */
  void closeAll(RuntimeException why) {
    List<Runnable> after = new ArrayList<>();
    synchronized (this) {
      for (Taker t : takers) {
        after.add(() -> t.result.completeExceptionally(why));
      }
      for (Putter p : putters) {
        after.add(() -> p.result.completeExceptionally(why));
      }
      takers.clear();
      putters.clear();
    }
    after.forEach(Runnable::run);
  }

  synchronized int size() {
    return items.size();
  }

  synchronized int inFlightCount() {
    return inFlight.size();
  }

  /**
   * Ends the waits whose deadline has passed: takers get {@code null} (empty), producers {@code
   * false} (full). Called by the manager's timer every few milliseconds; one sweep for all waits
   * costs far fewer thread wake-ups than a timer per wait.
   */
  void expireDue(long now) {
    List<Runnable> after = null;
    synchronized (this) {
      for (Iterator<Taker> it = takers.iterator(); it.hasNext(); ) {
        Taker t = it.next();
        if (t.deadline - now <= 0) {
          it.remove();
          after = add(after, () -> t.result.complete(null));
        }
      }
      for (Iterator<Putter> it = putters.iterator(); it.hasNext(); ) {
        Putter p = it.next();
        if (p.deadline - now <= 0) {
          it.remove();
          after = add(after, () -> p.result.complete(false));
        }
      }
    }
    if (after != null) {
      after.forEach(Runnable::run);
    }
  }

  private static List<Runnable> add(List<Runnable> list, Runnable r) {
    List<Runnable> l = list == null ? new ArrayList<>() : list;
    l.add(r);
    return l;
  }

  /** Hands items to waiting takers and admits waiting producers while there is room. */
  private void matchLocked(List<Runnable> after) {
    while (true) {
      if (!items.isEmpty() && !takers.isEmpty()) {
        Taker t = takers.pollFirst();
        int limit = limit(t);
        List<Item> batch = new ArrayList<>(Math.min(limit, items.size()));
        while (batch.size() < limit && !items.isEmpty()) {
          Item item = items.pollFirst();
          if (!t.autoAck) {
            hold(item, t.owner);
          }
          batch.add(item);
        }
        after.add(() -> t.result.complete(batch));
      } else if (!putters.isEmpty() && (maxSize <= 0 || items.size() < maxSize)) {
        Putter p = putters.pollFirst();
        items.addLast(new Item(nextId++, p.json));
        after.add(() -> p.result.complete(true));
      } else {
        return;
      }
    }
  }

  /**
   * How many items a take gets now. One item needs no limit. For more, the fair share: what is
   * queued divided among the consumers (owners holding items of this queue or waiting on it, and
   * the taker), so that one client asking for many does not leave nothing for the others. A
   * prefetch is also bounded by what its owner has acknowledged so far (at least 1): a consumer
   * that arrives first while the others are still connecting gets one item, not the whole
   * queue, and its allowance grows as fast as it finishes its work (slow start).
   */
  private int limit(Taker t) {
    if (t.max == 1) {
      return 1;
    }
    Set<Object> consumers = new HashSet<>(heldBy.keySet());
    for (Taker waiting : takers) {
      consumers.add(waiting.owner);
    }
    consumers.add(t.owner);
    int share = Math.max(1, (items.size() + consumers.size() - 1) / consumers.size());
    int limit = Math.min(t.max, share);
    if (t.prefetch) {
      limit = Math.min(limit, Math.max(1, ackedBy.getOrDefault(t.owner, 0)));
    }
    return limit;
  }

  /** Takes waiting for an item (tests). */
  synchronized int waitingCount() {
    return takers.size();
  }

  /** Items {@code owner} holds (tests). */
  synchronized int heldBy(Object owner) {
    return heldBy.getOrDefault(owner, 0);
  }
}
