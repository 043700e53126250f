package org.pyport.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colours of every chart in the collection, one per language or system, the same in every
 * notebook: CPython is always blue, Java always vermillion, Hazelcast reddish purple, and each mode
 * of the queue manager has its own. A series or bar takes the colour of the system its name
 * mentions ("CPython, 2 threads", "Java serialization", "Hazelcast IQueue"); series that name no
 * system (dumps and loads, worker processes) take the palette's other colours in order.
 *
 * <p>The colours are Okabe and Ito's colour-blind-safe set without its yellow and light blue (too
 * faint on white), with indigo and grey added: every pair stays apart for readers with red-, green-
 * or blue-blind vision, and each has at least 3:1 contrast against the charts' white background.
 */
public final class Palette {
    /** CPython: blue. */
    public static final Color CPYTHON = new Color(0x0072B2);
    /** Java, and the port's own code running on it: vermillion. */
    public static final Color JAVA = new Color(0xD55E00);
    /** Hazelcast (every mode): reddish purple. */
    public static final Color HAZELCAST = new Color(0xCC79A7);
    /** Indigo: the queue manager with one request and reply per call ("prefetch 1, sync"). */
    public static final Color INDIGO = new Color(0x332288);
    /** Bluish green: the queue manager's batched mode. */
    public static final Color GREEN = new Color(0x009E73);
    /** Dark grey. */
    public static final Color GREY = new Color(0x555555);

    /** The background every chart draws itself on (so it reads the same on a dark page). */
    public static final Color BACKGROUND = Color.WHITE;

    private static final List<Color> ALL = List.of(CPYTHON, JAVA, HAZELCAST, INDIGO, GREEN, GREY);
    /** The order in which series that name no system take colours: the languages' colours last. */
    private static final List<Color> OTHERS = List.of(INDIGO, GREEN, GREY, HAZELCAST, JAVA, CPYTHON);

    private record Rule(Pattern pattern, Color colour) {}

    /** Modes before the systems they are modes of; a system is named anywhere in the label. */
    private static final List<Rule> MODES = List.of(
            new Rule(Pattern.compile("QueueManager\\b.*\\bsync\\b"), INDIGO),
            new Rule(Pattern.compile("QueueManager\\b.*\\bbatch"), GREEN),
            new Rule(Pattern.compile("\\bHazelcast\\b", Pattern.CASE_INSENSITIVE), HAZELCAST));
    /** Languages: the one named first wins ("Java vs CPython" is Java's). */
    private static final List<Rule> LANGUAGES = List.of(
            new Rule(Pattern.compile("\\b(Java|JVM|JDK|Jackson|pyport)\\b"), JAVA),
            new Rule(Pattern.compile("\\b(C?Python|pickle)\\b"), CPYTHON));

    private Palette() {}

    /** Every colour of the palette. */
    public static List<Color> colours() {
        return ALL;
    }

    /** The colour of the language or system that {@code name} mentions, if it mentions one. */
    public static Optional<Color> systemColour(String name) {
        if (name == null) return Optional.empty();
        for (Rule r : MODES) {
            if (r.pattern().matcher(name).find()) return Optional.of(r.colour());
        }
        Color first = null;
        int at = Integer.MAX_VALUE;
        for (Rule r : LANGUAGES) {
            Matcher m = r.pattern().matcher(name);
            if (m.find() && m.start() < at) {
                at = m.start();
                first = r.colour();
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Colours for the bars of a one-series bar chart: each system's own colour when any bar names a
     * system (grey for those that do not), else one colour for all: colour then means a system only.
     */
    static List<Color> forBars(List<String> names) {
        boolean anySystem = names.stream().anyMatch(n -> systemColour(n).isPresent());
        List<Color> out = new ArrayList<>();
        for (String n : names) out.add(anySystem ? systemColour(n).orElse(GREY) : OTHERS.get(0));
        return out;
    }

    /**
     * Colours for the series of one chart, in order: each system's own colour; the others, in order,
     * the palette's colours that no system of this chart uses (once all are taken, they repeat).
     */
    static List<Color> forSeries(List<String> names) {
        Set<Color> taken = new LinkedHashSet<>();
        for (String n : names) systemColour(n).ifPresent(taken::add);
        List<Color> free = new ArrayList<>(OTHERS);
        free.removeAll(taken);
        // no green beside Java's vermillion while another colour is free: red next to green is the
        // pair that red-green colour-blind readers (1 man in 12) confuse first
        if (taken.contains(JAVA) && free.remove(GREEN)) free.add(GREEN);
        if (free.isEmpty()) free.addAll(OTHERS);
        List<Color> out = new ArrayList<>();
        int next = 0;
        for (String n : names) {
            Optional<Color> c = systemColour(n);
            out.add(c.isPresent() ? c.get() : free.get(next++ % free.size()));
        }
        return out;
    }

    /**
     * {@code colours} with every repeat replaced by a colour not yet used (bars have no dashes to
     * tell two series of one system apart); unchanged when the palette runs out.
     */
    static List<Color> distinct(List<Color> colours) {
        List<Color> out = new ArrayList<>();
        for (Color c : colours) {
            if (out.contains(c)) {
                c = OTHERS.stream().filter(o -> !out.contains(o) && !colours.contains(o)).findFirst().orElse(c);
            }
            out.add(c);
        }
        return out;
    }
}
