package org.pyport.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void trailingSemicolonIgnoresCommentsAndLiterals() {
        assertTrue(CellParser.endsWithSemicolon("x;"));
        assertTrue(CellParser.endsWithSemicolon("int a = 1;\nf(a);  // shown as a display only\n\n"));
        assertTrue(CellParser.endsWithSemicolon("f(\"// not a comment\"); /* done; */"));
        assertFalse(CellParser.endsWithSemicolon("1 + 1"));
        assertFalse(CellParser.endsWithSemicolon("x // ends with a comment;"));
        assertFalse(CellParser.endsWithSemicolon("f();\ng()"));
        assertFalse(CellParser.endsWithSemicolon("\";\""));
        assertFalse(CellParser.endsWithSemicolon("';'"));
        assertFalse(CellParser.endsWithSemicolon("'\\''"));
        assertFalse(CellParser.endsWithSemicolon("\"\"\"\n  a;\n  \"\"\""));
        assertFalse(CellParser.endsWithSemicolon("void f() { g(); }"));
    }

    @Test
    void splitsLikeAShell() {
        assertEquals(List.of("a", "b c", "d"), CellParser.split(" a 'b c'  \"d\""));
    }
}
