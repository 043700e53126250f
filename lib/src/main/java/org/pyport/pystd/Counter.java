package org.pyport.pystd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Python's {@code collections.Counter}: counts how often each element occurs.
 *
 * <p>In Java the counting itself is one call, {@code map.merge(x, 1, Integer::sum)}; what the JDK
 * lacks is the rest of Counter's behaviour, which this class adds: a missing element counts 0
 * (without being inserted), {@link #mostCommon()} orders by count and keeps first-seen order among
 * equal counts (Python's sort is stable), and {@link #asPythonOrder()} gives the order in which
 * CPython prints a Counter. Elements are remembered in first-seen order, like a Python dict; a
 * {@code HashMap} would list them in hash order instead.
 *
 * @param <T> element type ({@code null} is rejected: Python's {@code None} has no use as a count key here)
 */
public final class Counter<T> {

    private final Map<T, Long> counts = new LinkedHashMap<>();

    /** An empty counter, like {@code Counter()}. */
    public Counter() {
    }

    /**
     * Counts the characters of a string, the way {@code Counter('programming')} iterates a str.
     *
     * @param text the text whose characters (code points) are counted
     * @return a new counter of one-character strings
     */
    public static Counter<String> ofChars(String text) {
        Counter<String> c = new Counter<>();
        c.update(Groupby.chars(text));
        return c;
    }

    /**
     * Adds one occurrence of {@code element}, like {@code c[x] = c[x] + 1}.
     *
     * @param element the element to count
     * @return this counter
     */
    public Counter<T> add(T element) {
        return add(element, 1);
    }

    /**
     * Adds {@code n} (possibly negative) to the count of {@code element}, like {@code c[x] += n}.
     * A count may become zero or negative and stays listed, as in Python.
     *
     * @param element the element to count
     * @param n       how much to add
     * @return this counter
     */
    public Counter<T> add(T element, long n) {
        Objects.requireNonNull(element, "element");
        counts.merge(element, n, Long::sum);
        return this;
    }

    /**
     * Counts every element of {@code elements}, like {@code c.update(iterable)}.
     *
     * @param elements the elements to count
     * @return this counter
     */
    public Counter<T> update(Iterable<? extends T> elements) {
        Objects.requireNonNull(elements, "elements");
        for (T e : elements) {
            add(e);
        }
        return this;
    }

    /**
     * The count of {@code element}; 0 if it was never counted (Python's {@code c[x]} for a missing
     * key also returns 0 and does not insert it).
     *
     * @param element the element
     * @return its count
     */
    public long get(Object element) {
        Long n = counts.get(element);
        return n == null ? 0 : n;
    }

    /** @return how many distinct elements are counted, like {@code len(c)} */
    public int size() {
        return counts.size();
    }

    /** @return the sum of all counts, like {@code c.total()} */
    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The counts in first-seen order (a Python dict's iteration order).
     *
     * @return an unmodifiable view, in insertion order
     */
    public Map<T, Long> asMap() {
        return Collections.unmodifiableMap(counts);
    }

    /**
     * All entries from the most to the least common; equal counts keep first-seen order,
     * like {@code c.most_common()}.
     *
     * @return a new list of (element, count) entries
     */
    public List<Map.Entry<T, Long>> mostCommon() {
        List<Map.Entry<T, Long>> entries = new ArrayList<>();
        for (Map.Entry<T, Long> e : counts.entrySet()) {
            entries.add(Map.entry(e.getKey(), e.getValue()));
        }
        // List.sort is a stable merge sort, so ties keep insertion order, exactly like Python's sorted.
        entries.sort(Map.Entry.<T, Long>comparingByValue(Comparator.reverseOrder()));
        return entries;
    }

    /**
     * The {@code n} most common entries, like {@code c.most_common(n)}.
     *
     * @param n how many entries (negative is an error)
     * @return at most {@code n} entries
     */
    public List<Map.Entry<T, Long>> mostCommon(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        List<Map.Entry<T, Long>> all = mostCommon();
        return new ArrayList<>(all.subList(0, Math.min(n, all.size())));
    }

    /**
     * The counts in the order CPython 3.7+ prints a Counter ({@code repr} lists {@code most_common()}).
     *
     * @return a new insertion-ordered map, most common first
     */
    public Map<T, Long> asPythonOrder() {
        Map<T, Long> ordered = new LinkedHashMap<>();
        for (Map.Entry<T, Long> e : mostCommon()) {
            ordered.put(e.getKey(), e.getValue());
        }
        return ordered;
    }

    /**
     * What CPython 3.7+ prints for this counter: {@code Counter({'r': 2, 'g': 2, ...})}, most common first,
     * elements and counts in Python repr.
     *
     * @return the Python repr
     */
    public String repr() {
        return "Counter(" + PyRepr.of(asPythonOrder()) + ")";
    }

    /** @return {@code Counter} followed by the counts in first-seen order, Java style */
    @Override
    public String toString() {
        return "Counter" + counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counter<?> other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }
}
