package org.pyport.kernel.net;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * JJava's connection (heartbeat, stdin, iopub, handler table) with {@link BlockingShellChannel}s for shell and
 * control, and {@link RequestEnvironment}s for their requests. All sockets bind to the connection file's ip only;
 * the ROUTER sockets (shell, control, stdin) hand a known identity over to a client that reconnects with it.
 */
public final class PyportConnection extends JupyterConnection {

    /** the process's own stderr (Jupyter's log), kept before System.err is given to cells */
    private static final PrintStream LOG = System.err;

    private final KernelConnectionProperties props;
    private final ZMQ.Context channelContext = ZMQ.context(1);
    private final BlockingShellChannel shellChannel;
    private final BlockingShellChannel controlChannel;
    private boolean closed;

    /**
     * @param props the parsed connection file
     * @throws NoSuchAlgorithmException if the signature scheme is unknown
     * @throws InvalidKeyException      if the key is unusable
     */
    public PyportConnection(KernelConnectionProperties props) throws NoSuchAlgorithmException, InvalidKeyException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        this.shellChannel = new BlockingShellChannel(channelContext, hmac, false, this);
        this.controlChannel = new BlockingShellChannel(channelContext, hmac, true, this);
    }

    @Override
    public <T> void setHandler(MessageType<T> type, ShellHandler<T> handler) {
        if (type == MessageType.INTERRUPT_REQUEST) {
            // then the shell request that the interrupt is for must end, whatever it is doing
            ShellHandler<T> interrupt = handler;
            handler = (env, message) -> {
                try {
                    interrupt.handle(env, message);
                } finally {
                    shellChannel.afterInterrupt();
                }
            };
        }
        super.setHandler(type, handler);
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return environment(shell, (Message<?>) context);
    }

    /** @return the reply environment of {@code request}, received on {@code shell} */
    RequestEnvironment environment(ShellChannel shell, Message<?> request) {
        return new RequestEnvironment(shell, stdin, iopub, request, LOG);
    }

    @Override
    public void connect() {
        // as on shell and control: a client reconnecting with a known identity is answered
        stdin.setRouterHandover(true);
        heartbeat.bind(props);
        shellChannel.bind(props);
        controlChannel.bind(props);
        stdin.bind(props);
        iopub.bind(props);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shellChannel.close();
        controlChannel.close();
        super.close();
        channelContext.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        super.waitUntilClose();
    }
}
