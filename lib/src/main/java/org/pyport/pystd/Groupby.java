package org.pyport.pystd;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Python's {@code itertools.groupby} for Java: splits a sequence into runs of <em>consecutive</em>
 * elements that share a key. Streams have {@code Collectors.groupingBy}, but that collects
 * <em>all</em> elements with a key into one bucket; {@code groupby('AAABBBCCAAA')} yields
 * {@code A} twice because the two runs of {@code A} are not adjacent.
 *
 * <p>The result is a lazy, sequential stream: a group is produced only when the stream asks for it,
 * so an infinite source works as long as each run is finite. Unlike Python, where a group is an
 * iterator that is invalidated once the outer iterator advances, each {@link Group} holds its
 * elements in a list, so it stays usable after the stream moves on.
 */
public final class Groupby {

    private Groupby() {
    }

    /**
     * One run of consecutive elements with equal keys.
     *
     * @param key   the key shared by every element of the run
     * @param items the elements of the run, in source order (never empty, unmodifiable)
     * @param <K>   key type
     * @param <T>   element type
     */
    public record Group<K, T>(K key, List<T> items) {
        /** Checks that a group is never empty and copies the items into an unmodifiable list. */
        public Group {
            Objects.requireNonNull(items, "items");
            if (items.isEmpty()) {
                throw new IllegalArgumentException("a group holds at least one element");
            }
            items = java.util.Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    /**
     * Groups consecutive equal elements: the element itself is the key, like {@code groupby(xs)}.
     *
     * @param source the elements; consumed lazily as the result stream is read
     * @param <T>    element type
     * @return a lazy sequential stream of runs
     */
    public static <T> Stream<Group<T, T>> groupby(Iterable<? extends T> source) {
        return groupby(source, Function.identity());
    }

    /**
     * Groups consecutive elements whose keys are equal ({@link Objects#equals}), like
     * {@code groupby(xs, key)}.
     *
     * @param source the elements; consumed lazily as the result stream is read
     * @param key    computes the key of an element; called once per element
     * @param <T>    element type
     * @param <K>    key type
     * @return a lazy sequential stream of runs
     */
    public static <T, K> Stream<Group<K, T>> groupby(Iterable<? extends T> source,
                                                     Function<? super T, ? extends K> key) {
        Objects.requireNonNull(source, "source");
        return Groupby.<T, K>runs(source.iterator(), key);
    }

    /**
     * Stream version of {@link #groupby(Iterable)}.
     *
     * @param source the elements; consumed lazily
     * @param <T>    element type
     * @return a lazy sequential stream of runs
     */
    public static <T> Stream<Group<T, T>> groupby(Stream<? extends T> source) {
        return groupby(source, Function.identity());
    }

    /**
     * Stream version of {@link #groupby(Iterable, Function)}; closing the result closes the source.
     *
     * @param source the elements; consumed lazily
     * @param key    computes the key of an element
     * @param <T>    element type
     * @param <K>    key type
     * @return a lazy sequential stream of runs
     */
    public static <T, K> Stream<Group<K, T>> groupby(Stream<? extends T> source,
                                                     Function<? super T, ? extends K> key) {
        Objects.requireNonNull(source, "source");
        return Groupby.<T, K>runs(source.iterator(), key).onClose(source::close);
    }

    /**
     * The characters of a string as one-character strings, the way Python iterates a {@code str}.
     * Works on code points, so a character outside the BMP stays one element.
     *
     * @param s the text
     * @return the characters of {@code s}, each as a {@code String}
     */
    public static List<String> chars(String s) {
        Objects.requireNonNull(s, "s");
        return s.codePoints().mapToObj(Character::toString).toList();
    }

    private static <T, K> Stream<Group<K, T>> runs(Iterator<? extends T> it,
                                                   Function<? super T, ? extends K> key) {
        Objects.requireNonNull(key, "key");
        Iterator<Group<K, T>> runs = new Runs<>(it, key);
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(runs, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Reads one element ahead: the first element of the next run is read while closing the current. */
    private static final class Runs<T, K> implements Iterator<Group<K, T>> {
        private final Iterator<? extends T> source;
        private final Function<? super T, ? extends K> key;
        private boolean hasPending;
        private T pending;
        private K pendingKey;

        Runs(Iterator<? extends T> source, Function<? super T, ? extends K> key) {
            this.source = Objects.requireNonNull(source, "source");
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            return hasPending || source.hasNext();
        }

        @Override
        public Group<K, T> next() {
            if (!hasPending) {
                if (!source.hasNext()) {
                    throw new NoSuchElementException("no more groups");
                }
                pending = source.next();
                pendingKey = key.apply(pending);
            }
            K runKey = pendingKey;
            List<T> items = new ArrayList<>();
            items.add(pending);
            hasPending = false;
            while (source.hasNext()) {
                T t = source.next();
                K k = key.apply(t);
                if (!Objects.equals(k, runKey)) {
                    pending = t;
                    pendingKey = k;
                    hasPending = true;
                    break;
                }
                items.add(t);
            }
            if (!hasPending) {
                pending = null;
                pendingKey = null;
            }
            return new Group<>(runKey, items);
        }
    }
}
