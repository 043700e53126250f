package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pyport.python.Python;

class CounterTest {

    private static String python(String code) {
        return Python.run(code).check().stdout().strip();
    }

    @Test
    void countingAndUpdateMatchCPythonsRepr() {
        String expected = python("from collections import Counter\n"
                + "c = Counter()\n"
                + "for ch in 'programming':\n    c[ch] = c[ch] + 1\n"
                + "print(repr(c))\n"
                + "c.update('hello')\n"
                + "print(repr(c))");
        Counter<String> c = new Counter<>();
        for (String ch : Groupby.chars("programming")) {
            c.add(ch);
        }
        String first = c.repr();
        c.update(Groupby.chars("hello"));
        assertEquals(expected, first + "\n" + c.repr());
    }

    @Test
    void insertionOrderAndMostCommonMatchCPython() {
        String expected = python("from collections import Counter\n"
                + "c = Counter('mississippi banana')\n"
                + "print(dict(c))\n"
                + "print(c.most_common(3))\n"
                + "print(c.total(), len(c))");
        Counter<String> c = Counter.ofChars("mississippi banana");
        String actual = PyRepr.of(c.asMap()) + "\n"
                + PyRepr.of(c.mostCommon(3).stream().map(e -> PyRepr.tuple(e.getKey(), e.getValue()))
                        .collect(Collectors.toList())) + "\n"
                + c.total() + " " + c.size();
        assertEquals(expected, actual);
    }

    @Test
    void missingElementCountsZeroWithoutBeingInserted() {
        Counter<String> c = Counter.ofChars("ab");
        assertEquals(0, c.get("z"));
        assertEquals(2, c.size());
    }

    @Test
    void equalityIgnoresOrder() {
        assertEquals(Counter.ofChars("ab"), Counter.ofChars("ba"));
    }

    @Test
    void badInputIsRejected() {
        Counter<String> c = new Counter<>();
        assertThrows(NullPointerException.class, () -> c.add(null));
        assertThrows(IllegalArgumentException.class, () -> c.mostCommon(-1));
        assertThrows(UnsupportedOperationException.class, () -> c.asMap().put("x", 1L));
        assertEquals(List.of(), c.mostCommon(5));
    }
}
