package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pyport.python.Python;

class ChainMapTest {

    private static String python(String code) {
        return Python.run(code).check().stdout().strip();
    }

    private static Map<String, Integer> map(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    @Test
    void lookupIterationAndWritesMatchCPython() {
        String expected = python("from collections import ChainMap\n"
                + "a = {'x': 1}; b = {'y': 2, 'x': 20}; c = {'z': 3, 'y': 30, 'w': 4}\n"
                + "cm = ChainMap(a, b, c)\n"
                + "print(cm['x'], cm['y'], cm['z'], len(cm))\n"
                + "print(list(cm), dict(cm))\n"
                + "cm['z'] = 99\n"
                + "print(a, c)\n"
                + "del cm['x']\n"
                + "print(cm['x'], a)");
        Map<String, Integer> a = map("x", 1);
        Map<String, Integer> b = map("y", 2, "x", 20);
        Map<String, Integer> c = map("z", 3, "y", 30, "w", 4);
        ChainMap<String, Integer> cm = new ChainMap<>(a, b, c);
        StringBuilder out = new StringBuilder();
        out.append(cm.get("x")).append(' ').append(cm.get("y")).append(' ').append(cm.get("z"))
                .append(' ').append(cm.size()).append('\n');
        out.append(PyRepr.of(new ArrayList<>(cm.keySet()))).append(' ')
                .append(PyRepr.of(new LinkedHashMap<>(cm))).append('\n');
        cm.put("z", 99);
        out.append(PyRepr.of(a)).append(' ').append(PyRepr.of(c)).append('\n');
        cm.remove("x");
        out.append(cm.get("x")).append(' ').append(PyRepr.of(a));
        assertEquals(expected, out.toString());
    }

    @Test
    void removingAKeyTheFirstMapLacksFailsLikeKeyError() {
        ChainMap<String, Integer> cm = new ChainMap<>(map(), map("x", 1));
        assertThrows(java.util.NoSuchElementException.class, () -> cm.remove("x"));
        assertEquals(1, cm.get("x"));
    }

    @Test
    void nullValueInAnEarlierMapHidesLaterMaps() {
        Map<String, Integer> first = new HashMap<>();
        first.put("k", null);
        ChainMap<String, Integer> cm = new ChainMap<>(first, map("k", 1));
        assertTrue(cm.containsKey("k"));
        assertNull(cm.get("k"));
    }

    @Test
    void noMapsMeansOneEmptyWritableMap() {
        ChainMap<String, Integer> cm = new ChainMap<>();
        assertEquals(1, cm.maps().size());
        cm.put("a", 1);
        assertEquals(Map.of("a", 1), cm.maps().get(0));
    }

    @Test
    void newChildAndParents() {
        Map<String, Integer> base = map("a", 1);
        ChainMap<String, Integer> cm = new ChainMap<>(base);
        ChainMap<String, Integer> child = cm.newChild();
        child.put("a", 2);
        assertEquals(2, child.get("a"));
        assertEquals(1, cm.get("a"));
        assertEquals(1, child.parents().get("a"));
        assertEquals(List.of(base), child.parents().maps());
    }

    @Test
    void laterChangesToTheMapsShowThrough() {
        Map<String, Integer> defaults = map("color", 1);
        ChainMap<String, Integer> cm = new ChainMap<>(map(), defaults);
        assertFalse(cm.containsKey("user"));
        defaults.put("user", 7);
        assertEquals(7, cm.get("user"));
    }

    @Test
    void nullMapsAreRejectedWithTheirPosition() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new ChainMap<String, Integer>(map(), null));
        assertTrue(e.getMessage().contains("#1"), e.getMessage());
    }
}
