package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pyport.distributed.TestSupport.client;
import static org.pyport.distributed.TestSupport.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  @Test
  void aWrongKeyIsRejectedClearlyAndChangesNothing() throws Exception {
    try (QueueManager m = manager().start(); QueueClient good = client(m);
        TestSupport.LogCapture log = new TestSupport.LogCapture()) {
      good.queue("task_queue").put("before");
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> QueueClient.connect("127.0.0.1", m.port(), "abd".getBytes(StandardCharsets.UTF_8)));
      assertEquals("authkey rejected by manager at 127.0.0.1:" + m.port(), e.getMessage());
      TestSupport.eventually("the refused connection is gone", () -> m.connectionCount() == 1);
      TestSupport.eventually("the wrong key is logged: " + log.messages, () -> log.contains("wrong authkey"));
      assertEquals(1, good.queue("task_queue").size());
      assertEquals("before", good.queue("task_queue").get(Duration.ofSeconds(5)));
    }
  }

  @Test
  void theKeyNeverCrossesTheWire() throws Exception {
    byte[] key = "a-very-recognizable-secret".getBytes(StandardCharsets.UTF_8);
    // a fake manager records what a client sends during the handshake
    try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> seen = CompletableFuture.supplyAsync(() -> {
        try (Socket s = fake.accept()) {
          DataOutputStream out = new DataOutputStream(s.getOutputStream());
          byte[] challenge = Handshake.concat(Handshake.MAGIC, Handshake.nonce());
          out.writeInt(challenge.length);
          out.write(challenge);
          DataInputStream in = new DataInputStream(s.getInputStream());
          byte[] answer = new byte[in.readInt()];
          in.readFully(answer);
          out.writeInt(1);
          out.write(Handshake.REJECTED);
          return answer;
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      assertThrows(AuthenticationException.class,
          () -> QueueClient.connect("127.0.0.1", fake.getLocalPort(), key));
      String answer = new String(seen.get(), StandardCharsets.ISO_8859_1);
      assertTrue(!answer.contains("recognizable"), "key must not be sent");
    }
  }

  @Test
  void aManagerThatCannotProveTheKeyIsRefusedByTheClient() throws Exception {
    try (ServerSocket fake = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
        try (Socket s = fake.accept()) {
          DataOutputStream out = new DataOutputStream(s.getOutputStream());
          byte[] challenge = Handshake.concat(Handshake.MAGIC, Handshake.nonce());
          out.writeInt(challenge.length);
          out.write(challenge);
          DataInputStream in = new DataInputStream(s.getInputStream());
          in.readFully(new byte[in.readInt()]);
          byte[] ok = new byte[1 + Handshake.MAC_BYTES]; // OK, but a proof made without the key
          ok[0] = Handshake.OK;
          out.writeInt(ok.length);
          out.write(ok);
          in.read(); // wait for the client to hang up
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      AuthenticationException e = assertThrows(AuthenticationException.class,
          () -> QueueClient.connect("127.0.0.1", fake.getLocalPort(), TestSupport.KEY));
      assertTrue(e.getMessage().contains("could not prove"), e.getMessage());
      server.get();
    }
  }

  @Test
  void proofsDependOnKeyNonceAndDirection() {
    byte[] nonce = Handshake.nonce();
    byte[] k = TestSupport.KEY;
    assertTrue(Handshake.matches(Handshake.clientProof(k, nonce), Handshake.clientProof(k, nonce)));
    assertTrue(!Handshake.matches(Handshake.clientProof(k, nonce), Handshake.managerProof(k, nonce)));
    assertTrue(!Handshake.matches(Handshake.clientProof(k, nonce), Handshake.clientProof("abd".getBytes(), nonce)));
    assertTrue(!Handshake.matches(Handshake.clientProof(k, nonce), Handshake.clientProof(k, Handshake.nonce())));
  }
}
