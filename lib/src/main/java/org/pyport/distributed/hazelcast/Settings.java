package org.pyport.distributed.hazelcast;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;

/**
 * The loopback-only, quiet configuration shared by members, clients and workers. What Hazelcast
 * reads with Java serialization (values of no type it knows) is limited to the JDK's value types,
 * beside its own list of known gadget classes: a member is a child process, and what it sends is
 * checked like anything else read from a child.
 */
final class Settings {
  private Settings() {}

  static void quiet(java.util.function.BiConsumer<String, String> property) {
    property.accept("hazelcast.phone.home.enabled", "false"); // never call home
    property.accept("hazelcast.logging.type", "none");
    property.accept("hazelcast.shutdownhook.enabled", "false"); // we shut down explicitly
  }

  static Config member(String clusterName, int port, List<String> members) {
    Config c = new Config();
    c.setClusterName(clusterName);
    quiet(c::setProperty);
    c.setProperty("hazelcast.wait.seconds.before.join", "0");
    c.getJetConfig().setEnabled(false);
    c.getSerializationConfig().setJavaSerializationFilterConfig(valuesOnly());
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(port).setPortAutoIncrement(false);
    n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    n.getRestApiConfig().setEnabled(false);
    JoinConfig join = n.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return c;
  }

  private static JavaSerializationFilterConfig valuesOnly() {
    JavaSerializationFilterConfig f = new JavaSerializationFilterConfig().setDefaultsDisabled(true); // its defaults allow all of java.*
    f.getWhitelist().addPrefixes("java.lang.", "java.math.", "java.time.", "java.util.", "[");
    return f;
  }

  static ClientConfig client(String clusterName, List<String> members) {
    ClientConfig c = new ClientConfig();
    c.setClusterName(clusterName);
    quiet(c::setProperty);
    c.getNetworkConfig().setAddresses(members);
    c.getSerializationConfig().setJavaSerializationFilterConfig(valuesOnly());
    c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(20_000);
    return c;
  }
}
