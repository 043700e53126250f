package org.pyport.pystd;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The tutorial's {@code LastUpdatedOrderedDict(capacity)}: an insertion-ordered map that holds at most
 * {@code capacity} keys. Adding a new key to a full map first evicts the oldest one; setting an existing
 * key moves it to the end (it becomes the newest). Every write prints what happened, exactly like the
 * Python version: {@code remove: ('a', 1)}, {@code set: ('b', 20)}, {@code add: ('d', 4)}, with keys and
 * values in Python repr.
 *
 * <p>Java's {@code LinkedHashMap} keeps insertion order like {@code OrderedDict}, but overwriting a key
 * keeps its old position, so {@link #put} removes and re-inserts it. {@code removeEldestEntry} alone
 * would evict <em>after</em> inserting, printing {@code add:} before {@code remove:}; the eviction is
 * therefore done in {@code put} to keep Python's order. The lines go to whatever {@link System#out}
 * is at the time of the write, so {@code Capture.stdout} sees them.
 *
 * <p>All writes go through {@link #put}; the compute/merge family is rejected because Python's class
 * has no counterpart and silently bypassing the capacity rule would be wrong.
 *
 * @param <K> key type
 * @param <V> value type
 */
public class LastUpdatedOrderedDict<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int capacity;

    /**
     * An empty map holding at most {@code capacity} keys.
     *
     * @param capacity the maximum number of keys, at least 1
     */
    public LastUpdatedOrderedDict(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** @return the maximum number of keys */
    public int capacity() {
        return capacity;
    }

    /**
     * Sets {@code key} to {@code value} as the newest entry, evicting the oldest entry first if the map
     * is full and {@code key} is new; prints {@code remove:}, then {@code set:} or {@code add:}.
     */
    @Override
    public V put(K key, V value) {
        boolean containsKey = containsKey(key);
        if (size() - (containsKey ? 1 : 0) >= capacity) {
            Map.Entry<K, V> oldest = entrySet().iterator().next();
            K oldestKey = oldest.getKey();
            V oldestValue = oldest.getValue();
            super.remove(oldestKey);
            System.out.println("remove: " + PyRepr.of(PyRepr.tuple(oldestKey, oldestValue)));
        }
        V previous = null;
        if (containsKey) {
            previous = super.remove(key);
            System.out.println("set: " + PyRepr.of(PyRepr.tuple(key, value)));
        } else {
            System.out.println("add: " + PyRepr.of(PyRepr.tuple(key, value)));
        }
        super.put(key, value);
        return previous;
    }

    /** Puts every entry of {@code m} through {@link #put}, in its iteration order. */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        Objects.requireNonNull(m, "m");
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return containsKey(key) ? get(key) : put(key, value);
    }

    @Override
    public V replace(K key, V value) {
        return containsKey(key) ? put(key, value) : null;
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        if (containsKey(key) && Objects.equals(get(key), oldValue)) {
            put(key, newValue);
            return true;
        }
        return false;
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> f) {
        throw unsupported("computeIfAbsent");
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> f) {
        throw unsupported("computeIfPresent");
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> f) {
        throw unsupported("compute");
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> f) {
        throw unsupported("merge");
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> f) {
        throw unsupported("replaceAll");
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException(
                "LastUpdatedOrderedDict." + method + " would bypass the capacity rule and its log: use put");
    }
}
