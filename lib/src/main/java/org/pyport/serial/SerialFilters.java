package org.pyport.serial;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ObjectInputFilter}s for reading serialized data safely: an allow-list of classes plus limits on
 * depth, references, array length and stream size. Deserialization creates objects and runs their
 * {@code readObject} before your code sees the result, so the class check must happen before — which is
 * what a filter does. Python's pickle has no such hook by default (only {@code Unpickler.find_class}).
 *
 * <p>Every read of serialized bytes from another process (a pool worker's result, a task a worker or child
 * JVM receives) goes through {@link #read} with {@link #values()} or {@link #tasks()}.
 */
public final class SerialFilters {
    private SerialFilters() {}

    /** Limits applied by every filter here: generous for data, tight for attack payloads. */
    public static final long MAX_DEPTH = 20, MAX_REFS = 100_000, MAX_ARRAY = 1_000_000, MAX_BYTES = 64L << 20;

    /** The JDK's value types (and those of {@code java.time}): what a result may hold besides the program's own classes. */
    private static final Set<String> JDK_VALUES = Set.of(
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Character", "java.lang.Short", "java.lang.Integer",
            "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.String",
            "java.lang.Enum", "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
            "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.Arrays$ArrayList", "java.util.CollSer",
            // what CollSer resolves to (List.of, Set.of, Map.of): the JDK filters the resolved object too
            "java.util.ImmutableCollections$ListN", "java.util.ImmutableCollections$List12",
            "java.util.ImmutableCollections$SetN", "java.util.ImmutableCollections$Set12",
            "java.util.ImmutableCollections$MapN", "java.util.ImmutableCollections$Map1",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
            "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
            "java.util.Collections$SingletonMap", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList",
            "java.util.Collections$UnmodifiableSet", "java.util.Collections$UnmodifiableMap",
            "java.util.AbstractMap$SimpleEntry", "java.util.AbstractMap$SimpleImmutableEntry");
    /** What a task holds besides values: the lambda itself, and this library's queue handle. */
    private static final Set<String> TASK_PARTS = Set.of(
            "java.lang.invoke.SerializedLambda", "org.pyport.concurrent.ProcessQueue");

    /** A filter that remembers why it rejected, for an error message that says what was refused. */
    public static final class Checked implements ObjectInputFilter {
        private final boolean tasks;
        private volatile String rejection;

        private Checked(boolean tasks) {
            this.tasks = tasks;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            String why = limit(info);
            Class<?> c = info.serialClass();
            if (why == null && c != null) {
                boolean array = c.isArray();
                while (c.isArray()) c = c.getComponentType();
                // an Object[] or Map.Entry[] (collections read their elements into one) holds only objects
                // that are each checked on their own
                boolean holder = array && (c.isInterface() || c == Object.class);
                if (!c.isPrimitive() && !holder && !JDK_VALUES.contains(c.getName()) && !c.getName().startsWith("java.time.")
                        && !isProgramClass(c) && !(tasks && TASK_PARTS.contains(c.getName()))) {
                    why = "class " + info.serialClass().getName() + " is not allowed (allowed: the JDK's value "
                            + "types, and the classes of the notebook or program itself)";
                }
            }
            if (why == null) return c == null ? Status.UNDECIDED : Status.ALLOWED;
            if (rejection == null) rejection = why;
            return Status.REJECTED;
        }

        /** @return why the stream was rejected, or {@code null} if it was not */
        public String rejection() {
            return rejection;
        }
    }

    /** A filter for values (results): the JDK's value types, and the program's own classes. */
    public static Checked values() {
        return new Checked(false);
    }

    /** A filter for tasks: what {@link #values()} allows, plus serialized lambdas and process queues. */
    public static Checked tasks() {
        return new Checked(true);
    }

    /**
     * A class of the program itself, not of a library or the JDK: defined in a notebook cell (JShell's
     * {@code REPL} package), or loaded from a class folder, as cell classes are in child JVMs and a project's
     * own classes are; libraries come in jars.
     */
    static boolean isProgramClass(Class<?> c) {
        if (c.getName().startsWith("REPL.")) return true;
        CodeSource source = c.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().getPath().endsWith("/");
    }

    private static String limit(ObjectInputFilter.FilterInfo info) {
        if (info.depth() > MAX_DEPTH) return "it nests deeper than " + MAX_DEPTH + " levels";
        if (info.references() > MAX_REFS) return "it holds more than " + MAX_REFS + " objects";
        if (info.arrayLength() > MAX_ARRAY) return "an array of " + info.arrayLength() + " elements (limit " + MAX_ARRAY + ")";
        if (info.streamBytes() > MAX_BYTES) return "it is longer than " + (MAX_BYTES >> 20) + " MiB";
        return null;
    }

    /**
     * Deserializes {@code data} through {@code filter}, resolving classes with {@code loader} first (in a
     * notebook the classes of a cell live in the kernel's snippet class loader).
     *
     * @throws InvalidClassException with the filter's reason if it rejected the stream
     */
    public static Object read(byte[] data, ClassLoader loader, Checked filter) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.rejection() == null) throw e;
            throw new InvalidClassException("refused by the deserialization filter: " + filter.rejection());
        }
    }

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
            if (limit(info) != null) return ObjectInputFilter.Status.REJECTED;
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
