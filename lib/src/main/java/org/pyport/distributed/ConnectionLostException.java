package org.pyport.distributed;

import java.util.ArrayList;
import java.util.List;

/**
 * The connection to the manager is gone (manager closed, network error, or the manager closed it
 * because of a protocol error). Tasks this client had taken but not acknowledged go back to their
 * queue on the manager.
 *
 * <p>Requests the client had pipelined (puts, dones and acks sent without waiting for their
 * replies, see {@link QueueClient.Builder#maxUnconfirmed}) and the manager had not confirmed yet
 * are listed by {@link #unconfirmed()}, with their values: they may or may not have reached the
 * manager, and the caller decides whether to send them again.
 */
public final class ConnectionLostException extends DistributedQueueException {
  private static final long serialVersionUID = 2L;

  /**
   * A pipelined request without a reply when the connection dropped.
   *
   * @param operation "put", "done" or "ack"
   * @param queue the queue it was for: the queue put into, or the queue of the finished tasks
   * @param values the values put, or the results of the finished tasks (empty for an ack)
   */
  public record Unconfirmed(String operation, String queue, List<Object> values) {}

  /** Not serialized: the values need not be serializable. */
  private final transient List<Unconfirmed> unconfirmed;

  /**
   * @param message which connection
   * @param cause the I/O error, if any
   */
  public ConnectionLostException(String message, Throwable cause) {
    this(message, cause, List.of());
  }

  /**
   * @param message which connection
   * @param cause the I/O error, if any
   * @param unconfirmed the pipelined requests without a reply, in the order they were sent
   */
  public ConnectionLostException(String message, Throwable cause, List<Unconfirmed> unconfirmed) {
    super(message + describe(unconfirmed), cause);
    this.unconfirmed = List.copyOf(unconfirmed);
  }

  /**
   * @return the pipelined requests the manager had not confirmed, in the order they were sent;
   *     empty if there were none (or after deserialization)
   */
  public List<Unconfirmed> unconfirmed() {
    return unconfirmed == null ? List.of() : unconfirmed;
  }

  private static String describe(List<Unconfirmed> requests) {
    if (requests.isEmpty()) {
      return "";
    }
    int puts = 0;
    int dones = 0;
    List<Object> firstValues = new ArrayList<>();
    for (Unconfirmed u : requests) {
      switch (u.operation()) {
        case "put" -> puts += u.values().size();
        case "done" -> dones += u.values().size();
        default -> { }
      }
      for (Object v : u.values()) {
        if (firstValues.size() < 10) {
          String text = String.valueOf(v);
          firstValues.add(text.length() <= 40 ? text : text.substring(0, 37) + "...");
        }
      }
    }
    return "; " + requests.size() + " pipelined request(s) were not confirmed (" + puts
        + " value(s) put, " + dones + " task(s) done; values " + firstValues + (puts + dones > firstValues.size() ? " ..." : "")
        + "): they may not have reached the manager, see unconfirmed()";
  }
}
