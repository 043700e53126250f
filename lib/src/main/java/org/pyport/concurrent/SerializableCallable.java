package org.pyport.concurrent;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A {@link Callable} that can be shipped to a child JVM: a lambda whose target type is this interface
 * is compiled as a serializable lambda, so {@code pool.applyAsync(() -> longTimeTask(i))} sends the
 * call (with its captured arguments) to a worker process.
 *
 * @param <T> the result type; it must be {@link Serializable} too, to travel back
 */
@FunctionalInterface
public interface SerializableCallable<T> extends Callable<T>, Serializable {}
