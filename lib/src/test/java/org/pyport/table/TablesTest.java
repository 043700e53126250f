package org.pyport.table;

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
}
