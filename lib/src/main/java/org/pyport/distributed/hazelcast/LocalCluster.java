package org.pyport.distributed.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.pyport.child.JvmCommand;

/**
 * A Hazelcast cluster of members in child JVMs on 127.0.0.1, for one notebook or test run.
 *
 * <pre>{@code
 * try (LocalCluster cluster = LocalCluster.start(2)) {
 *   IQueue<Long> tasks = cluster.client().getQueue("task_queue");
 *   ...
 * }
 * }</pre>
 *
 * The cluster name is unique per run (so two notebooks never merge into one cluster), members
 * join by TCP-IP on loopback only, multicast and auto-detection are off, phone-home is disabled,
 * and Java deserialization is limited to the JDK's value types (see {@link Settings}). {@link
 * #close()} shuts down the client and every member and waits for their JVMs.
 */
public final class LocalCluster implements AutoCloseable {
  private static final int START_SECONDS = 60;

  private final String clusterName = "pyport-" + UUID.randomUUID();
  private final List<String> addresses = new ArrayList<>();
  private final List<Process> members = new ArrayList<>();
  private HazelcastInstance client;
  private boolean closed;

  private LocalCluster() {}

  /** Starts {@code memberCount} members, each joining the ones before it (an error with its output if one does not come up in a minute). */
  public static LocalCluster start(int memberCount) {
    if (memberCount < 1) throw new IllegalArgumentException("memberCount must be >= 1, got " + memberCount);
    LocalCluster c = new LocalCluster();
    try {
      for (int i = 0; i < memberCount; i++) {
        c.startMember();
      }
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** @return the cluster name, unique to this run */
  public String clusterName() {
    return clusterName;
  }

  /** @return the member JVMs' process ids */
  public List<Long> memberPids() {
    return members.stream().map(Process::pid).toList();
  }

  /** A client configuration for a cluster known by name and "127.0.0.1:port" addresses, as {@link #workerArgs()} gives them. */
  public static ClientConfig clientConfig(String clusterName, List<String> members) {
    return Settings.client(clusterName, members);
  }

  /** @return a client in this JVM, created on first use and shut down by {@link #close()} */
  public synchronized HazelcastInstance client() {
    if (closed) throw new IllegalStateException("cluster " + clusterName + " is closed");
    if (client == null) client = HazelcastClient.newHazelcastClient(Settings.client(clusterName, addresses));
    return client;
  }

  /** @return arguments for worker mains ({@link HazelcastSquareWorker}): the cluster name, then the member addresses */
  public String[] workerArgs() {
    List<String> a = new ArrayList<>(List.of(clusterName));
    a.addAll(addresses);
    return a.toArray(String[]::new);
  }

  /** Shuts down the client and every member; waits for the member JVMs to exit. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (client != null) client.shutdown();
    for (Process p : members) {
      try {
        p.getOutputStream().close(); // the member's stdin ends: it shuts down
      } catch (IOException e) {
        p.destroy();
      }
    }
    for (Process p : members) {
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private void startMember() {
    String port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = String.valueOf(s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
    List<String> args = new ArrayList<>(List.of(clusterName, port));
    args.addAll(addresses); // the members already running
    args.add("127.0.0.1:" + port);
    // stdout and stderr on one pipe, read below; stdin stays a pipe, closed to stop the member
    Process p = JvmCommand.of(Member.class).env("HZ_PHONE_HOME_ENABLED", "false").args(args)
        .redirectErrorStream(true).start();
    members.add(p);
    StringBuilder output = new StringBuilder();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = r.readLine()) != null; ) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          if (line.startsWith("READY")) return true;
        }
      } catch (IOException e) {
        // the member is gone
      }
      return false;
    });
    boolean up = false;
    try {
      up = ready.get(START_SECONDS, TimeUnit.SECONDS); // not completeOnTimeout: its timer thread stays
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // not up
    }
    if (!up) {
      synchronized (output) {
        throw new IllegalStateException("Hazelcast member 127.0.0.1:" + port + " did not start within "
            + START_SECONDS + " s; its output:\n" + output);
      }
    }
    Thread drain = new Thread(() -> { // so that the member never blocks on a full pipe
      try {
        r.transferTo(Writer.nullWriter());
      } catch (IOException ignored) {
        // the member is gone
      }
    }, "pyport-hz-member-output");
    drain.setDaemon(true);
    drain.start();
    addresses.add("127.0.0.1:" + port);
  }
}
