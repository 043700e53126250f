/** Hazelcast on loopback for the notebook: {@link org.pyport.distributed.hazelcast.LocalCluster}. */
package org.pyport.distributed.hazelcast;
