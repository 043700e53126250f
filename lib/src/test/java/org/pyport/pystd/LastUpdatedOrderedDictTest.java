package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pyport.python.Python;

class LastUpdatedOrderedDictTest {

    /** The tutorial's class, verbatim apart from Python 3 syntax. */
    private static final String PY_CLASS = String.join("\n",
            "from collections import OrderedDict",
            "class LastUpdatedOrderedDict(OrderedDict):",
            "    def __init__(self, capacity):",
            "        super(LastUpdatedOrderedDict, self).__init__()",
            "        self._capacity = capacity",
            "    def __setitem__(self, key, value):",
            "        containsKey = 1 if key in self else 0",
            "        if len(self) - containsKey >= self._capacity:",
            "            last = self.popitem(last=False)",
            "            print('remove:', last)",
            "        if containsKey:",
            "            del self[key]",
            "            print('set:', (key, value))",
            "        else:",
            "            print('add:', (key, value))",
            "        OrderedDict.__setitem__(self, key, value)",
            "");

    private static String captured(Runnable r) {
        PrintStream original = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(original);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void logAndOrderMatchCPython() {
        String expected = Python.run(PY_CLASS
                + "d = LastUpdatedOrderedDict(3)\n"
                + "for k, v in [('a', 1), ('b', 2), ('c', 3), ('b', 20), ('d', 4), ('a', 10), (\"it's\", None)]:\n"
                + "    d[k] = v\n"
                + "print(list(d.items()))\n").check().stdout();
        String actual = captured(() -> {
            LastUpdatedOrderedDict<String, Integer> d = new LastUpdatedOrderedDict<>(3);
            d.put("a", 1);
            d.put("b", 2);
            d.put("c", 3);
            d.put("b", 20);
            d.put("d", 4);
            d.put("a", 10);
            d.put("it's", null);
            ArrayList<Object> items = new ArrayList<>();
            d.forEach((k, v) -> items.add(PyRepr.tuple(k, v)));
            System.out.println(PyRepr.of(items));
        });
        assertEquals(expected, actual);
    }

    @Test
    void putAllGoesThroughTheCapacityRule() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("x", 1);
        m.put("y", 2);
        m.put("z", 3);
        LastUpdatedOrderedDict<String, Integer> d = new LastUpdatedOrderedDict<>(2);
        String log = captured(() -> d.putAll(m));
        assertEquals(new ArrayList<>(java.util.List.of("y", "z")), new ArrayList<>(d.keySet()));
        assertEquals(4, log.lines().count()); // add x, add y, remove x, add z
    }

    @Test
    void putReturnsThePreviousValue() {
        LastUpdatedOrderedDict<String, Integer> d = new LastUpdatedOrderedDict<>(2);
        captured(() -> {
            assertEquals(null, d.put("a", 1));
            assertEquals(1, d.put("a", 2));
        });
    }

    @Test
    void badUseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LastUpdatedOrderedDict<String, Integer>(0));
        LastUpdatedOrderedDict<String, Integer> d = new LastUpdatedOrderedDict<>(2);
        assertThrows(UnsupportedOperationException.class, () -> d.merge("a", 1, Integer::sum));
        assertThrows(UnsupportedOperationException.class, () -> d.computeIfAbsent("a", k -> 1));
    }
}
