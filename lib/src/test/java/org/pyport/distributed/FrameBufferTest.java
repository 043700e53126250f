package org.pyport.distributed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manager's buffers grow with the bytes that arrive, not with what a frame header announces. */
class FrameBufferTest {
  /** Bytes allocated so far by every live thread of this JVM (HotSpot counts them per thread). */
  private static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, b);
    }
    return sum;
  }

  @Test
  void headersAnnouncing16MiBThatNeverComeCostNoMemory() throws Exception {
    int connections = 8;
    try (QueueManager m = TestSupport.manager().frameTimeout(Duration.ofSeconds(1)).start();
        TestSupport.LogCapture log = new TestSupport.LogCapture()) {
      List<Socket> sockets = new ArrayList<>();
      try {
        for (int i = 0; i < connections; i++) {
          sockets.add(TestSupport.authenticated(m.port()));
        }
        long before = allocatedBytes();
        for (Socket s : sockets) {
          DataOutputStream out = new DataOutputStream(s.getOutputStream());
          out.writeInt(16 << 20);
          out.write(new byte[100]);
          out.flush();
        }
        // each connection waits for the rest of its frame, then gives up: the reads are over
        TestSupport.eventually("all stalled frames closed", () -> log.messages.stream()
            .filter(msg -> msg.contains("only 100 of 16777216 bytes arrived")).count() == connections);
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < 4 << 20, (allocated >> 20) + " MiB allocated for " + connections
            + " frames that announced 16 MiB and sent 100 bytes");
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }
}
