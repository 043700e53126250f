package org.pyport.io;

import java.io.ObjectInputFilter;
import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ObjectInputFilter}s for reading serialized data safely: an allow-list of classes plus limits on
 * depth, references, array length and stream size. Deserialization creates objects and runs their
 * {@code readObject} before your code sees the result, so the class check must happen before — which is
 * what a filter does. Python's pickle has no such hook by default (only {@code Unpickler.find_class}).
 */
public final class SerialFilters {
    private SerialFilters() {}

    /** Limits applied by {@link #allowOnly}: generous for data, tight for attack payloads. */
    public static final long MAX_DEPTH = 20, MAX_REFS = 100_000, MAX_ARRAY = 1_000_000, MAX_BYTES = 64L << 20;

    /**
     * Allows exactly {@code classes}, their serializable superclasses (a stream names them too, e.g.
     * {@code java.lang.Number} for an {@code Integer}), arrays of allowed classes, primitive arrays and
     * arrays of interfaces (HashMap checks a {@code Map.Entry[]}); rejects every other class and anything
     * beyond the limits above.
     */
    public static ObjectInputFilter allowOnly(Class<?>... classes) {
        Set<Class<?>> allowed = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            for (Class<?> k = c; k != null && Serializable.class.isAssignableFrom(k); k = k.getSuperclass()) allowed.add(k);
        }
        return info -> {
            if (info.depth() > MAX_DEPTH || info.references() > MAX_REFS || info.streamBytes() > MAX_BYTES
                    || (info.arrayLength() >= 0 && info.arrayLength() > MAX_ARRAY)) {
                return ObjectInputFilter.Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) return ObjectInputFilter.Status.UNDECIDED;
            boolean array = c.isArray();
            while (c.isArray()) c = c.getComponentType();
            if (c.isPrimitive() || allowed.contains(c)) return ObjectInputFilter.Status.ALLOWED;
            // HashMap asks about a Map.Entry[] before sizing its table; an interface array holds only
            // objects that are each checked on their own, and its length is limited above
            if (array && c.isInterface()) return ObjectInputFilter.Status.ALLOWED;
            return ObjectInputFilter.Status.REJECTED;
        };
    }

    /**
     * Wraps {@code filter} so every decision about a class is reported to {@code log} as
     * "java.util.HashMap → ALLOWED": lets a reader watch the filter work.
     */
    public static ObjectInputFilter logging(ObjectInputFilter filter, Consumer<String> log) {
        return info -> {
            ObjectInputFilter.Status s = filter.checkInput(info);
            if (info.serialClass() != null) log.accept(info.serialClass().getName() + " → " + s);
            return s;
        };
    }
}
