package org.pyport.concurrent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The handle {@link Pool#applyAsync} returns, like multiprocessing's {@code AsyncResult}: the task's
 * result once a worker has run it. Waiting on it also prints, on the calling thread, what the workers
 * printed in the meantime (so the output lands in the notebook cell that waits).
 *
 * @param <T> the task's result type
 */
public final class AsyncResult<T> {
    private final Pool pool;
    final long id;
    final ClassLoader loader;
    private final Object lock = new Object();
    private boolean done;        // result or failure known AND all output before it printed
    private T value;
    private TaskFailedException failure;
    private volatile long workerPid = -1;

    AsyncResult(Pool pool, long id, ClassLoader loader) {
        this.pool = pool;
        this.id = id;
        this.loader = loader;
    }

    /** True once the task finished (successfully or not). */
    public boolean ready() {
        pool.drainAvailable();
        synchronized (lock) {
            return done;
        }
    }

    /** True if the task finished without an exception; fails if it is not {@link #ready()} yet. */
    public boolean successful() {
        if (!ready()) throw new IllegalStateException("task " + id + " is not ready yet");
        synchronized (lock) {
            return failure == null;
        }
    }

    /** Waits for the result; rethrows a task failure as {@link TaskFailedException}. */
    public T get() {
        pool.awaitUntil(this::isDone, Long.MAX_VALUE);
        return result();
    }

    /** Waits at most {@code timeout}; throws {@link TimeoutException} (unchecked-wrapped) if not ready. */
    public T get(long timeout, TimeUnit unit) throws TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!pool.awaitUntil(this::isDone, deadline)) {
            throw new TimeoutException("task " + id + " not ready after " + timeout + " " + unit);
        }
        return result();
    }

    /** The pid of the worker process that ran (or runs) the task, -1 before it was dispatched. */
    public long workerPid() {
        return workerPid;
    }

    void dispatchedTo(long pid) {
        workerPid = pid;
    }

    private boolean isDone() {
        synchronized (lock) {
            return done;
        }
    }

    private T result() {
        synchronized (lock) {
            if (failure != null) throw failure;
            return value;
        }
    }

    void complete(T v) {
        synchronized (lock) {
            value = v;
            done = true;
        }
    }

    void fail(TaskFailedException e) {
        synchronized (lock) {
            failure = e;
            done = true;
        }
    }
}
