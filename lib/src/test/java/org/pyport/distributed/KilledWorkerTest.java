package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pyport.child.JvmCommand;
import org.pyport.distributed.demo.QueueSquareWorker;

/**
 * A worker JVM is killed (SIGKILL) while it holds a task: the task goes back to the queue, the
 * other worker does it, and every result arrives exactly once.
 */
class KilledWorkerTest {
  @Test
  void everyResultArrivesExactlyOnceWhenAWorkerIsKilledMidTask() throws Exception {
    List<Process> children = new ArrayList<>();
    try (QueueManager m = TestSupport.manager().start()) {
      NamedQueue tasks = m.queue("task_queue");
      NamedQueue results = m.queue("result_queue");
      int count = 30;
      for (int n = 1; n <= count; n++) {
        tasks.put(n);
      }
      Map<String, String> env = Map.of("PYPORT_AUTHKEY", "abc");
      String port = String.valueOf(m.port());
      // the victim sleeps a minute per task: it is certainly mid-task when killed
      Process victim = JvmCommand.of(QueueSquareWorker.class).env(env)
          .args("127.0.0.1", port, "--delay-ms", "60000").redirectErrorStream(true).start();
      children.add(victim);
      BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
      String line;
      String taken = null;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("run task ")) {
          taken = line;
          break;
        }
      }
      assertTrue(taken != null, "the victim never took a task");
      assertEquals(1, m.heldCount("task_queue"), "the victim holds one task");
      victim.destroyForcibly();
      assertTrue(victim.waitFor(20, TimeUnit.SECONDS));

      Process worker = JvmCommand.of(QueueSquareWorker.class).env(env)
          .args("127.0.0.1", port, "--quiet").redirectErrorStream(true).start();
      children.add(worker);
      CompletableFuture<String> workerOut = CompletableFuture.supplyAsync(() -> {
        try {
          return new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < count; i++) {
        String r = (String) results.get(Duration.ofSeconds(30));
        seen.merge(r, 1, Integer::sum);
      }
      assertTrue(worker.waitFor(30, TimeUnit.SECONDS), "the worker stops when the queue stays empty");
      assertEquals(0, worker.exitValue(), workerOut.get());
      assertTrue(workerOut.get().contains("worker exit. (" + count + " tasks)"), workerOut.get());
      for (int n = 1; n <= count; n++) {
        assertEquals(1, seen.getOrDefault(n + " * " + n + " = " + (n * n), 0), "result of " + n);
      }
      assertEquals(count, seen.size());
      assertThrows(QueueEmptyException.class, () -> results.get(Duration.ZERO), "no duplicate result");
      assertEquals(0, tasks.size());
      assertEquals(0, m.heldCount("task_queue"));
    } finally {
      for (Process p : children) {
        p.destroyForcibly();
        p.waitFor(20, TimeUnit.SECONDS);
      }
    }
  }
}
