package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pyport.child.JvmCommand;

/**
 * Processes that exit without {@code close()}, returning from {@code main} or calling {@code
 * System.exit(0)} right after their last call, lose nothing: every put that returned is stored,
 * every get that returned removed exactly one item.
 */
class ExitWithoutCloseTest {
  private static final Duration T = Duration.ofSeconds(30);

  /** {@code PutThenExit port count bytes return|exit}: puts count strings of that size, then ends. */
  public static final class PutThenExit {
    public static void main(String[] args) {
      QueueClient c = QueueClient.connect("127.0.0.1", Integer.parseInt(args[0]),
          System.getenv("PYPORT_AUTHKEY").getBytes(StandardCharsets.UTF_8));
      NamedQueue q = c.queue("task_queue");
      String filler = "x".repeat(Integer.parseInt(args[2]));
      for (int i = 0; i < Integer.parseInt(args[1]); i++) {
        q.put(i + ":" + filler);
      }
      if (args[3].equals("exit")) {
        System.exit(0);
      }
    }
  }

  /** The tutorial's worker: get a task, put its result, 100 times; no close. */
  public static final class TutorialWorker {
    public static void main(String[] args) {
      QueueClient m = QueueClient.connect("127.0.0.1", Integer.parseInt(args[0]),
          System.getenv("PYPORT_AUTHKEY").getBytes(StandardCharsets.UTF_8));
      NamedQueue task = m.queue("task_queue");
      NamedQueue result = m.queue("result_queue");
      for (int i = 0; i < 100; i++) {
        int n = task.get(Integer.class, Duration.ofSeconds(30));
        result.put(n + " * " + n + " = " + n * n);
      }
    }
  }

  private static void run(QueueManager m, Class<?> main, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(String.valueOf(m.port())));
    all.addAll(List.of(args));
    Process p = JvmCommand.of(main).env(Map.of("PYPORT_AUTHKEY", "abc")).args(all)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child did not end");
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void aProcessThatPutsNItemsAndExitsWithoutCloseLeavesExactlyN() throws Exception {
    try (QueueManager m = TestSupport.manager().start()) {
      NamedQueue q = m.queue("task_queue");
      for (int run = 0; run < 10; run++) {
        String size = run % 2 == 0 ? "4096" : "65536";
        int count = run % 2 == 0 ? 1000 : 300;
        String how = run % 4 < 2 ? "return" : "exit";
        run(m, PutThenExit.class, String.valueOf(count), size, how);
        // the child is gone, and so is its connection: what it put is there, in order
        assertEquals(count, q.size(), "run " + run + " (" + size + " bytes, " + how + ")");
        for (int i = 0; i < count; ) {
          for (String item : q.getBatch(String.class, count, Duration.ZERO)) {
            assertTrue(item.startsWith(i + ":"), "run " + run + " item " + i);
            i++;
          }
        }
      }
    }
  }

  @Test
  void theTutorialsWorkerLoopLosesNothing() throws Exception {
    try (QueueManager m = TestSupport.manager().start()) {
      NamedQueue task = m.queue("task_queue");
      NamedQueue result = m.queue("result_queue");
      for (int n = 0; n < 100; n++) {
        task.put(n);
      }
      run(m, TutorialWorker.class);
      assertEquals(0, task.size(), "every task was got exactly once");
      assertEquals(0, m.heldCount("task_queue"));
      assertEquals(100, result.size(), "every result arrived");
      for (int n = 0; n < 100; n++) {
        assertEquals(n + " * " + n + " = " + n * n, result.get(T));
      }
    }
  }
}
