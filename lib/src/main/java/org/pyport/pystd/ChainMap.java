package org.pyport.pystd;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Python's {@code collections.ChainMap}: several maps searched in order as one map, without
 * copying them. A lookup returns the value from the first map that has the key, so
 * {@code new ChainMap<>(commandLine, environment, defaults)} lets command-line arguments override
 * the environment, which overrides the defaults.
 *
 * <p>Like Python, writes ({@link #put}, {@link #remove}, {@link #clear}) go to the first map only;
 * removing a key the first map lacks is an error even if a later map has it. Iteration lists each
 * key once, in Python's order: keys of the last map first, then keys first seen in earlier maps.
 * The maps are held by reference, so later changes to them show through.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class ChainMap<K, V> extends AbstractMap<K, V> {

    private final List<Map<K, V>> maps;

    /**
     * Chains {@code maps}, searched first to last; with no maps, one empty {@code HashMap} is
     * created to receive writes, as {@code ChainMap()} does.
     *
     * @param maps the maps, highest priority first (none may be {@code null})
     */
    @SafeVarargs
    public ChainMap(Map<K, V>... maps) {
        this(java.util.Arrays.asList(Objects.requireNonNull(maps, "maps")));
    }

    /**
     * Chains the maps of a list, searched first to last.
     *
     * @param maps the maps, highest priority first (none may be {@code null})
     */
    public ChainMap(List<? extends Map<K, V>> maps) {
        Objects.requireNonNull(maps, "maps");
        this.maps = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            this.maps.add(Objects.requireNonNull(maps.get(i), "map #" + i + " is null"));
        }
        if (this.maps.isEmpty()) {
            this.maps.add(new HashMap<>());
        }
    }

    /**
     * The chained maps, highest priority first, like Python's {@code .maps}; the list is live:
     * adding or removing maps changes this ChainMap.
     *
     * @return the mutable list of maps
     */
    public List<Map<K, V>> maps() {
        return maps;
    }

    /**
     * A new ChainMap with an empty {@code HashMap} in front of these maps, like {@code new_child()}.
     *
     * @return the new chain
     */
    public ChainMap<K, V> newChild() {
        return newChild(new HashMap<>());
    }

    /**
     * A new ChainMap with {@code child} in front of these maps, like {@code new_child(m)}.
     *
     * @param child the new highest-priority map
     * @return the new chain
     */
    public ChainMap<K, V> newChild(Map<K, V> child) {
        List<Map<K, V>> list = new ArrayList<>();
        list.add(Objects.requireNonNull(child, "child"));
        list.addAll(maps);
        return new ChainMap<>(list);
    }

    /**
     * A new ChainMap of all maps but the first, like {@code .parents}.
     *
     * @return the new chain (with one empty map if this chain has only one)
     */
    public ChainMap<K, V> parents() {
        return new ChainMap<>(maps.subList(1, maps.size()));
    }

    @Override
    public V get(Object key) {
        for (Map<K, V> m : maps) {
            // containsKey first: a key mapped to null in an earlier map still hides later maps.
            if (m.containsKey(key)) {
                return m.get(key);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        for (Map<K, V> m : maps) {
            if (m.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    /** Writes into the first map, like {@code chain[key] = value}. */
    @Override
    public V put(K key, V value) {
        V old = get(key);
        maps.get(0).put(key, value);
        return old;
    }

    /**
     * Removes {@code key} from the first map, like {@code del chain[key]}.
     *
     * @throws NoSuchElementException if the first map lacks the key (Python raises KeyError)
     */
    @Override
    public V remove(Object key) {
        Map<K, V> first = maps.get(0);
        if (!first.containsKey(key)) {
            throw new NoSuchElementException("Key not found in the first mapping: " + key);
        }
        return first.remove(key);
    }

    /** Clears the first map only, like {@code chain.clear()}. */
    @Override
    public void clear() {
        maps.get(0).clear();
    }

    @Override
    public int size() {
        return keysInPythonOrder().size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<K, V>> iterator() {
                Iterator<K> keys = keysInPythonOrder().iterator();
                return new Iterator<>() {
                    private K last;
                    private boolean canRemove;

                    @Override
                    public boolean hasNext() {
                        return keys.hasNext();
                    }

                    @Override
                    public Entry<K, V> next() {
                        last = keys.next();
                        canRemove = true;
                        return new SimpleImmutableEntry<>(last, get(last));
                    }

                    @Override
                    public void remove() {
                        if (!canRemove) {
                            throw new IllegalStateException("next() has not been called");
                        }
                        canRemove = false;
                        ChainMap.this.remove(last);
                    }
                };
            }

            @Override
            public int size() {
                return ChainMap.this.size();
            }
        };
    }

    /** Keys of the last map first, then new keys of each earlier map: Python's {@code __iter__}. */
    private Set<K> keysInPythonOrder() {
        Set<K> keys = new LinkedHashSet<>();
        for (int i = maps.size() - 1; i >= 0; i--) {
            keys.addAll(maps.get(i).keySet());
        }
        return keys;
    }
}
