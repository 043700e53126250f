package org.pyport.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.pyport.kernel.exec.KernelThreads;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The installer's training run ({@code KernelMain --warmup}, run once with {@code -XX:AOTCacheOutput} on JDK 25+
 * or {@code -XX:ArchiveClassesAtExit} before): a real kernel on loopback ports, driven over ZeroMQ like a front end
 * would, so the start-up cache holds what a kernel session loads: the sockets (jeromq), message signing and JSON
 * (gson), JJava's message classes, JShell and javac. Classes left out of the cache are loaded and verified from the
 * jars at every kernel start; on JDK 25 the run also records method profiles, so repeated cells compile sooner.
 */
final class TrainingRun {

    /** Cells a session typically runs; repeated so that the recorded profiles cover javac's hot paths. */
    private static final List<String> CELLS = List.of(
            "1 + 1",
            "int square(int x) { return x * x; }\nclass Point { int x, y; }\nsquare(3)",
            "List<Integer> xs = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(xs);\n"
                    + "xs.stream().map(x -> x * 2).collect(Collectors.toList())",
            "String.format(\"%d %s\", 1, \"a\")",
            "System.out.println(\"out\");\nSystem.err.println(\"err\");",
            "display(\"<b>x</b>\", \"text/html\");",
            "Map<String, Integer> m = new HashMap<>();\nm.put(\"a\", 1);\nm",
            "int bad = \"s\";",
            "throw new IllegalStateException(\"expected\");");

    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private final HMACGenerator hmac;
    private final String session = UUID.randomUUID().toString();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket control;

    private TrainingRun(HMACGenerator hmac, ZMQ.Socket shell, ZMQ.Socket control) {
        this.hmac = hmac;
        this.shell = shell;
        this.control = control;
    }

    /**
     * Serves a kernel on free loopback ports, runs {@link #CELLS} through it {@code rounds} times and shuts it down.
     *
     * @param rounds how often the cells are run
     * @throws Exception if the kernel cannot be started or does not answer
     */
    static void run(int rounds) throws Exception {
        int[] ports = freePorts(5);
        String key = UUID.randomUUID().toString();
        KernelConnectionProperties props = KernelConnectionProperties.parse("{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", "
                + "\"shell_port\": " + ports[0] + ", \"iopub_port\": " + ports[1] + ", \"stdin_port\": " + ports[2]
                + ", \"control_port\": " + ports[3] + ", \"hb_port\": " + ports[4]
                + ", \"signature_scheme\": \"hmac-sha256\", \"key\": \"" + key + "\"}");
        Throwable[] failure = new Throwable[1];
        Thread kernel = new Thread(() -> {
            try {
                KernelMain.serve(PyportKernel.builder(), props);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, KernelThreads.TRAINING);
        kernel.start();
        ZMQ.Context ctx = ZMQ.context(1);
        try {
            ZMQ.Socket shell = ctx.socket(SocketType.DEALER);
            ZMQ.Socket control = ctx.socket(SocketType.DEALER);
            shell.setReceiveTimeOut(120_000);
            control.setReceiveTimeOut(120_000);
            shell.connect("tcp://127.0.0.1:" + ports[0]);
            control.connect("tcp://127.0.0.1:" + ports[3]);
            TrainingRun client = new TrainingRun(props.createHMACGenerator(), shell, control);
            client.request(shell, "kernel_info_request", "{}");
            for (int i = 0; i < rounds; i++) {
                for (String cell : CELLS) {
                    client.request(shell, "execute_request", "{\"code\": " + CellParser.javaString(cell) + ", \"silent\": false, "
                            + "\"store_history\": true, \"user_expressions\": {}, \"allow_stdin\": false}");
                }
            }
            client.request(shell, "complete_request", "{\"code\": \"Math.ma\", \"cursor_pos\": 7}");
            client.request(shell, "is_complete_request", "{\"code\": \"for (;;) {\"}");
            client.request(control, "shutdown_request", "{\"restart\": false}");
            shell.close();
            control.close();
        } finally {
            ctx.close();
        }
        kernel.join(30_000);
        if (failure[0] != null) {
            throw new IllegalStateException("training kernel failed", failure[0]);
        }
    }

    /** Sends a signed request and waits for its reply (any reply: the run only needs the code paths). */
    private void request(ZMQ.Socket socket, String type, String content) {
        byte[] header = ("{\"msg_id\": \"" + UUID.randomUUID() + "\", \"username\": \"training\", \"session\": \""
                + session + "\", \"date\": \"" + Instant.now() + "\", \"msg_type\": \"" + type
                + "\", \"version\": \"5.3\"}").getBytes(StandardCharsets.UTF_8);
        byte[] parent = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        socket.sendMore(DELIMITER);
        socket.sendMore(hmac.calculateSignature(header, parent, metadata, body));
        socket.sendMore(header);
        socket.sendMore(parent);
        socket.sendMore(metadata);
        socket.send(body);
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) {
                throw new IllegalStateException("no reply to " + type + " from the training kernel");
            }
            frames.add(frame);
        } while (socket.hasReceiveMore());
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return ports;
    }
}
