package org.pyport.kernel.net;

import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.pyport.kernel.exec.ThreadStopper;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The reply environment of one shell or control request. Unlike JJava's, it never loses the end of a request: the
 * deferred actions (the reply, the {@code idle} status) all run even when one of them throws; a {@code defer()} that
 * the handler left dangling (it threw between {@code defer()} and the message) is forgotten rather than making
 * {@link #resolveDeferrals()} throw; and it knows whether the request was answered, so that a handler that failed
 * without replying can be answered by {@link #replyFailure}. {@code defer()} applies to the next message of the
 * thread that called it only: cell output published meanwhile by other threads is not deferred in its place. It also
 * knows whether its reply was an error, which for an execute request asking to stop on error aborts the execute
 * requests queued behind it (see {@link #abortsQueue()}).
 */
final class RequestEnvironment extends ShellReplyEnvironment {

    private final Message<?> request;
    private final PrintStream log;
    private final Deque<Runnable> deferred = new ArrayDeque<>();
    private Thread deferring;
    private boolean replied;
    private boolean repliedError;
    private volatile boolean stopped;
    /** the thread handling the request (the channel's loop, which makes the environment) */
    private final Thread handler = Thread.currentThread();

    RequestEnvironment(ShellChannel shell, StdinChannel stdin, JupyterSocket iopub, Message<?> request, PrintStream log) {
        super(shell, stdin, iopub, request);
        this.request = request;
        this.log = log;
    }

    @Override
    public synchronized RequestEnvironment defer() {
        deferring = Thread.currentThread();
        return this;
    }

    @Override
    public synchronized void defer(Runnable action) {
        deferred.push(action);
    }

    /** @return true if this call's message is to be deferred (and the deferral is used up) */
    private synchronized boolean takeDeferral() {
        if (deferring == Thread.currentThread()) {
            deferring = null;
            return true;
        }
        return false;
    }

    @Override
    public void publish(Message<?> msg) {
        if (takeDeferral()) {
            defer(() -> send(getIopub(), msg));
        } else {
            send(getIopub(), msg);
        }
    }

    /** A thread is not stopped half-way through a message (see {@link InterruptWatchdog}). */
    private void send(JupyterSocket socket, Message<?> msg) {
        if (stopped && Thread.currentThread() == handler) {
            Thread.interrupted(); // a stop also interrupts the thread; ZMQ would refuse to send (EINTR)
        }
        try (ThreadStopper.Shield sending = ThreadStopper.shield()) {
            socket.sendMessage(msg);
        }
    }

    @Override
    public void reply(Message<?> msg) {
        synchronized (this) {
            replied = true;
            repliedError |= isError(msg);
        }
        if (takeDeferral()) {
            defer(() -> send(getShell(), msg));
        } else {
            send(getShell(), msg);
        }
    }

    /** Runs every deferred action, most recent first, each even if an earlier one threw; never throws. */
    @Override
    public void resolveDeferrals() {
        synchronized (this) {
            deferring = null;
        }
        while (true) {
            Runnable action;
            synchronized (this) {
                action = deferred.poll();
            }
            if (action == null) {
                return;
            }
            try {
                action.run();
            } catch (Throwable e) {
                log.println("pyport kernel: while finishing " + typeName() + ": " + e);
            }
        }
    }

    /** The handler's thread was stopped by an interrupt (see {@link InterruptWatchdog}). */
    void markStopped() {
        stopped = true;
    }

    /** @return true if {@link #markStopped()} was called */
    boolean stopped() {
        return stopped;
    }

    /** @return true once a reply to the request was sent or deferred */
    synchronized boolean replied() {
        return replied;
    }

    /**
     * @return true if this is an execute request that failed (an interrupt too) and whose failure is to abort the
     * execute requests queued behind it: not silent and with {@code stop_on_error} (as in ipykernel; a request that
     * leaves the field out is read as false by JJava's parser, whereas the message spec's default is true: every
     * front end and jupyter_client send it)
     */
    synchronized boolean abortsQueue() {
        return repliedError && request.getContent() instanceof ExecuteRequest execute
                && !execute.isSilent() && execute.shouldStopOnError();
    }

    /**
     * Answers an execute request without running it, as ipykernel answers one queued behind a failure: busy, an
     * {@code execute_reply} with status {@code aborted} (no execution count, no {@code execute_input}), idle.
     */
    void replyAborted() {
        setStatusBusy();
        reply(new Message<>(getContext(), abortedReplyType(), Map.of("status", "aborted")));
        setStatusIdle();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageType<Object> abortedReplyType() {
        return (MessageType) ExecuteReply.MESSAGE_TYPE; // its content is not an ExecuteReply, which is ok or error
    }

    private static boolean isError(Message<?> reply) {
        Object content = reply.getContent();
        return reply.getHeader().getType().isError() || content instanceof ErrorReply
                || content instanceof ExecuteReply execute && execute.getStatus() == ExecuteReply.Status.ERROR;
    }

    private String typeName() {
        MessageType<?> type = request.getHeader().getType();
        return type == null ? "a request" : type.getName();
    }

    /**
     * Answers the request with an error, unless it was answered already: its handler failed with {@code failure}.
     * For an execute request the error is also published, so that it shows in the cell.
     *
     * @param name      the error name ({@code ename})
     * @param failure   what the handler threw
     * @param traceback the lines shown
     */
    void replyFailure(String name, Throwable failure, List<String> traceback) {
        if (replied()) {
            return;
        }
        MessageType<?> type = request.getHeader().getType();
        String requestName = type == null ? "" : type.getName();
        if (!requestName.endsWith("_request")) {
            return; // comm messages and the like have no reply
        }
        MessageType<?> replyType = MessageType.getType(requestName.substring(0, requestName.length() - "_request".length()) + "_reply");
        if (replyType == MessageType.UNKNOWN) {
            return;
        }
        String value = String.valueOf(failure.getMessage());
        if (request.getContent() instanceof ExecuteRequest) {
            publish(new PublishError(name, value, traceback));
        }
        reply(new Message<>(getContext(), replyType.error(), new ErrorReply(name, value, traceback)));
    }
}
