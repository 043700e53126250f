/**
 * A counterpart of Python's {@code multiprocessing.managers.BaseManager}: a {@link
 * org.pyport.distributed.QueueManager} serves named queues over TCP; {@link
 * org.pyport.distributed.QueueClient}s connect with an address and an authkey and use them as
 * {@link org.pyport.distributed.NamedQueue}s. Values are JSON (Jackson), never Java serialization.
 *
 * <h2>Wire format</h2>
 * Frames: {@code length:i32 payload}, integers big-endian, strings {@code length:u16 utf8}.
 * <pre>
 * handshake  manager: MAGIC nonceM | client: MAGIC HMAC-SHA256(key, "client" nonceM) nonceC
 *            manager: OK HMAC(key, "manager" nonceC) | REJECTED | REFUSED reason   (see Handshake)
 * request    op:u8 queue:str body                        reply  status:u8 body
 *   PUT      timeoutMs:i64 count:i32 (len:i32 json)*            OK stored:i32 | FULL stored:i32
 *   GET/TAKE timeoutMs:i64 max:i32 maxBytes:i32                 ITEMS count:i32 (id:i64 len:i32 json)* | EMPTY
 *   DONE     results:str count:i32 (id:i64 len:i32 json)*       OK accepted:i32
 *   ACK/RELEASE id:i64                                          OK | STALE
 *   SIZE                                                        SIZE size:i32 maxSize:i32
 *   any: ERROR message:str (an unknown queue; the connection stays)
 * </pre>
 *
 * <h2>Threading</h2>
 * Manager: one acceptor thread accepts and runs every handshake without blocking (a selector); one
 * thread per authenticated connection reads its requests in order; a reply is written by the thread
 * that completes it (a put serves a get waiting on another connection); one timer thread ends waits
 * and stalled frames. Client: no thread; a call writes its request and reads its reply on the
 * caller's thread, one call at a time per connection; a wait is cut into requests of at most 100 ms.
 *
 * <h2>Invariants, and the tests that pin them</h2>
 * <ul>
 *   <li>A {@code put} that returned is stored; a process that exits right after it, without {@code
 *       close()}, loses nothing: {@code ExitWithoutCloseTest}.
 *   <li>A {@code get} removes exactly one value; a timed-out or interrupted get removes none:
 *       {@code QueueTimeoutTest}, {@code QueueRoundTripTest}.
 *   <li>A task taken and not finished goes back to the head of its queue, in order, when its taker's
 *       connection drops, and only then; {@code done} stores its result and acknowledges it in one
 *       step, so a task yields at most one result: {@code AtLeastOnceTest}, {@code KilledWorkerTest}.
 *   <li>Nothing is read as a request before the peer proved it knows the key (mutual HMAC, constant
 *       time compare; the key never travels): {@code AuthenticationTest}.
 *   <li>A process without the key cannot keep clients out: at most {@code maxPending} connections
 *       wait to authenticate, each for at most the handshake timeout, a newcomer replaces the oldest
 *       only after its 100 ms grace, and authenticated connections are counted apart; every refusal
 *       says why: {@code AdmissionTest}.
 *   <li>A bad frame (oversized, truncated, stalled, malformed, not JSON) closes only its connection,
 *       with a logged reason: {@code BadFrameTest}. Buffers grow with the bytes that arrive, not with
 *       what a header announces: {@code FrameBufferTest}.
 *   <li>Closing the manager ends every thread, connection and waiting call: {@code NoLeakTest}.
 * </ul>
 *
 * <p>The one fast path is opt-in: the batched calls ({@code putAll}, {@code getBatch}, {@code
 * takeBatch}, {@code putResults}), with the same promises per value: {@code BatchTest}. The
 * benchmark ({@code lib/bench/distributed.sh}) is in the test sources, off the kernel's class path.
 */
package org.pyport.distributed;
