package org.pyport.concurrent;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectStreamException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queue shared between processes, the counterpart of {@code multiprocessing.Queue}.
 *
 * <p>The process that calls {@link #create()} owns the items and serves them on a loopback socket;
 * the queue object itself is {@link Serializable}, so a task lambda can capture it and use it in a
 * child JVM, where {@code put}/{@code get} become one JSON line each way. Items are JSON values:
 * strings, numbers, booleans, {@code null}, lists and maps of those (Python pickles any object; JSON
 * keeps the wire format readable and the same for a Python peer).
 *
 * <p>Like Python's, an item a reader had taken when it was killed is lost with it; {@code close()}
 * in the owner stops the server and its threads.
 */
public final class ProcessQueue implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private transient Server server;     // only in the owning process
    private transient Client client;     // only in other processes, opened on first use

    private ProcessQueue(int port, Server server) {
        this.port = port;
        this.server = server;
    }

    /** Creates a queue owned (and served) by this process. */
    public static ProcessQueue create() {
        Server s = new Server();
        return new ProcessQueue(s.socket.getLocalPort(), s);
    }

    /** Adds {@code item} (a JSON value) at the tail. */
    public void put(Object item) {
        JsonNode node = JSON.valueToTree(item);
        if (server != null) {
            server.items.add(node);
        } else {
            ObjectNode req = JSON.createObjectNode().put("op", "put");
            req.set("item", node);
            client().call(req);
        }
    }

    /** Removes and returns the head, waiting as long as needed ({@code q.get(True)} in Python). */
    public Object get() {
        return get(-1, TimeUnit.SECONDS);
    }

    /**
     * Removes and returns the head, waiting at most {@code timeout} (a negative timeout waits forever).
     *
     * @throws EmptyException if nothing arrived in time (Python's {@code queue.Empty})
     */
    public Object get(long timeout, TimeUnit unit) {
        JsonNode item;
        if (server != null) {
            item = server.take(timeout < 0 ? -1 : unit.toMillis(timeout));
        } else {
            ObjectNode req = JSON.createObjectNode().put("op", "get").put("timeout_ms", timeout < 0 ? -1 : unit.toMillis(timeout));
            JsonNode reply = client().call(req);
            item = reply.has("item") ? reply.get("item") : null;
        }
        if (item == null) throw new EmptyException();
        return JSON.convertValue(item, Object.class);
    }

    /** The approximate number of items waiting. */
    public int qsize() {
        if (server != null) return server.items.size();
        return client().call(JSON.createObjectNode().put("op", "qsize")).get("size").asInt();
    }

    /** In the owner: stops serving and ends the server threads. Elsewhere: closes this process's connection. */
    @Override
    public void close() {
        if (server != null) server.close();
        if (client != null) client.close();
    }

    private synchronized Client client() {
        if (client == null) client = new Client(port);
        return client;
    }

    /** A copy arriving in another process keeps only the port. */
    private Object readResolve() throws ObjectStreamException {
        return new ProcessQueue(port, null);
    }

    /** Nothing arrived before the timeout, like Python's {@code queue.Empty}. */
    public static final class EmptyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmptyException() {
            super("queue.Empty: no item arrived before the timeout");
        }
    }

    /** The owner's side: the items and one thread per connected process. */
    private static final class Server {
        final LinkedBlockingDeque<JsonNode> items = new LinkedBlockingDeque<>();
        final ServerSocket socket;
        final List<Socket> connections = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        final Thread acceptor;
        volatile boolean closed;

        Server() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException("cannot open a loopback socket for the queue: " + e.getMessage(), e);
            }
            acceptor = new Thread(this::acceptLoop, "process-queue-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        JsonNode take(long timeoutMs) {
            try {
                if (timeoutMs < 0) {
                    // poll in slices so close() can end a waiting handler
                    while (!closed) {
                        JsonNode n = items.poll(100, TimeUnit.MILLISECONDS);
                        if (n != null) return n;
                    }
                    throw new IllegalStateException("the queue was closed");
                }
                return items.poll(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting on the queue", e);
            }
        }

        private void acceptLoop() {
            while (!closed) {
                try {
                    Socket s = socket.accept();
                    synchronized (this) {
                        if (closed) {
                            s.close();
                            return;
                        }
                        connections.add(s);
                        Thread t = new Thread(() -> serve(s), "process-queue-conn-" + s.getPort());
                        t.setDaemon(true);
                        threads.add(t);
                        t.start();
                    }
                } catch (IOException e) {
                    return; // server socket closed
                }
            }
        }

        private void serve(Socket s) {
            try (s;
                 BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                 BufferedWriter out = new BufferedWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    JsonNode req = JSON.readTree(line);
                    ObjectNode reply = JSON.createObjectNode();
                    JsonNode taken = null;
                    switch (req.path("op").asText()) {
                        case "put" -> items.add(req.get("item"));
                        case "get" -> {
                            taken = take(req.path("timeout_ms").asLong(-1));
                            if (taken != null) reply.set("item", taken);
                        }
                        case "qsize" -> reply.put("size", items.size());
                        default -> reply.put("error", "unknown op: " + req.path("op").asText());
                    }
                    try {
                        out.write(JSON.writeValueAsString(reply));
                        out.write('\n');
                        out.flush();
                    } catch (IOException e) {
                        if (taken != null) items.addFirst(taken); // the reader is gone: keep its item
                        throw e;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // connection closed by the peer or by close()
            }
        }

        void close() {
            List<Thread> ts;
            synchronized (this) {
                if (closed) return;
                closed = true;
                ts = new ArrayList<>(threads);
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // we own it; nothing to recover
                }
                for (Socket c : connections) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }
            ts.add(acceptor);
            for (Thread t : ts) {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Another process's side: one connection, one request at a time. */
    private static final class Client {
        final Socket socket;
        final BufferedReader in;
        final BufferedWriter out;

        Client(int port) {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the queue's owner on port " + port
                        + " (was the queue closed, or its process ended?): " + e.getMessage(), e);
            }
        }

        synchronized JsonNode call(ObjectNode req) {
            try {
                out.write(JSON.writeValueAsString(req));
                out.write('\n');
                out.flush();
                String line = in.readLine();
                if (line == null) throw new IllegalStateException("the queue's owner closed the queue");
                JsonNode reply = JSON.readTree(line);
                if (reply.has("error")) throw new IllegalStateException(reply.get("error").asText());
                return reply;
            } catch (IOException e) {
                throw new IllegalStateException("queue connection failed: " + e.getMessage(), e);
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
