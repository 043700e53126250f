package org.pyport.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TablesTest {
    private static Table numbers(int n) {
        int[] v = IntStream.range(0, n).toArray();
        return Table.create("numbers", IntColumn.create("i", v),
                StringColumn.create("s", IntStream.range(0, n).mapToObj(i -> "<r" + i + "&>").toArray(String[]::new)));
    }

    /** Rows of the HTML table as lists of cell texts (the HTML is well-formed XML). */
    private static List<List<String>> rows(String html) throws Exception {
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(html)));
        NodeList trs = d.getElementsByTagName("tr");
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < trs.getLength(); i++) {
            NodeList cells = trs.item(i).getChildNodes();
            List<String> row = new ArrayList<>();
            for (int j = 0; j < cells.getLength(); j++) row.add(cells.item(j).getTextContent());
            out.add(row);
        }
        return out;
    }

    @Test
    void shortTablesShowEveryRowEscaped() throws Exception {
        String html = Tables.html(numbers(3), 10);
        List<List<String>> rows = rows(html);
        assertEquals(List.of("i", "s"), rows.get(0));
        assertEquals(List.of("0", "<r0&>"), rows.get(1));
        assertEquals(4, rows.size());
        assertTrue(html.contains("numbers (3 rows × 2 columns)"));
    }

    @Test
    void longTablesShowHeadEllipsisTail() throws Exception {
        List<List<String>> rows = rows(Tables.html(numbers(100), 6));
        assertEquals(1 + 3 + 1 + 3, rows.size());
        assertEquals("0", rows.get(1).get(0));
        assertEquals("2", rows.get(3).get(0));
        assertEquals(List.of("…", "…"), rows.get(4));
        assertEquals("97", rows.get(5).get(0));
        assertEquals("99", rows.get(7).get(0));
        String text = Tables.text(numbers(100), 6);
        assertTrue(text.contains("…") && text.contains("99") && !text.contains(" 50 "), text);
        assertTrue(text.startsWith("numbers (100 rows × 2 columns)"), text);
        assertThrows(IllegalArgumentException.class, () -> Tables.html(numbers(3), 1));
    }

    /** Timings as TimeIt makes them: means of three runs, with every digit a double has. */
    private static Table timings() {
        return Table.create("lock timings", StringColumn.create("label", "no lock", "AtomicLong", "big", "huge"),
                DoubleColumn.create("mean_ms", 1.3428616666666668, 0.06885975474026095, 12345.678, 52428800.0),
                IntColumn.create("repeats", 3, 3, 3, 3));
    }

    @Test
    void floatsShowFourSignificantDigitsInHtmlAndText() throws Exception {
        Table t = timings();
        t.doubleColumn("mean_ms").appendMissing();
        t.stringColumn("label").append("missing");
        t.intColumn("repeats").append(1);
        List<List<String>> rows = rows(Tables.html(t, 10));
        assertEquals(List.of("no lock", "1.343", "3"), rows.get(1));
        assertEquals(List.of("AtomicLong", "0.06886", "3"), rows.get(2));
        assertEquals(List.of("big", "12,346", "3"), rows.get(3));
        assertEquals(List.of("huge", "52,430,000", "3"), rows.get(4));
        assertEquals(List.of("missing", "", "1"), rows.get(5));
        String text = Tables.text(t, 10);
        assertEquals(String.join("\n",
                "lock timings (5 rows × 3 columns)",
                "label      | mean_ms    | repeats",
                "-----------+------------+--------",
                "no lock    |      1.343 |       3",
                "AtomicLong |    0.06886 |       3",
                "big        |     12,346 |       3",
                "huge       | 52,430,000 |       3",
                "missing    |            |       1"), text);
    }

    @Test
    void formatKeepsFourSignificantDigitsAndDropsTrailingZeros() {
        assertEquals("1.343", Tables.format(1.3428616666666668));
        assertEquals("2.5", Tables.format(2.5));
        assertEquals("1", Tables.format(1.0));
        assertEquals("0", Tables.format(0.0));
        assertEquals("-0.001235", Tables.format(-0.0012345));
        assertEquals("123.5", Tables.format(123.45));
        assertEquals("1,000", Tables.format(999.96));    // rounds up into the next range
        assertEquals("1,235", Tables.format(1234.5));
        assertEquals("999,999", Tables.format(999_999.4));
        assertEquals("1,235,000", Tables.format(1_234_567.0));
        assertEquals("", Tables.format(Double.NaN));
        assertEquals("∞", Tables.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void longTablesCutTheTextVersionLikeTheHtml() {
        String text = Tables.text(numbers(100), 4);
        assertEquals(String.join("\n",
                "numbers (100 rows × 2 columns)",
                "i  | s",
                "---+-------",
                " 0 | <r0&>",
                " 1 | <r1&>",
                " …",
                "98 | <r98&>",
                "99 | <r99&>"), text);
    }
}
