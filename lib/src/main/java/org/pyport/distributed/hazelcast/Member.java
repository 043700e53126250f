package org.pyport.distributed.hazelcast;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A Hazelcast member in a child JVM: {@code Member clusterName port member...}. Prints {@code
 * READY} once it has joined, and shuts down when its stdin closes (the parent closed it, or the
 * parent died).
 */
public final class Member {
  private Member() {}

  /** @param args cluster name, own port, then the addresses (127.0.0.1:port) to join @throws IOException reading stdin */
  public static void main(String[] args) throws IOException {
    Settings.quiet(System::setProperty);
    List<String> members = Arrays.asList(args).subList(2, args.length);
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(
        Settings.member(args[0], Integer.parseInt(args[1]), members));
    System.out.println("READY " + hz.getCluster().getLocalMember().getAddress());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for end of input
    }
    // the whole cluster is going away: no graceful partition migration needed
    hz.getLifecycleService().terminate();
    System.exit(0);
  }
}
