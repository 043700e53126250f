package org.pyport.kernel.net;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * JJava's connection (heartbeat, stdin, iopub, handler table) with {@link BlockingShellChannel}s for shell and
 * control. All sockets bind to the connection file's ip only.
 */
public final class PyportConnection extends JupyterConnection {

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
    public void connect() {
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
