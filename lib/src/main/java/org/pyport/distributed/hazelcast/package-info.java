/**
 * Hazelcast on loopback for the notebook: {@link org.pyport.distributed.hazelcast.LocalCluster}
 * starts members in child JVMs (TCP-IP join on 127.0.0.1 only, multicast off, no phone-home, a
 * cluster name unique per run) and gives this JVM a client to use their {@code IQueue}s.
 */
package org.pyport.distributed.hazelcast;
