/**
 * The queue benchmark: tasks per second and round-trip latency on loopback for our {@code
 * QueueManager}, Hazelcast and Python's {@code BaseManager}, with the same workload for each.
 */
package org.pyport.distributed.bench;
