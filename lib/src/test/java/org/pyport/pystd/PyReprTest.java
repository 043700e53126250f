package org.pyport.pystd;

import org.pyport.python.PyResult;
import org.pyport.python.Python;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PyRepr against the reference: every expected string comes from python3 at test time. */
class PyReprTest {
    @BeforeAll
    static void needPython() {
        assumeTrue(Python.available(), "python3 is needed to compare with CPython");
    }

    /** Runs a Python program that reads one item per line from argv[1]'s file and prints one repr per line. */
    private static List<String> python(String code, List<String> inputs) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("pyrepr", ".txt");
        try {
            java.nio.file.Files.writeString(f, String.join("\n", inputs) + "\n");
            PyResult r = Python.run("import sys, struct\n"
                    + "for line in open(sys.argv[1], encoding='ascii').read().split('\\n')[:-1]:\n"
                    + "    print(" + code + ")\n", f.toString()).check();
            List<String> lines = new ArrayList<>(Arrays.asList(r.stdout().split("\n", -1)));
            lines.remove(lines.size() - 1);
            return lines;
        } finally {
            java.nio.file.Files.deleteIfExists(f);
        }
    }

    @Test
    void bytesMatchCPython() throws Exception {
        Random rnd = new Random(42);
        List<byte[]> samples = new ArrayList<>();
        samples.add(new byte[0]);
        samples.add(new byte[] {0, (byte) 0x9c, '@', 'c'});
        samples.add("it's".getBytes());
        samples.add("say \"hi\"".getBytes());
        samples.add("both ' and \"".getBytes());
        samples.add("back\\slash\t\n\r".getBytes());
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) all[i] = (byte) i;
        samples.add(all);
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[rnd.nextInt(40)];
            rnd.nextBytes(b);
            // bias towards printable ASCII and quotes so quote selection is exercised
            String special = " '\"\\abcXYZ\t\n~\u007f";
            for (int j = 0; j < b.length; j++) if (rnd.nextInt(3) == 0) b[j] = (byte) special.charAt(rnd.nextInt(special.length()));
            samples.add(b);
        }
        List<String> expected = python("repr(bytes.fromhex(line))",
                samples.stream().map(HexFormat.of()::formatHex).collect(Collectors.toList()));
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(expected.get(i), PyRepr.bytes(samples.get(i)), "bytes " + HexFormat.of().formatHex(samples.get(i)));
            assertEquals(expected.get(i), PyRepr.of(samples.get(i)));
        }
    }

    @Test
    void floatsMatchCPython() throws Exception {
        Random rnd = new Random(7);
        List<Double> samples = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 0.2 + 0.1, 1e16, 1e15, 1e-5, 1e-4, 1.5e-7,
                123456789012345678.0, 9999999999999998.0, 1e22, 1e23, 5e-324, Double.MAX_VALUE, Double.MIN_NORMAL,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 2.0 / 3, 100.0, 1234.5, -2.5e-5,
                0.3, 1e100, 4.35, 2.675, 9007199254740993.0, 0.0001, 0.00001, 123e18));
        for (int i = 0; i < 2000; i++) samples.add(Double.longBitsToDouble(rnd.nextLong()));
        for (int i = 0; i < 500; i++) samples.add(rnd.nextInt(100000) / Math.pow(10, rnd.nextInt(12)));
        for (int i = 0; i < 300; i++) samples.add((double) rnd.nextLong() / (1L << rnd.nextInt(63)));
        for (int e = -30; e <= 30; e++) samples.add(Math.pow(10, e));
        samples.removeIf(d -> Double.isNaN(d) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(Double.NaN));
        List<String> expected = python("repr(struct.unpack('>d', bytes.fromhex(line))[0])", samples.stream()
                .map(d -> String.format("%016x", Double.doubleToRawLongBits(d))).collect(Collectors.toList()));
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(expected.get(i), PyRepr.of(samples.get(i)), "double bits " + Long.toHexString(Double.doubleToRawLongBits(samples.get(i))));
        }
    }

    @Test
    void stringsMatchCPython() throws Exception {
        Random rnd = new Random(3);
        // code points assigned in both the JDK's and CPython's Unicode versions, plus the awkward ones
        int[][] ranges = {{0x00, 0x7f}, {0x80, 0xff}, {0x391, 0x3c9}, {0x410, 0x44f}, {0x4e00, 0x4fff},
            {0x3000, 0x3003}, {0x200b, 0x200f}, {0x2028, 0x2029}, {0xe000, 0xe003}, {0xd800, 0xd803},
            {0xdc00, 0xdc03}, {0xfeff, 0xfeff}, {0x1f600, 0x1f64f}, {0x2000, 0x200a}, {0xad, 0xad}};
        List<String> samples = new ArrayList<>(List.of("", "abc", "it's", "say \"hi\"", "both ' and \"",
                "tab\there\nnew\\", "中文 text", "\u0000\u001f\u007f", "\ud83d\ude00 emoji"));
        for (int i = 0; i < 400; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(12);
            for (int j = 0; j < n; j++) {
                int[] r = ranges[rnd.nextInt(ranges.length)];
                sb.appendCodePoint(r[0] + rnd.nextInt(r[1] - r[0] + 1));
            }
            samples.add(sb.toString());
        }
        // pass strings as code point lists (lone surrogates have no UTF-8 form); a Java surrogate pair is one code point
        List<String> expected = python("repr(''.join(chr(int(c, 16)) for c in line.split()))", samples.stream()
                .map(s -> s.codePoints().mapToObj(Integer::toHexString).collect(Collectors.joining(" ")))
                .collect(Collectors.toList()));
        for (int i = 0; i < samples.size(); i++) {
            assertEquals(expected.get(i), PyRepr.of(samples.get(i)), "string " + samples.get(i).chars()
                    .mapToObj(Integer::toHexString).collect(Collectors.joining(" ")));
        }
    }

    @Test
    void containersMatchCPython() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put("b", List.of(true, false));
        m.put("c", null);
        Set<Integer> set = new TreeSet<>(List.of(3, 1, 2));
        List<Object> values = new ArrayList<>(Arrays.asList(List.of(1, 2), PyRepr.tuple(1, 2), PyRepr.tuple(1), PyRepr.tuple(),
                m, set, new TreeSet<Integer>(), List.of(1.5, "x", new byte[] {1}), new int[] {1, 2}, 'q', 42L, -7));
        List<String> pySources = List.of("[1, 2]", "(1, 2)", "(1,)", "()", "{'a': 1, 'b': [True, False], 'c': None}",
                "{1, 2, 3}", "set()", "[1.5, 'x', b'\\x01']", "[1, 2]", "'q'", "42", "-7");
        PyResult r = Python.run("import sys\nfor s in sys.argv[1:]:\n    print(repr(eval(s)))",
                pySources.toArray(new String[0])).check();
        String[] expected = r.stdout().split("\n");
        for (int i = 0; i < values.size(); i++) assertEquals(expected[i], PyRepr.of(values.get(i)), pySources.get(i));
    }
}
