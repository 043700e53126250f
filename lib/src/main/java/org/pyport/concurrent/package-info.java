/**
 * Python's {@code multiprocessing} in Java: {@link org.pyport.concurrent.Pool} (worker JVMs that prove a
 * per-pool secret, {@link org.pyport.concurrent.AsyncResult}) and {@link org.pyport.concurrent.ProcessQueue};
 * and what CPython lacks for threads: {@link org.pyport.concurrent.Deadlocks} finds deadlocked threads.
 */
package org.pyport.concurrent;
