package org.pyport.child;

import java.io.Serializable;

/**
 * A task that can be shipped to a child JVM: a lambda typed as this interface is serializable, so
 * {@code ChildJvm.start(() -> work())} works as long as everything it captures is serializable too.
 */
@FunctionalInterface
public interface SerializableRunnable extends Runnable, Serializable {}
