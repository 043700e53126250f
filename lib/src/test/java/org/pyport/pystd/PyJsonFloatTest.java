package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Floats in JSON are where Java and Python text differ most (1.0E-5 vs 1e-05): compare many with CPython. */
class PyJsonFloatTest {
    @Test
    void floatsAreWrittenAsCPythonsJsonDoes() throws Exception {
        List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1e-5, 1e-4, 0.001, 1e15, 1e16,
                1e17, 123456789012345678.0, 1e22, 1e23, 5e-324, Double.MAX_VALUE, Double.MIN_NORMAL, 2.0E-3,
                9007199254740993.0, 100.0, 88.5, Math.PI, 1 / 3.0, 2.5e-5, 1.0e300,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Random r = new Random(42);
        for (int i = 0; i < 1000; i++) xs.add(Double.longBitsToDouble(r.nextLong()));
        for (int i = 0; i < 300; i++) xs.add(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
        for (int e = -1074; e < 1024; e += 7) xs.add(Math.pow(2, e)); // powers of two: lopsided rounding intervals
        // hex literals carry the exact doubles to python, which prints json.dumps of each
        String[] hex = xs.stream().map(Double::toHexString).toArray(String[]::new);
        String py = Py.run("import json, sys\nfor h in sys.argv[1:]:\n"
                + "    print(json.dumps(float.fromhex(h.replace('Infinity', 'inf'))))", hex);
        String java = xs.stream().map(PyJson::dumps).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(py, java);
        // the Jackson mapper preset writes the same text for boxed and primitive doubles
        assertEquals(py.split("\n")[5], PyJson.mapper().writeValueAsString(0.2 + 0.1));
        assertEquals("[" + py.split("\n")[6] + "]", PyJson.mapper().writeValueAsString(new double[] {1e-5}));
    }
}
