/**
 * A counterpart of Python's {@code multiprocessing.managers.BaseManager}: a {@link
 * org.pyport.distributed.QueueManager} serves named queues over TCP, {@link
 * org.pyport.distributed.QueueClient}s connect by address and authkey and get {@link
 * org.pyport.distributed.RemoteQueue}s by name.
 *
 * <p>What travels: values are JSON (Jackson) inside length-prefixed binary frames with a size
 * limit; never Java serialization. Both sides prove they know the authkey with an HMAC-SHA256
 * challenge–response (the key never crosses the wire). What is kept: a task taken with {@code
 * take} stays with the manager until it is acknowledged; if the worker's connection drops first,
 * it goes back to the queue (at-least-once), and {@link org.pyport.distributed.Task#done} puts the
 * result and acknowledges the task in one step, so one task never yields two results.
 *
 * <p>How fast: Python's proxies make one synchronous call per operation, four round trips per
 * task. A {@link org.pyport.distributed.QueueClient} pipelines its writes and prefetches its reads
 * by default, as message brokers' clients do (see its class comment); {@code
 * QueueClient.builder().prefetch(1).maxUnconfirmed(0)} gives the one-call-per-operation behaviour.
 * The manager gives a prefetch at most a fair share of what is queued, so that one consumer does
 * not starve the others.
 */
package org.pyport.distributed;
