package org.pyport.concurrent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.pyport.child.JvmCommand;
import org.pyport.serial.SerialFilters;

/**
 * A process pool, the Java counterpart of {@code multiprocessing.Pool}: {@code processes} child JVMs
 * (default: one per core, like Python) each run submitted tasks one after another.
 *
 * <pre>{@code
 * Pool p = new Pool();
 * for (int i = 0; i < 5; i++) { int n = i; p.applyAsync(() -> longTimeTask(n)); }
 * p.close();
 * p.join();
 * }</pre>
 *
 * <p>The workers connect back over loopback; each proves with an HMAC challenge that it holds a secret the
 * pool gave it on its stdin before any of its frames is read, and every result is deserialized through
 * {@link org.pyport.serial.SerialFilters#values()} (the JDK's value types and the notebook's own classes, with
 * limits on depth and size): a result it refuses fails its task, and the pool goes on.
 *
 * <p>Differences from Python, on purpose: a task is a serializable lambda (Python pickles a function
 * reference and its arguments; Java serializes the lambda with its captured values), and the workers'
 * output is printed by the thread that waits in {@link #join()} or {@link AsyncResult#get()}, so it
 * reaches the notebook cell that waits. As in Python, {@link #close()} only stops accepting tasks
 * (workers exit once the queue is empty) and {@link #terminate()} kills the workers; this also makes
 * {@code close()} the {@link AutoCloseable} method, so try-with-resources does not kill running tasks.
 */
public final class Pool implements AutoCloseable {
    private enum State { RUN, CLOSED, TERMINATED }

    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How long a connecting process may take to prove it is one of this pool's workers. */
    private static final int HANDSHAKE_MILLIS = 2000;

    private final ServerSocket server;
    /** Given to each worker on its stdin; a process that connects must prove it holds it. */
    private final byte[] secret = PoolFrames.nonce(PoolFrames.SECRET_BYTES);
    private final List<Worker> workers = new ArrayList<>();
    private final Deque<AsyncResult<?>> pending = new ArrayDeque<>();
    private final List<AsyncResult<?>> all = new ArrayList<>();
    private final java.util.Map<Long, byte[]> payloads = new java.util.HashMap<>();
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    private final Object drainLock = new Object();
    private State state = State.RUN;
    private long nextId;

    /** A pool with one worker process per available core ({@code Pool()} in Python). */
    public Pool() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** A pool of {@code processes} worker processes ({@code Pool(5)} in Python). */
    public Pool(int processes) {
        if (processes < 1) throw new IllegalArgumentException("Number of processes must be at least 1, got " + processes);
        try {
            server = new ServerSocket(0, processes + 8, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback socket for the pool workers: " + e.getMessage(), e);
        }
        try {
            startWorkers(processes);
        } catch (RuntimeException e) {
            terminate();
            throw e;
        }
    }

    /** The number of worker processes. */
    public int size() {
        return workers.size();
    }

    /** The pids of the worker processes (e.g. to sample their CPU). */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (Worker w : workers) pids.add(w.pid);
        return pids;
    }

