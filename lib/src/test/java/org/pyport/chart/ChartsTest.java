package org.pyport.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.pyport.check.Sandbox;
import org.pyport.display.DisplaySinks;
import org.pyport.display.Mime;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // no network: a DOCTYPE or external entity would be a remote reference
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    private static void assertStatic(String svg) {
        assertFalse(svg.contains("<script"), "no scripts");
        assertFalse(svg.matches("(?s).*(href|src)=\"https?:.*"), "no remote references");
    }

    @Test
    void lineChartSvgHasTitleAxisLabelsSeriesAndOnePointPerRow() throws Exception {
        Table t = Table.create("timings",
                IntColumn.create("workers", 1, 2, 4, 1, 2, 4),
                DoubleColumn.create("seconds", 4.0, 2.1, 1.2, 4.0, 4.1, 4.3),
                StringColumn.create("kind", "processes", "processes", "processes", "threads", "threads", "threads"));
        Chart c = Charts.line(t, "workers", "seconds", "kind", "进程 vs 线程 (processes vs threads)")
                .withAxisLabels("工作者 workers", "seconds");
        String svg = c.svg();
        assertStatic(svg);
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(640.0, Double.parseDouble(root.getAttribute("width").replace("px", "")));
        List<String> texts = texts(d);
        assertTrue(texts.contains("进程 vs 线程 (processes vs threads)"), texts.toString());
        assertTrue(texts.contains("工作者 workers"), texts.toString());
        assertTrue(texts.contains("seconds"), texts.toString());
        assertTrue(texts.contains("processes") && texts.contains("threads"), "legend: " + texts);
        // tick labels cover the plotted range
        assertTrue(texts.stream().anyMatch(s -> s.equals("4.0") || s.equals("4")), texts.toString());
        assertTrue(c.toString().contains("2 series"), c.toString());
    }

    @Test
    void barChartsHaveOneBarPerValueWithCategoryLabels() throws Exception {
        Table t = Table.create("t", StringColumn.create("module", "md5", "sha1", "sha256"),
                DoubleColumn.create("MB_per_s", 600, 500, 250));
        String svg = Charts.bar(t, "module", "MB_per_s", "hash speed").svg();
        assertStatic(svg);
        Document d = parse(svg);
        List<String> texts = texts(d);
        assertTrue(texts.containsAll(List.of("md5", "sha1", "sha256", "hash speed", "MB_per_s", "module")), texts.toString());

        Table g = Table.create("g", StringColumn.create("n", "1", "1", "2", "2"),
                StringColumn.create("how", "a", "b", "a", "b"), DoubleColumn.create("v", 1, 2, 3, 4));
        Chart grouped = Charts.groupedBar(g, "n", "how", "v", "grouped");
        texts = texts(parse(grouped.svg()));
        assertTrue(texts.containsAll(List.of("1", "2", "a", "b", "grouped")), texts.toString());
        assertTrue(grouped.toString().contains("2 groups × 2 series"), grouped.toString());
    }

    @Test
    void twoChartsDoNotShareDefinitionIds() throws Exception {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 1, 2));
        String a = Charts.line(t, "x", "y", null, "a").svg();
        String b = Charts.line(t, "x", "y", null, "b").svg();
        List<String> idsA = ids(parse(a));
        List<String> idsB = ids(parse(b));
        assertFalse(idsA.isEmpty());
        idsA.retainAll(idsB);
        assertTrue(idsA.isEmpty(), "shared ids would clash when both are inlined in one HTML page: " + idsA);
    }

    private static List<String> ids(Document d) {
        List<String> ids = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) ids.add(id);
        }
        return ids;
    }

    @Test
    void pngSizeSaveAndBundle() throws Exception {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2, 3), DoubleColumn.create("y", 3, 1, 2));
        Chart c = Charts.line(t, "x", "y", null, "small").withSize(300, 200);
        var img = ImageIO.read(new ByteArrayInputStream(c.png()));
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
        try (Sandbox sb = Sandbox.create("chart")) {
            c.save(sb.resolve("c.svg"));
            c.save(sb.resolve("c.png"));
            assertTrue(Files.readString(sb.resolve("c.svg")).contains("<svg"));
            assertEquals(0x89, Files.readAllBytes(sb.resolve("c.png"))[0] & 0xff);
            assertThrows(IllegalArgumentException.class, () -> c.save(sb.resolve("c.gif")));
        }
        Map<String, Object> b = c.mimeBundle(DisplaySinks.text());
        assertTrue(((String) b.get(Mime.SVG)).contains("<svg"));
        assertTrue(((String) b.get(Mime.TEXT)).contains("small"));
    }

    @Test
    void badColumnsAreReported() {
        Table t = Table.create("t", StringColumn.create("s", "a"), DoubleColumn.create("y", 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Charts.line(t, "nope", "y", null, ""));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("[s, y]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Charts.line(t, "s", "y", null, ""));
        assertTrue(e.getMessage().contains("numeric"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Charts.bar(t, "s", "y", "").withSize(0, 10));
    }
}
