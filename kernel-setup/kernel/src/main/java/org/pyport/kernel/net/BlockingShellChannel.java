package org.pyport.kernel.net;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel whose loop blocks in {@code poll} instead of JJava's poll-then-sleep-50-ms loop,
 * so a request is handled as soon as it arrives (and an idle kernel does not wake up 20 times a second), and
 * which drops messages with a wrong HMAC signature and keeps serving; JJava's loop thread dies on the
 * {@code SecurityException} such a message raises, leaving the kernel deaf.
 */
public final class BlockingShellChannel extends ShellChannel {

    private static final long POLL_MILLIS = 500;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private volatile Thread loop;

    /**
     * @param ctx        the ZMQ context owning the socket
     * @param hmac       signs and checks messages
     * @param control    true for the control channel, false for shell
     * @param connection looks up handlers and reply environments
     */
    public BlockingShellChannel(ZMQ.Context ctx, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(ctx, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        String address = formatAddress(props.getTransport(), props.getIp(),
                control ? props.getControlPort() : props.getShellPort());
        if (!super.bind(address)) {
            throw new IllegalStateException("cannot bind " + address);
        }
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        Thread thread = new Thread(() -> serve(poller), control ? "pyport-control" : "pyport-shell");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void serve(ZMQ.Poller poller) {
        while (running) {
            Message message;
            try {
                if (poller.poll(POLL_MILLIS) <= 0) {
                    continue;
                }
                message = readMessage();
            } catch (SecurityException e) {
                System.err.println("pyport kernel: dropped a message with an invalid signature");
                continue;
            } catch (RuntimeException e) {
                if (!running) {
                    break; // the socket was closed under us at shutdown
                }
                System.err.println("pyport kernel: dropped an unreadable message: " + e);
                continue;
            }
            ShellHandler handler = connection.getHandler(message.getHeader().getType());
            if (handler == null) {
                continue;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            try {
                handler.handle(env, message);
            } catch (Exception e) {
                System.err.println("pyport kernel: error handling " + message.getHeader().getType().getName() + ": " + e);
            } finally {
                env.resolveDeferrals();
            }
            if (env.isMarkedForShutdown()) {
                connection.close();
                break;
            }
        }
    }

    @Override
    public void close() {
        running = false;
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
