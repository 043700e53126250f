package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PyJsonTest {
    record Student(String name, int age, double score) {}

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    /** Java values and the Python literal for the same value. */
    private static final Object[][] CASES = {
        {map("name", "Bob", "age", 20, "score", 88), "dict(name='Bob', age=20, score=88)"},
        {map(), "{}"},
        {List.of(), "[]"},
        {map("a", List.of(), "b", map(), "c", List.of(1, List.of(2, 3))), "{'a': [], 'b': {}, 'c': [1, [2, 3]]}"},
        {map("z", 1, "a", map("y", 2, "b", 3)), "{'z': 1, 'a': {'y': 2, 'b': 3}}"},
        {map("s", "中文 é \u00ff \u007f \u0001 \t\n\r\b\f \"q\" \\ / 😀"),
                "{'s': '中文 é \\xff \\x7f \\x01 \\t\\n\\r\\b\\f \"q\" \\\\ / 😀'}"},
        {Arrays.asList(1.0, 0.1, 1e-7, 1e16, 88.5, -0.0, Double.NaN, Double.POSITIVE_INFINITY, null, true, false),
                "[1.0, 0.1, 1e-7, 1e16, 88.5, -0.0, float('nan'), float('inf'), None, True, False]"},
        {List.of(new BigInteger("123456789012345678901234567890"), Long.MIN_VALUE, 0),
                "[123456789012345678901234567890, -9223372036854775808, 0]"},
    };

    private static String pyLiterals() {
        StringBuilder sb = new StringBuilder("[");
        for (Object[] c : CASES) sb.append(c[1]).append(",\n");
        return sb.append("]").toString();
    }

    private void compare(PyJson.Options opt, String pyKwargs) {
        String py = Py.run("import json\nfor v in " + pyLiterals() + ":\n    print(json.dumps(v" + pyKwargs + "))");
        StringBuilder java = new StringBuilder();
        for (Object[] c : CASES) java.append(PyJson.dumps(c[0], opt)).append('\n');
        assertEquals(py, java.toString());
    }

    @Test void dumpsDefaultsMatchCPython() { compare(PyJson.Options.defaults(), ""); }

    @Test void dumpsIndentMatchesCPython() { compare(PyJson.Options.defaults().indent(2), ", indent=2"); }

    @Test void dumpsIndentZeroMatchesCPython() { compare(PyJson.Options.defaults().indent(0), ", indent=0"); }

    @Test void dumpsSortKeysMatchesCPython() { compare(PyJson.Options.defaults().sortKeys(true), ", sort_keys=True"); }

    @Test void dumpsEnsureAsciiFalseMatchesCPython() {
        compare(PyJson.Options.defaults().ensureAscii(false), ", ensure_ascii=False");
    }

    @Test
    void nonStringKeysAreConvertedLikePython() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(7, "a");
        m.put(2.5, "b");
        m.put(true, "c");
        m.put(null, "d");
        assertEquals(Py.run("import json\nprint(json.dumps({7: 'a', 2.5: 'b', True: 'c', None: 'd'}))").strip(),
                PyJson.dumps(m));
        assertThrows(IllegalArgumentException.class, () -> PyJson.dumps(Map.of(List.of(1), 2)));
    }

    @Test
    void unsupportedObjectFailsWithPythonsMessageUnlessDefaultGiven() {
        Student s = new Student("Bob", 20, 88);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyJson.dumps(s));
        assertTrue(e.getMessage().startsWith("Object of type Student is not JSON serializable"), e.getMessage());
        String py = Py.run("import json\nclass Student:\n    def __init__(s, n, a, c): s.name, s.age, s.score = n, a, c\n"
                + "print(json.dumps(Student('Bob', 20, 88.0), default=lambda o: o.__dict__))");
        String java = PyJson.dumps(s, PyJson.Options.defaults().withDefault(
                o -> map("name", ((Student) o).name(), "age", ((Student) o).age(), "score", ((Student) o).score())));
        assertEquals(py.strip(), java);
    }

    @Test
    void mapperWritesRecordsWithPythonsLayout() throws Exception {
        String py = Py.run("import json\nprint(json.dumps(dict(name='Bób', age=20, score=88.0)))"
                + "\nprint(json.dumps(dict(name='Bób', age=20, score=88.0), indent=4, ensure_ascii=False))");
        String java = PyJson.mapper().writeValueAsString(new Student("Bób", 20, 88)) + "\n"
                + PyJson.mapper(PyJson.Options.defaults().indent(4).ensureAscii(false))
                        .writeValueAsString(new Student("Bób", 20, 88)) + "\n";
        assertEquals(py, java);
        // the mapper is reusable: a second call must not inherit nesting state from the first
        assertEquals(PyJson.mapper().writeValueAsString(List.of(map("a", 1))),
                PyJson.mapper().writeValueAsString(List.of(map("a", 1))));
    }

    @Test
    void mapperBytesAreUtf8OfPythonsText() throws Exception {
        Map<String, Object> m = map("m", "😀中\u007f é");
        for (boolean ascii : new boolean[] {true, false}) {
            String py = Py.run("import json\nprint(json.dumps({'m': '😀中\\x7f é'}, ensure_ascii=" + (ascii ? "True" : "False") + "))");
            byte[] out = PyJson.mapper(PyJson.Options.defaults().ensureAscii(ascii)).writeValueAsBytes(m);
            assertEquals(py.strip(), new String(out, java.nio.charset.StandardCharsets.UTF_8), "ensure_ascii=" + ascii);
        }
    }

    @Test
    void loadsGivesPythonTypesAndAppliesObjectHookInnermostFirst() {
        Object v = PyJson.loads("{\"age\": 20, \"big\": 123456789012345678901, \"l\": 3000000000, \"x\": 1.5, "
                + "\"n\": null, \"t\": true, \"a\": [1, {\"k\": \"v\"}], \"nan\": NaN}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of("age", "big", "l", "x", "n", "t", "a", "nan"), new ArrayList<>(m.keySet()));
        assertEquals(20, m.get("age"));
        assertEquals(new BigInteger("123456789012345678901"), m.get("big"));
        assertEquals(3000000000L, m.get("l"));
        assertEquals(1.5, m.get("x"));
        assertTrue(Double.isNaN((Double) m.get("nan")));
        List<String> seen = new ArrayList<>();
        PyJson.loads("{\"outer\": {\"inner\": 1}}", o -> {
            seen.add(String.join(",", o.keySet()));
            return o.size();
        });
        assertEquals(List.of("inner", "outer"), seen);
    }

    @Test
    void roundTripThroughPython() {
        Map<String, Object> d = map("name", "小明", "scores", List.of(1, 2.5, 1e-9), "ok", true);
        String text = PyJson.dumps(d);
        String back = Py.run("import json,sys\nprint(json.dumps(json.loads(sys.argv[1])))", text);
        assertEquals(text, back.strip());
        assertEquals(d, PyJson.loads(back));
    }

    @Test
    void badJsonGivesClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PyJson.loads("{\"a\": }"));
        assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
    }
}
