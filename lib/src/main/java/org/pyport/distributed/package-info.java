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
 */
package org.pyport.distributed;
