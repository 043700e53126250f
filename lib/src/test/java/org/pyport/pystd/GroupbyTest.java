package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pyport.python.Python;

class GroupbyTest {

    /** Python repr of the groups as a list of (key, [items]) tuples. */
    private static String repr(Stream<? extends Groupby.Group<?, ?>> groups) {
        return PyRepr.of(groups.map(g -> PyRepr.tuple(g.key(), g.items())).collect(Collectors.toList()));
    }

    private static String python(String code) {
        return Python.run(code).check().stdout().strip();
    }

    @Test
    void consecutiveRunsMatchCPython() {
        String expected = python("import itertools\n"
                + "print([(k, list(g)) for k, g in itertools.groupby('AAABBBCCAAA')])");
        assertEquals(expected, repr(Groupby.groupby(Groupby.chars("AAABBBCCAAA"))));
    }

    @Test
    void keyFunctionMatchesCPython() {
        String expected = python("import itertools\n"
                + "print([(k, list(g)) for k, g in itertools.groupby('AaaBBbcCAAa', lambda c: c.upper())])");
        assertEquals(expected, repr(Groupby.groupby(Groupby.chars("AaaBBbcCAAa"),
                c -> c.toUpperCase(Locale.ROOT))));
    }

    @Test
    void streamSourceMatchesCPython() {
        String expected = python("import itertools\n"
                + "print([(k, list(g)) for k, g in itertools.groupby([1, 3, 5, 2, 4, 7, 9, 9], lambda n: n % 2 == 0)])");
        assertEquals(expected, repr(Groupby.groupby(Stream.of(1, 3, 5, 2, 4, 7, 9, 9), n -> n % 2 == 0)));
    }

    @Test
    void infiniteSourceIsReadLazily() {
        String expected = python("import itertools\n"
                + "print([(k, list(g)) for k, g in itertools.islice(itertools.groupby(itertools.count(), lambda i: i // 3), 3)])");
        AtomicInteger read = new AtomicInteger();
        Stream<Integer> naturals = Stream.iterate(0, i -> i + 1).peek(i -> read.incrementAndGet());
        assertEquals(expected, repr(Groupby.groupby(naturals, i -> i / 3).limit(3)));
        // three runs of three, plus the one look-ahead element that ends the third run
        assertEquals(10, read.get());
    }

    @Test
    void emptySourceGivesNoGroups() {
        assertEquals(0, Groupby.groupby(List.of()).count());
    }

    @Test
    void groupsStayUsableAfterTheStreamMovesOn() {
        Iterator<Groupby.Group<String, String>> it = Groupby.groupby(List.of("a", "a", "b")).iterator();
        Groupby.Group<String, String> first = it.next();
        it.next();
        assertEquals(List.of("a", "a"), first.items());
        assertTrue(!it.hasNext());
    }

    @Test
    void nullElementsAndKeysAreGroupedToo() {
        List<Groupby.Group<String, String>> groups =
                Groupby.groupby(Arrays.asList(null, null, "x")).collect(Collectors.toList());
        assertEquals(2, groups.size());
        assertEquals(null, groups.get(0).key());
        assertEquals(Arrays.asList(null, null), groups.get(0).items());
    }

    @Test
    void groupsAreImmutableAndNeverEmpty() {
        Groupby.Group<String, String> g = Groupby.groupby(List.of("a")).findFirst().orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> g.items().add("b"));
        assertThrows(IllegalArgumentException.class, () -> new Groupby.Group<>("k", List.of()));
    }

    @Test
    void charsSplitsByCodePointLikePython() {
        String text = "a\uD83D\uDE00b";
        String expected = python("import sys\nprint(list(sys.argv[1]))".replace("sys.argv[1]", "'a\\U0001F600b'"));
        assertEquals(expected, PyRepr.of(Groupby.chars(text)));
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> Groupby.groupby((Iterable<String>) null));
        assertThrows(NullPointerException.class, () -> Groupby.groupby(List.of("a"), null));
    }
}
