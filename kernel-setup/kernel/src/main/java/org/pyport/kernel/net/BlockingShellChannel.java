package org.pyport.kernel.net;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.pyport.kernel.exec.KernelThreadStop;
import org.pyport.kernel.exec.KernelThreads;
import org.pyport.kernel.exec.ThreadStopper;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A shell or control channel whose loop blocks in {@code poll} instead of JJava's poll-then-sleep-50-ms loop,
 * so a request is handled as soon as it arrives (and an idle kernel does not wake up 20 times a second), and
 * which no message can stop: one with a wrong HMAC signature or that cannot be read is dropped, and whatever a
 * handler throws ({@code Error}s too: a compiler's stack overflow, an assertion inside JShell) is answered to its
 * request as an error. JJava's loop thread dies on the first of these, leaving the kernel deaf while its heartbeat
 * still beats.
 * <p>
 * On the shell channel, an execute request that fails with {@code stop_on_error} (as JupyterLab sends for every cell
 * not tagged {@code raises-exception}) aborts the execute requests received before its reply was sent, as ipykernel
 * does: "Run All" stops at the cell that failed. They are answered {@code aborted} without being run; other requests
 * among them are handled as usual, and requests arriving later run as usual.
 */
public final class BlockingShellChannel extends ShellChannel {

    private static final long POLL_MILLIS = 500;
    /** the process's own stderr (Jupyter's log), kept before System.err is given to cells */
    private static final PrintStream LOG = System.err;

    private final boolean control;
    private final PyportConnection connection;
    private volatile boolean running;
    private volatile Thread loop;
    private final Object requestLock = new Object();
    private RequestEnvironment current;
    private final InterruptWatchdog watchdog = new InterruptWatchdog(this);
    private ZMQ.Poller poller;
    /** requests received before a failing execute request was answered: its execute requests are aborted */
    private final Deque<Message<?>> behindFailure = new ArrayDeque<>();

    /**
     * @param ctx        the ZMQ context owning the socket
     * @param hmac       signs and checks messages
     * @param control    true for the control channel, false for shell
     * @param connection looks up handlers and reply environments
     */
    public BlockingShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean control, PyportConnection connection) {
        super(ctx, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        String address = formatAddress(props.getTransport(), props.getIp(),
                control ? props.getControlPort() : props.getShellPort());
        // a client that reconnects with the identity of one that went away is answered (as ipykernel does):
        // without it, ZMQ's ROUTER ignores the new connection while it still knows the old one
        setRouterHandover(true);
        if (!super.bind(address)) {
            throw new IllegalStateException("cannot bind " + address);
        }
        poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread thread = new Thread(this::serve, control ? KernelThreads.CONTROL : KernelThreads.SHELL);
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    private void serve() {
        while (running) {
            try {
                Message<?> message = behindFailure.poll();
                if (message == null) {
                    message = waiting(POLL_MILLIS) ? read() : null;
                } else if (message.getContent() instanceof ExecuteRequest) {
                    abort(message);
                    continue;
                }
                if (message != null && handle(message)) {
                    connection.close();
                    break;
                }
            } catch (Throwable e) {
                // a stop meant for a request that arrived just after it ended: the loop goes on
                LOG.println("pyport kernel: " + (control ? "control" : "shell") + " loop: " + e);
            }
        }
    }

    /** @return true if a message came within {@code millis} (0: is one there now) */
    private boolean waiting(long millis) {
        try (ThreadStopper.Shield polling = ThreadStopper.shield()) {
            return poller.poll(millis) > 0;
        } catch (Throwable e) {
            if (running) {
                LOG.println("pyport kernel: " + (control ? "control" : "shell") + " poll: " + e);
            } // else the socket was closed under us at shutdown
            return false;
        }
    }

    /** @return the message that {@link #waiting} found, or null if it was dropped */
    private Message<?> read() {
        try (ThreadStopper.Shield reading = ThreadStopper.shield()) {
            return readMessage();
        } catch (SecurityException e) {
            LOG.println("pyport kernel: dropped a message with an invalid signature");
        } catch (Throwable e) {
            if (running) {
                // malformed JSON, or JSON nested so deep that parsing it overflows the stack
                LOG.println("pyport kernel: dropped an unreadable message: " + e);
            } // else the socket was closed under us at shutdown
        }
        return null;
    }

    /**
     * Handles one request; whatever its handler throws (an {@code Error} too) is answered to that request and
     * logged, and the loop goes on.
     *
     * @return true if the request asked for the kernel to shut down
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private boolean handle(Message<?> message) {
        ShellHandler handler;
        RequestEnvironment env;
        String type;
        try {
            type = message.getHeader().getType().getName();
            handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                return false;
            }
            env = connection.environment(this, message);
        } catch (Throwable e) {
            LOG.println("pyport kernel: dropped a message without a usable header: " + e);
            return false;
        }
        synchronized (requestLock) {
            current = env;
        }
        try {
            handler.handle(env, message);
        } catch (Throwable e) {
            replyFailure(env, type, e);
        } finally {
            try (ThreadStopper.Shield finishing = ThreadStopper.shield()) {
                synchronized (requestLock) {
                    current = null;
                }
                if (!control && env.abortsQueue()) {
                    takeReceived(); // before the reply goes out: a request sent in answer to it is not aborted
                }
                env.resolveDeferrals();
            }
        }
        return env.isMarkedForShutdown();
    }

    /** Moves every message received so far (without waiting for more) to {@link #behindFailure}. */
    private void takeReceived() {
        while (running && waiting(0)) {
            Message<?> message = read();
            if (message != null) {
                behindFailure.add(message);
            }
        }
    }

    /** Answers an execute request queued behind a failure as aborted, without running it. */
    private void abort(Message<?> request) {
        try (ThreadStopper.Shield replying = ThreadStopper.shield()) {
            connection.environment(this, request).replyAborted();
        } catch (Throwable e) {
            LOG.println("pyport kernel: could not answer an aborted execute_request: " + e);
        }
    }

    private void replyFailure(RequestEnvironment env, String type, Throwable e) {
        try (ThreadStopper.Shield replying = ThreadStopper.shield()) {
            if (env.stopped()) {
                env.replyFailure("Interrupted", e, List.of(
                        "Interrupted (stopped at your request while the kernel was still compiling the cell or"
                                + " showing its result)."));
                return;
            }
            LOG.println("pyport kernel: error handling " + type + ": " + e);
            env.replyFailure(e.getClass().getName(), e, List.of(
                    "The kernel failed on this request: " + e,
                    "The kernel is still running; please report this as a bug."));
        } catch (Throwable again) {
            LOG.println("pyport kernel: could not answer " + type + ": " + again);
        }
    }

    /** @return the request being handled now, or null */
    RequestEnvironment currentRequest() {
        synchronized (requestLock) {
            return current;
        }
    }

    /**
     * Stops the loop's thread where it is if it still handles {@code request} (and is not in a region it must
     * not be stopped in); the request is then answered as interrupted.
     */
    void stopRequest(RequestEnvironment request) {
        synchronized (requestLock) {
            Thread thread = loop;
            if (current != request || thread == null || ThreadStopper.isShielded(thread)) {
                return;
            }
            request.markStopped(); // first: the thread's replies must know it (see RequestEnvironment.send)
            if (ThreadStopper.stop(thread, new KernelThreadStop())) {
                LOG.println("pyport kernel: stopped " + thread.getName() + " (an interrupted request went on)");
            }
        }
    }

    /** Called once an interrupt request was handled (see {@link InterruptWatchdog}). */
    void afterInterrupt() {
        watchdog.interrupted();
    }

    @Override
    public void close() {
        running = false;
        watchdog.close();
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(2 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread thread = loop;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
