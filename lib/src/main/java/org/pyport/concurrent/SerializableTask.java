package org.pyport.concurrent;

import java.io.Serializable;

/**
 * A void task that can be shipped to a child JVM (the {@code target=..., args=...} of Python's
 * {@code apply_async}); it may throw, the exception travels back as a {@link TaskFailedException}.
 */
@FunctionalInterface
public interface SerializableTask extends Serializable {
    /** Runs the task in the worker process. */
    void run() throws Exception;
}
