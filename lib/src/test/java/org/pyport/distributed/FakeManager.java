package org.pyport.distributed;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in manager for tests that need a manager to misbehave at a chosen moment: it does the
 * handshake honestly, answers SIZE (an unbounded, empty queue), and hands every other request to
 * a policy that returns the reply to send, or {@code null} for none. It closes the connection
 * once it has read {@code closeAfter} requests other than SIZE.
 */
final class FakeManager implements AutoCloseable {
  private final ServerSocket server;
  private final CompletableFuture<Void> serving;
  /** Every request read, SIZE included (payloads). */
  final List<byte[]> requests = new CopyOnWriteArrayList<>();

  FakeManager(int closeAfter, Function<byte[], Wire.Out> policy) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    serving = CompletableFuture.runAsync(() -> {
      try (Socket s = server.accept()) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        handshake(in, out);
        int others = 0;
        while (others < closeAfter) {
          byte[] request = new byte[in.readInt()];
          in.readFully(request);
          requests.add(request);
          int id = new Wire.In(request).skipOpAndReadInt();
          Wire.Out reply;
          if (request[0] == Wire.SIZE) {
            reply = new Wire.Out(16).u8(Wire.SIZE_IS).i32(id).i32(0).i32(0);
          } else {
            others++;
            reply = policy.apply(request);
          }
          if (reply != null) {
            out.write(reply.frame(), 0, reply.frameLength());
            out.flush();
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  int port() {
    return server.getLocalPort();
  }

  /** Waits until the fake has closed the connection; rethrows what went wrong in it. */
  void awaitClosed() {
    serving.join();
  }

  private static void handshake(DataInputStream in, DataOutputStream out) throws IOException {
    Handshake.send(out, Handshake.concat(Handshake.MAGIC, Handshake.nonce()));
    byte[] answer = new byte[in.readInt()];
    in.readFully(answer);
    int at = Handshake.MAGIC.length + Handshake.MAC_BYTES;
    byte[] clientNonce = java.util.Arrays.copyOfRange(answer, at, answer.length);
    Handshake.send(out, Handshake.concat(new byte[] {Handshake.OK},
        Handshake.managerProof(TestSupport.KEY, clientNonce)));
  }

  /** The OK reply a real manager sends to a request that stored {@code n} values. */
  static Wire.Out ok(byte[] request, int n) {
    return new Wire.Out(12).u8(Wire.OK).i32(new Wire.In(request).skipOpAndReadInt()).i32(n);
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
