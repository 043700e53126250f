package org.pyport.concurrent;

import java.io.ObjectStreamException;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.pyport.distributed.NamedQueue;
import org.pyport.distributed.QueueClient;
import org.pyport.distributed.QueueEmptyException;
import org.pyport.distributed.QueueManager;

/**
 * A queue shared between processes, the counterpart of {@code multiprocessing.Queue}.
 *
 * <p>The process that calls {@link #create()} owns the items: it runs a one-queue
 * {@link QueueManager} on loopback, with a random authkey. The queue object itself is
 * {@link Serializable} (port and key), so a task lambda can capture it and use it in a child JVM,
 * which connects with a {@link QueueClient} on first use. Items are JSON values: strings, numbers,
 * booleans, {@code null}, lists and maps of those (Python pickles any object; JSON keeps the wire
 * format readable and the same for a Python peer).
 *
 * <p>Like Python's, an item a reader had taken when it was killed is lost with it; {@code close()}
 * in the owner stops the manager and its threads.
 */
public final class ProcessQueue implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 2L;
    private static final String NAME = "queue";

    private final int port;
    private final byte[] authkey;
    private transient QueueManager manager; // only in the owning process
    private transient QueueClient client;   // only in other processes, opened on first use
    private transient NamedQueue queue;

    private ProcessQueue(int port, byte[] authkey, QueueManager manager) {
        this.port = port;
        this.authkey = authkey;
        this.manager = manager;
        this.queue = manager == null ? null : manager.queue(NAME);
    }

    /** Creates a queue owned (and served) by this process. */
    public static ProcessQueue create() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        QueueManager m = QueueManager.builder().authkey(key).register(NAME).start();
        return new ProcessQueue(m.port(), key, m);
    }

    /** Adds {@code item} (a JSON value) at the tail. */
    public void put(Object item) {
        queue().put(item);
    }

    /** Removes and returns the head, waiting as long as needed ({@code q.get(True)} in Python). */
    public Object get() {
        return queue().get();
    }

    /**
     * Removes and returns the head, waiting at most {@code timeout} (a negative timeout waits forever).
     *
     * @throws EmptyException if nothing arrived in time (Python's {@code queue.Empty})
     */
    public Object get(long timeout, TimeUnit unit) {
        if (timeout < 0) {
            return get();
        }
        try {
            return queue().get(Duration.ofNanos(unit.toNanos(timeout)));
        } catch (QueueEmptyException e) {
            throw new EmptyException();
        }
    }

    /** The approximate number of items waiting. */
    public int qsize() {
        return queue().size();
    }

    /** In the owner: stops serving and ends the manager's threads. Elsewhere: closes this process's connection. */
    @Override
    public void close() {
        if (manager != null) manager.close();
        if (client != null) client.close();
    }

    private synchronized NamedQueue queue() {
        if (queue == null) {
            client = QueueClient.connect("127.0.0.1", port, authkey);
            queue = client.queue(NAME);
        }
        return queue;
    }

    /** A copy arriving in another process keeps only the port and the key. */
    private Object readResolve() throws ObjectStreamException {
        return new ProcessQueue(port, authkey, null);
    }

    /** Nothing arrived before the timeout, like Python's {@code queue.Empty}. */
    public static final class EmptyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmptyException() {
            super("queue.Empty: no item arrived before the timeout");
        }
    }
}
