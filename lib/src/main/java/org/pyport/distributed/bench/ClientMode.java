package org.pyport.distributed.bench;

import org.pyport.distributed.QueueClient;

/** How the benchmark's master and workers use {@link QueueClient}. */
public enum ClientMode {
  /**
   * The seed's program shape (one put per task, one take and one done per task, one get per
   * result) with the client's default settings: pipelined writes and prefetch.
   */
  PER_TASK("pyport QueueManager"),
  /**
   * The same program with {@code prefetch(1)} and {@code maxUnconfirmed(0)}: one request and one
   * reply per operation, as Python's proxies do.
   */
  PER_TASK_SYNC("pyport QueueManager (prefetch 1, sync)"),
  /** A different program: putAll, takeBatch, putResults and getBatch. */
  BATCHED("pyport QueueManager (batched)");

  private final String system;

  ClientMode(String system) {
    this.system = system;
  }

  /** @return the row's name in the benchmark table */
  public String system() {
    return system;
  }

  /**
   * @param host the manager's host
   * @param port its port
   * @param key the authkey
   * @return a client configured for this mode
   */
  public QueueClient connect(String host, int port, byte[] key) {
    QueueClient.Builder b = QueueClient.builder().address(host, port).authkey(key);
    if (this == PER_TASK_SYNC) {
      b.prefetch(1).maxUnconfirmed(0);
    }
    return b.connect();
  }
}
