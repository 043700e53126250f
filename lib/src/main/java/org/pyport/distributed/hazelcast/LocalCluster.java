package org.pyport.distributed.hazelcast;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * join by TCP-IP on loopback only, multicast and auto-detection are off and phone-home is
 * disabled. {@link #close()} shuts down the client and every member and waits for their JVMs.
 */
public final class LocalCluster implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String clusterName;
  private final List<String> addresses = new ArrayList<>();
  private final List<Process> members = new ArrayList<>();
  private HazelcastInstance client;
  private boolean closed;

  private LocalCluster(String clusterName) {
    this.clusterName = clusterName;
  }

  /**
   * Starts {@code memberCount} members, one after the other (each joins the ones before it).
   *
   * @param memberCount how many member JVMs
   * @return the running cluster
   * @throws IllegalStateException if a member does not come up within a minute (its output is
   *     in the message)
   */
  public static LocalCluster start(int memberCount) {
    if (memberCount < 1) {
      throw new IllegalArgumentException("memberCount must be >= 1, got " + memberCount);
    }
    LocalCluster c = new LocalCluster("pyport-" + UUID.randomUUID());
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

  /** @return the members' addresses, "127.0.0.1:port" */
  public List<String> addresses() {
    return List.copyOf(addresses);
  }

  /** @return the member JVMs' process ids */
  public List<Long> memberPids() {
    return members.stream().map(Process::pid).toList();
  }

  /** @return a configuration for a client of this cluster */
  public ClientConfig clientConfig() {
    return Settings.client(clusterName, addresses);
  }

  /**
   * A client configuration for a cluster known by name and member addresses, as a worker JVM
   * gets them from {@link #workerArgs()}: loopback addresses, no phone-home, quiet logging.
   *
   * @param clusterName the cluster's name
   * @param members "127.0.0.1:port" addresses
   * @return the configuration
   */
  public static ClientConfig clientConfig(String clusterName, List<String> members) {
    return Settings.client(clusterName, members);
  }

  /** @return a client in this JVM, created on first use and shut down by {@link #close()} */
  public synchronized HazelcastInstance client() {
    if (closed) {
      throw new IllegalStateException("cluster " + clusterName + " is closed");
    }
    if (client == null) {
      client = HazelcastClient.newHazelcastClient(clientConfig());
    }
    return client;
  }

  /**
   * Arguments for {@link org.pyport.distributed.hazelcast.SquareWorker}-style mains: cluster
   * name, then the member addresses.
   *
   * @return the arguments
   */
  public String[] workerArgs() {
    List<String> a = new ArrayList<>();
    a.add(clusterName);
    a.addAll(addresses);
    return a.toArray(String[]::new);
  }

  /** Shuts down the client and every member; waits for the member JVMs to exit. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (client != null) {
      client.shutdown();
    }
    for (Process p : members) {
      try {
        p.getOutputStream().close(); // the member's stdin ends: it shuts down cleanly
      } catch (IOException e) {
        p.destroy();
      }
    }
    for (Process p : members) {
      try {
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "LocalCluster[" + clusterName + ", members=" + addresses + (closed ? ", closed" : "") + "]";
  }

  private void startMember() {
    String address = "127.0.0.1:" + freePort();
    List<String> args = new ArrayList<>();
    args.add(clusterName);
    args.add(address.substring(address.indexOf(':') + 1));
    args.addAll(addresses); // the members already running
    args.add(address);
    // stdout and stderr on one pipe, read below; stdin stays a pipe, closed to stop the member
    Process p = JvmCommand.of(Member.class).env("HZ_PHONE_HOME_ENABLED", "false").args(args)
        .redirectErrorStream(true).start();
    members.add(p);
    StringBuilder output = new StringBuilder();
    CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
      try {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (output) {
            output.append(line).append('\n');
          }
          if (line.startsWith("READY")) {
            // keep draining so the member never blocks on a full pipe
            Thread drain = new Thread(() -> {
              try {
                r.transferTo(java.io.Writer.nullWriter());
              } catch (IOException ignored) {
                // member gone
              }
            }, "pyport-hz-member-output");
            drain.setDaemon(true);
            drain.start();
            return true;
          }
        }
        return false;
      } catch (IOException e) {
        return false;
      }
    });
    boolean ok;
    try {
      ok = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
    }
    if (!ok) {
      String out;
      synchronized (output) {
        out = output.toString();
      }
      throw new IllegalStateException("Hazelcast member " + address + " did not start within "
          + START_TIMEOUT.toSeconds() + " s; its output:\n" + out);
    }
    addresses.add(address);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
