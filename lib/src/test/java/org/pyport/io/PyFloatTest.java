package org.pyport.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PyFloatTest {
    @Test
    void reprMatchesCPythonOnEdgeAndRandomValues() {
        List<Double> xs = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 0.2 + 0.1, 1e-5, 1e-4, 0.001, 1e15, 1e16,
                1e17, 123456789012345678.0, 1e22, 1e23, 5e-324, Double.MAX_VALUE, Double.MIN_NORMAL, 2.0E-3,
                9007199254740993.0, 100.0, 88.5, Math.PI, 1 / 3.0, 2.5e-5, 1.0e300, Math.pow(2, -1022), Math.pow(2, 60),
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) xs.add(Double.longBitsToDouble(r.nextLong()));
        for (int i = 0; i < 500; i++) xs.add(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
        for (int e = -1074; e < 1024; e += 7) xs.add(Math.pow(2, e)); // powers of two: lopsided intervals
        // hex literals reach python exactly; it prints repr for each
        String hex = xs.stream().map(Double::toHexString).collect(Collectors.joining(" "));
        String py = Py.run("import sys\nfor h in sys.argv[1:]:\n"
                + "    print(repr(float.fromhex(h.replace('Infinity','inf'))))", hex.split(" "));
        String[] expected = py.split("\n");
        for (int i = 0; i < xs.size(); i++) {
            assertEquals(expected[i], PyFloat.repr(xs.get(i)), "repr of " + Double.toHexString(xs.get(i)));
        }
    }
}