    /** The worker processes' handles (e.g. to watch them exit). */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> hs = new ArrayList<>();
        for (Worker w : workers) hs.add(w.process.toHandle());
        return hs;
    }

    /**
     * Queues {@code task} to run in a worker process ({@code apply_async} in Python) and returns at once.
     *
     * @throws IllegalStateException after {@link #close()} or {@link #terminate()}
     * @throws IllegalArgumentException if the lambda captured something that is not serializable
     */
    public <T> AsyncResult<T> applyAsync(SerializableCallable<T> task) {
        return submit(task);
    }

    /** Like {@link #applyAsync(SerializableCallable)} for a task without result. */
    public AsyncResult<Void> applyAsync(SerializableTask task) {
        return submit(task);
    }

    private synchronized <T> AsyncResult<T> submit(Object task) {
        if (state != State.RUN) throw new IllegalStateException("Pool not running: no new tasks after close() or terminate()");
        byte[] payload;
        try {
            payload = PoolFrames.serialize(task);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("the task captured a value that is not Serializable (" + e.getMessage()
                    + "): capture only serializable values such as numbers, strings and records implementing Serializable", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialize the task: " + e, e);
        }
        AsyncResult<T> r = new AsyncResult<>(this, nextId++, task.getClass().getClassLoader());
        payloads.put(r.id, payload);
        pending.add(r);
        all.add(r);
        for (Worker w : workers) {
            if (w.alive && w.current == null) {
                dispatch(w);
                break;
            }
        }
        if (liveWorkers() == 0) failPending("all worker processes have died");
        return r;
    }

    /** Stops accepting tasks; workers exit once every queued task has run. Does not wait (see {@link #join()}). */
    @Override
    public synchronized void close() {
        if (state != State.RUN) return;
        state = State.CLOSED;
        for (Worker w : workers) {
            if (w.alive && w.current == null) dispatch(w);
        }
    }

    /**
     * Waits for every task and every worker process to finish, printing the workers' output meanwhile.
     *
     * @throws IllegalStateException if called before {@link #close()} or {@link #terminate()}, as in Python
     */
    public void join() {
        synchronized (this) {
            if (state == State.RUN) throw new IllegalStateException("Pool is still running: call close() or terminate() before join()");
        }
        awaitUntil(this::finished, Long.MAX_VALUE);
        release();
    }

    /** Kills the worker processes at once; unfinished tasks fail with {@link TaskFailedException}. */
    public void terminate() {
        synchronized (this) {
            state = State.TERMINATED;
            failPending("the pool was terminated");
            for (Worker w : workers) {
                w.process.destroyForcibly();
            }
        }
        for (Worker w : workers) {
            try {
                w.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        awaitUntil(this::finished, System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
        release();
    }

    // ---------------------------------------------------------------- workers

    private void startWorkers(int n) {
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // one GC thread instead of a pool per child: several children share two cores in a workshop VM
            ProcessBuilder pb = JvmCommand.of(PoolWorker.class).jvmOptions("-XX:+UseSerialGC")
                    .args(String.valueOf(server.getLocalPort())).redirectErrorStream(true).toProcessBuilder();
            try {
                Process p = pb.start();
                started.add(p);
                try (var stdin = p.getOutputStream()) { // private to this process and the worker
                    stdin.write((java.util.HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the worker died at once; the loop below reports its exit
                }
                Worker w = new Worker(p);
                workers.add(w);
                w.pump = daemon("pool-worker-output-" + p.pid(), () -> pump(p.getInputStream()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot start a worker JVM (" + pb.command().get(0) + "): " + e.getMessage(), e);
            }
        }
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        try {
            server.setSoTimeout(200);
            while (liveWorkers() < n) {
                try {
                    // each handshake on a thread of its own: a connection that says nothing delays no one
                    Socket s = server.accept();
                    daemon("pool-handshake", () -> authenticate(s));
                } catch (SocketTimeoutException tick) {
                    for (Process p : started) {
                        if (!p.isAlive() && byPid(p.pid()).socket == null) {
                            drainAvailable();
                            throw new IllegalStateException("a worker JVM exited with code " + p.exitValue()
                                    + " before connecting (its output is printed above); classpath: " + JvmCommand.classpath());
                        }
                    }
                    if (System.nanoTime() > deadline) throw new IllegalStateException("worker JVMs did not connect within 60 s");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("pool start failed: " + e.getMessage(), e);
        } finally {
            try {
                server.close(); // every worker is in: nobody else may connect
            } catch (IOException ignored) {
                // closing our own socket
            }
        }
    }

    /** Attaches the worker that proves it holds the secret; closes anything else (see {@link PoolFrames}). */
    private void authenticate(Socket s) {
        String refused;
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(HANDSHAKE_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
            byte[] nonce = PoolFrames.nonce(PoolFrames.SECRET_BYTES);
            PoolFrames.write(out, PoolFrames.CHALLENGE, 0, nonce);
            PoolFrames.Frame hello = PoolFrames.read(in, PoolFrames.MAX_HANDSHAKE_FRAME);
            Worker w = byPid(hello.id());
            byte[] p = hello.payload();
            if (hello.type() != PoolFrames.HELLO || p.length != 64 || w == null || w.socket != null) {
                refused = "not a waiting worker of this pool";
            } else if (!PoolFrames.matches(PoolFrames.proof(secret, "pool-worker", nonce, w.pid), Arrays.copyOf(p, 32))) {
                refused = "a wrong proof of the pool's secret for pid " + w.pid;
            } else {
                PoolFrames.write(out, PoolFrames.WELCOME, 0, PoolFrames.proof(secret, "pool-parent", Arrays.copyOfRange(p, 32, 64), w.pid));
                s.setSoTimeout(0);
                synchronized (this) {
                    if (w.socket == null) {
                        w.attach(s, in, out);
                        w.reader = daemon("pool-worker-reader-" + w.pid, () -> readLoop(w));
                        return;
                    }
                }
                refused = "pid " + w.pid + " is connected already";
            }
        } catch (IOException e) {
            refused = e instanceof SocketTimeoutException ? "no handshake within " + HANDSHAKE_MILLIS + " ms" : e.toString();
        }
        System.err.println("Pool: refused a connection from " + s.getRemoteSocketAddress() + ": " + refused);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private Worker byPid(long pid) {
        for (Worker w : workers) if (w.pid == pid) return w;
        return null;
    }

    /** Sends the next queued task to an idle worker, or tells it to exit once the pool is closed. */
    private void dispatch(Worker w) {
        AsyncResult<?> next = pending.poll();
        try {
            if (next != null) {
                w.current = next;
                next.dispatchedTo(w.pid);
                PoolFrames.write(w.out, PoolFrames.TASK, next.id, payloads.remove(next.id));
            } else if (state != State.RUN && !w.shutdownSent) {
                w.shutdownSent = true;
                PoolFrames.write(w.out, PoolFrames.SHUTDOWN, 0, new byte[0]);
            }
        } catch (IOException e) {
            w.alive = false; // the reader thread will notice the dead socket and fail w.current
        }
    }

    private void readLoop(Worker w) {
        try {
            while (true) {
                PoolFrames.Frame f = PoolFrames.read(w.in, PoolFrames.MAX_FRAME);
                switch (f.type()) {
                    case PoolFrames.OUT -> events.add(() -> write(System.out, f.payload())); // looked up when printed: a cell may swap it
                    case PoolFrames.ERR -> events.add(() -> write(System.err, f.payload()));
                    case PoolFrames.RESULT, PoolFrames.FAIL -> finished(w, f);
                    default -> throw new IOException("unexpected frame type " + f.type());
                }
            }
        } catch (IOException e) {
            // EOF: the worker exited (normally after SHUTDOWN) or was killed
        } finally {
            AsyncResult<?> lost;
            synchronized (this) {
                w.alive = false;
                lost = w.current;
                w.current = null;
                if (liveWorkers() == 0) failPending("all worker processes have died");
            }
            if (lost != null) {
                TaskFailedException e = new TaskFailedException("worker process " + w.pid + " died while running task " + lost.id, "");
                events.add(() -> lost.fail(e));
            }
            events.add(() -> { }); // wake up a waiting join()
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void finished(Worker w, PoolFrames.Frame f) {
        AsyncResult r;
        synchronized (this) {
            r = w.current;
            w.current = null;
        }
        if (r == null || r.id != f.id()) return;
        if (f.type() == PoolFrames.RESULT) {
            try {
                Object v = SerialFilters.read(f.payload(), r.loader, SerialFilters.values());
                events.add(() -> r.complete(v));
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                TaskFailedException tf = new TaskFailedException("cannot read the result of task " + r.id + " from worker "
                        + w.pid + ": " + e.getMessage(), "");
                events.add(() -> r.fail(tf));
            }
        } else {
            TaskFailedException tf = new TaskFailedException("task " + r.id + " failed in worker process " + w.pid,
                    new String(f.payload(), StandardCharsets.UTF_8));
            events.add(() -> r.fail(tf));
        }
        synchronized (this) {
            if (w.alive) dispatch(w);
        }
    }

    private void pump(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                events.add(() -> write(System.err, chunk));
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static void write(PrintStream s, byte[] bytes) {
        s.write(bytes, 0, bytes.length);
        s.flush();
    }

    private synchronized void failPending(String why) {
        AsyncResult<?> r;
        while ((r = pending.poll()) != null) {
            payloads.remove(r.id);
            AsyncResult<?> failed = r;
            TaskFailedException e = new TaskFailedException("task " + r.id + " did not run: " + why, "");
            events.add(() -> failed.fail(e));
        }
    }

    private synchronized int liveWorkers() {
        int n = 0;
        for (Worker w : workers) if (w.alive) n++;
        return n;
    }

    private synchronized boolean finished() {
        for (Worker w : workers) if (w.process.isAlive() || (w.reader != null && w.reader.isAlive())) return false;
        return events.isEmpty() && pending.isEmpty();
    }

    /** Closes the socket and waits for the helper threads, so nothing of the pool is left. */
    private void release() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing a server socket we own; nothing to recover
        }
        for (Worker w : workers) {
            w.closeSocket();
            joinQuietly(w.reader);
            joinQuietly(w.pump);
        }
        drainAvailable();
    }

    private static void joinQuietly(Thread t) {
        if (t == null) return;
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---------------------------------------------------------------- output on the waiting thread

    /** Prints/applies every event that has arrived, without waiting. */
    void drainAvailable() {
        synchronized (drainLock) {
            Runnable ev;
            while ((ev = events.poll()) != null) ev.run();
        }
    }

    /** Applies events until {@code done} holds or the deadline passes; returns whether {@code done} holds. */
    boolean awaitUntil(BooleanSupplier done, long deadlineNanos) {
        while (true) {
            drainAvailable();
            if (done.getAsBoolean()) return true;
            long left = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            if (left <= 0) return false;
            try {
                synchronized (drainLock) {
                    Runnable ev = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                    if (ev != null) ev.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the pool", e);
            }
        }
    }

    /** One worker process and its connection. */
    private static final class Worker {
        final Process process;
        final long pid;
        volatile Socket socket;
        DataInputStream in;
        DataOutputStream out;
        Thread reader;
        Thread pump;
        volatile boolean alive;
        boolean shutdownSent;
        AsyncResult<?> current;

        Worker(Process p) {
            this.process = p;
            this.pid = p.pid();
        }

        void attach(Socket s, DataInputStream in, DataOutputStream out) {
            this.in = in;
            this.out = out;
            this.socket = s;
            this.alive = true;
        }

        void closeSocket() {
            Socket s = socket;
            if (s == null) return;
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed by the peer
            }
        }
    }
}
