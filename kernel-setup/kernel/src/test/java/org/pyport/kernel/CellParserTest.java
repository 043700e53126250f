package org.pyport.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CellParserTest {

    @Test
    void cellMagicTakesTheFirstLine() {
        CellParser.CellMagicCall call = CellParser.cellMagic("\n%%python --out py_x\nprint('a')\nprint(\"b\")");
        assertEquals("python", call.name());
        assertEquals(List.of("--out", "py_x"), call.args());
        assertEquals("print('a')\nprint(\"b\")", call.body());
        assertEquals(2, call.bodyLine());
        assertNull(CellParser.cellMagic("int x = 1;\n%%python"));
    }

    @Test
    void lineMagicsSplitJavaCode() {
        List<CellParser.Part> parts = CellParser.parts("int a = 1;\n%jars lib/*.jar\nint b = a;\n%timeit -n 2 f(\"x y\")");
        assertEquals(4, parts.size());
        assertEquals(0, parts.get(0).line());
        assertEquals("jars", parts.get(1).magic());
        assertEquals(List.of("lib/*.jar"), parts.get(1).args());
        assertEquals(2, parts.get(2).line());
        assertEquals("-n 2 f(\"x y\")", parts.get(3).rawArgs());
    }

    @Test
    void magicsAsValuesBecomeCalls() {
        String call = CellParser.MAGIC_CALL;
        assertEquals("List<String> added = " + call + "(\"jars\", \"x.jar 'a b'\", 3);\nadded",
                CellParser.inlineMagics("List<String> added = %jars x.jar 'a b';\nadded", 3));
        assertEquals("Object v =" + call + "(\"time\", \"1 + \\\"\\u00e9\\\"\", 0);",
                CellParser.inlineMagics("Object v =%time 1 + \"\u00e9\"", 0));
        // not a magic: the remainder operator, a compound assignment, literals, comments, comparisons
        for (String java : List.of("int r = a % b;", "r %= 3;", "String s = \"= %jars x\";", "// x = %jars y",
                "boolean b = x == %d;", "/* = %jars */ int y = 1;", "String t = \"\"\"\n  = %jars\n  \"\"\";")) {
            assertEquals(java, CellParser.inlineMagics(java, 0));
        }
    }

    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("a", "b c", "d"), CellParser.split(" a 'b c'  \"d\""));
    }
}
