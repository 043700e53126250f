package org.pyport.concurrent;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import org.pyport.serial.SerialFilters;

/**
 * Main class of a {@link Pool} worker process: reads the pool's secret from its stdin, connects back to
 * the parent over loopback, proves it holds the secret and checks that the parent does (see {@link PoolFrames}),
 * then runs the tasks it receives one after the other, sending their printed output and result back on the
 * same socket. Tasks are deserialized through {@link SerialFilters#tasks()}. It exits when told to, or as
 * soon as the parent goes away (EOF), so a dead notebook kernel leaves no worker behind.
 */
public final class PoolWorker {
    private PoolWorker() {}

    /** {@code PoolWorker <port>}: the parent's loopback port. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: PoolWorker <parent-port>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        byte[] secret = HexFormat.of().parseHex(line == null ? "" : line.strip());
        if (secret.length != PoolFrames.SECRET_BYTES) {
            System.err.println("PoolWorker: no pool secret on stdin; a pool worker is started by its Pool");
            System.exit(2);
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            if (!handshake(in, out, secret)) {
                System.err.println("PoolWorker: the process on port " + port + " could not prove it holds the pool's secret");
                System.exit(2);
            }
            // everything the tasks print travels on the socket, in order with the results
            // (no autoflush: FrameStream sends whole lines itself, so lines of two workers never interleave)
            System.setOut(new PrintStream(new FrameStream(out, PoolFrames.OUT), false, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new FrameStream(out, PoolFrames.ERR), false, StandardCharsets.UTF_8));
            serve(in, out);
        } catch (EOFException | java.net.SocketException parentGone) {
            // the parent closed the pool or died: nothing left to do
        }
        // halt rather than wait for non-daemon threads a task may have left running
        Runtime.getRuntime().halt(0);
    }

    /** Answers the parent's challenge and checks its proof in return. */
    private static boolean handshake(DataInputStream in, DataOutputStream out, byte[] secret) throws IOException {
        long pid = ProcessHandle.current().pid();
        PoolFrames.Frame challenge = PoolFrames.read(in, PoolFrames.MAX_HANDSHAKE_FRAME);
        if (challenge.type() != PoolFrames.CHALLENGE) return false;
        byte[] nonce = PoolFrames.nonce(PoolFrames.SECRET_BYTES);
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(PoolFrames.proof(secret, "pool-worker", challenge.payload(), pid));
        hello.write(nonce);
        PoolFrames.write(out, PoolFrames.HELLO, pid, hello.toByteArray());
        PoolFrames.Frame welcome = PoolFrames.read(in, PoolFrames.MAX_HANDSHAKE_FRAME);
        return welcome.type() == PoolFrames.WELCOME
                && PoolFrames.matches(PoolFrames.proof(secret, "pool-parent", nonce, pid), welcome.payload());
    }

    private static void serve(DataInputStream in, DataOutputStream out) throws IOException {
        ClassLoader loader = ClassLoader.getSystemClassLoader();
        while (true) {
            PoolFrames.Frame f = PoolFrames.read(in, PoolFrames.MAX_FRAME);
            if (f.type() == PoolFrames.SHUTDOWN) return;
            if (f.type() != PoolFrames.TASK) throw new IOException("unexpected frame type " + f.type());
            byte[] reply;
            byte type;
            try {
                Object task = SerialFilters.read(f.payload(), loader, SerialFilters.tasks());
                Object result = runTask(task);
                System.out.flush();
                System.err.flush();
                reply = PoolFrames.serialize(result);
                type = PoolFrames.RESULT;
            } catch (Throwable t) {
                System.out.flush();
                System.err.flush();
                reply = trace(t).getBytes(StandardCharsets.UTF_8);
                type = PoolFrames.FAIL;
            }
            PoolFrames.write(out, type, f.id(), reply);
        }
    }

    private static Object runTask(Object task) throws Exception {
        if (task instanceof SerializableCallable<?> c) return ((Callable<?>) c).call();
        if (task instanceof SerializableTask t) {
            t.run();
            return null;
        }
        throw new IllegalArgumentException("not a task: " + task.getClass().getName());
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    /**
     * An output stream that sends each complete line as one frame (the rest on {@link #flush()}, which
     * the worker calls when a task ends): one frame per line keeps lines whole when the parent prints
     * the output of several workers.
     */
    private static final class FrameStream extends OutputStream {
        private final DataOutputStream out;
        private final byte type;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        FrameStream(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') flush();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) write(b[i]);
        }

        @Override
        public synchronized void flush() throws IOException {
            if (line.size() == 0) return;
            PoolFrames.write(out, type, 0, line.toByteArray());
            line.reset();
        }
    }
}
