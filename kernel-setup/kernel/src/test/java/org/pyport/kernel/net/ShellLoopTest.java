package org.pyport.kernel.net;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Whatever a handler throws, its request is answered and the shell loop goes on. */
class ShellLoopTest {

    private static final String KEY = "test-key";

    PyportConnection connection;
    ZMQ.Context clientContext;
    ZMQ.Socket client;
    HMACGenerator hmac;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeEach
    void start() throws Exception {
        int shell = freePort();
        KernelConnectionProperties props = new KernelConnectionProperties("127.0.0.1", freePort(), shell, freePort(),
                freePort(), freePort(), "tcp", "hmac-sha256", KEY);
        hmac = props.createHMACGenerator();
        connection = new PyportConnection(props);
        // kernel_info: throws an Error after deferring a reply's send (JJava's loop thread died on any Error)
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, message) -> {
            env.setBusyDeferIdle();
            env.defer();
            throw new StackOverflowError("deep");
        });
        // execute: a deferred action that fails runs before the deferred reply (deferrals run last-in first-out)
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            env.defer().reply(new ExecuteReply(1, Map.of()));
            env.defer(() -> {
                throw new IllegalStateException("a deferred action that fails");
            });
        });
        connection.connect();
        clientContext = ZMQ.context(1);
        client = clientContext.socket(SocketType.DEALER);
        client.setLinger(0);
        client.setReceiveTimeOut(10_000);
        client.connect("tcp://127.0.0.1:" + shell);
    }

    @AfterEach
    void stop() {
        client.close();
        clientContext.close();
        connection.close();
    }

    private JsonObject request(String type) {
        byte[] header = ("{\"msg_id\":\"" + UUID.randomUUID() + "\",\"session\":\"s\",\"username\":\"u\",\"date\":"
                + "\"2024-01-01T00:00:00.000Z\",\"msg_type\":\"" + type + "\",\"version\":\"5.3\"}").getBytes(StandardCharsets.UTF_8);
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        byte[] content = type.equals("execute_request")
                ? "{\"code\":\"1\",\"silent\":false,\"store_history\":true,\"user_expressions\":{},\"allow_stdin\":false}"
                .getBytes(StandardCharsets.UTF_8) : empty;
        client.sendMore("<IDS|MSG>");
        client.sendMore(hmac.calculateSignature(header, empty, empty, content));
        client.sendMore(header);
        client.sendMore(empty);
        client.sendMore(empty);
        client.send(content);
        List<byte[]> frames = new ArrayList<>();
        do {
            byte[] frame = client.recv();
            assertNotNull(frame, "no reply to " + type);
            frames.add(frame);
        } while (client.hasReceiveMore());
        int delimiter = 0;
        while (!new String(frames.get(delimiter), StandardCharsets.UTF_8).equals("<IDS|MSG>")) {
            delimiter++;
        }
        JsonObject replyHeader = JsonParser.parseString(new String(frames.get(delimiter + 2), StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject reply = JsonParser.parseString(new String(frames.get(delimiter + 5), StandardCharsets.UTF_8)).getAsJsonObject();
        reply.addProperty("msg_type", replyHeader.get("msg_type").getAsString());
        return reply;
    }

    @Test
    @Timeout(60)
    void anErrorInAHandlerIsAnsweredAndTheLoopGoesOn() {
        for (int i = 0; i < 3; i++) {
            JsonObject failed = request("kernel_info_request");
            assertEquals("kernel_info_reply", failed.get("msg_type").getAsString());
            assertEquals("error", failed.get("status").getAsString());
            assertEquals("java.lang.StackOverflowError", failed.get("ename").getAsString());
            JsonObject ok = request("execute_request");
            assertEquals("execute_reply", ok.get("msg_type").getAsString());
            assertEquals("ok", ok.get("status").getAsString(), "answered although a deferred action failed");
        }
    }
}
