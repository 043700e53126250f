package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.collection.IQueue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pyport.child.JvmCommand;
import org.pyport.distributed.hazelcast.LocalCluster;
import org.pyport.distributed.hazelcast.HazelcastSquareWorker;

class LocalClusterTest {
  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void twoMembersServeQueuesToAWorkerJvmAndAllShutDown() throws Exception {
    List<ProcessHandle> memberHandles = new ArrayList<>();
    String clusterName;
    try (LocalCluster cluster = LocalCluster.start(2)) {
      clusterName = cluster.clusterName();
      assertTrue(clusterName.startsWith("pyport-"));
      cluster.memberPids().forEach(pid -> memberHandles.add(ProcessHandle.of(pid).orElseThrow()));
      assertEquals(2, cluster.client().getCluster().getMembers().size(), "both members joined one cluster");
      cluster.client().getCluster().getMembers().forEach(m ->
          assertTrue(m.getAddress().getHost().equals("127.0.0.1"), m.getAddress().toString()));
      IQueue<Long> tasks = cluster.client().getQueue("task_queue");
      IQueue<String> results = cluster.client().getQueue("result_queue");
      for (long n = 1; n <= 10; n++) {
        tasks.put(n);
      }
      Process worker = JvmCommand.of(HazelcastSquareWorker.class)
          .args(concat("0", "1000", cluster.workerArgs())).redirectErrorStream(true).start();
      try {
        Set<String> got = new HashSet<>();
        for (int i = 0; i < 10; i++) {
          String r = results.poll(60, TimeUnit.SECONDS);
          assertTrue(r != null, "result " + i + " did not arrive");
          got.add(r);
        }
        for (long n = 1; n <= 10; n++) {
          assertTrue(got.contains(n + " * " + n + " = " + n * n), got.toString());
        }
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
        String out = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("worker exit. (10 tasks)"), out);
        // what Hazelcast reads with Java serialization is limited to the JDK's value types
        IQueue<Object> any = cluster.client().getQueue("any");
        any.put(java.net.URI.create("http://127.0.0.1/").toURL());
        Exception e = assertThrows(Exception.class, any::poll);
        assertTrue(String.valueOf(e.getCause()).contains("java.net.URL"), String.valueOf(e.getCause()));
      } finally {
        worker.destroyForcibly();
        worker.waitFor(20, TimeUnit.SECONDS);
      }
    }
    for (ProcessHandle h : memberHandles) {
      assertTrue(!h.isAlive(), "member " + h.pid() + " still running");
    }
    TestSupport.eventually("client threads ended", () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().contains(clusterName)));
  }

  private static String[] concat(String a, String b, String[] rest) {
    String[] out = new String[rest.length + 2];
    out[0] = a;
    out[1] = b;
    System.arraycopy(rest, 0, out, 2, rest.length);
    return out;
  }

}
