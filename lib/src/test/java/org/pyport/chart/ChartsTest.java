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
        String a = Charts.line(t, "x", "y", "a").svg();
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

    // ---- what a reader sees: titles, whole labels, the palette, a log axis, title and desc ----------

    /** Texts inside the groups that mark axis titles. */
    private static List<String> axisTitles(Document d) {
        List<String> out = new ArrayList<>();
        NodeList groups = d.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains("pyport-axis-title")) out.add(g.getTextContent());
        }
        return out;
    }

    /** Every colour a style attribute of the SVG paints with, as 0xRRGGBB. */
    private static java.util.Set<Integer> colours(String svg) {
        java.util.Set<Integer> out = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)").matcher(svg);
        while (m.find()) out.add(Integer.parseInt(m.group(1)) << 16 | Integer.parseInt(m.group(2)) << 8 | Integer.parseInt(m.group(3)));
        return out;
    }

    private static boolean grey(int rgb) {
        return (rgb >> 16 & 0xff) == (rgb >> 8 & 0xff) && (rgb >> 8 & 0xff) == (rgb & 0xff);
    }

    /** Labels as long as the notebooks' (locks in 05, thread pools in 07, queue systems in 08). */
    private static final List<String> LONG_LABELS = List.of("no lock (wrong result)",
            "platform threads (pool of 200)", "CompletableFuture + virtual threads", "Python multiprocessing.managers",
            "pyport QueueManager", "pyport QueueManager (prefetch 1, sync)", "pyport QueueManager (batched)",
            "Hazelcast IQueue", "Hazelcast IQueue (batched)");

    @Test
    void everyCategoryLabelIsDrawnWholeNeverCutWithAnEllipsis() throws Exception {
        Table t = Table.create("systems", StringColumn.create("system", LONG_LABELS),
                DoubleColumn.create("tasks_per_s", LONG_LABELS.stream().mapToDouble(String::length).toArray()));
        for (Chart c : List.of(Charts.bar(t, "system", "tasks_per_s", "speed"), Charts.bar(t.first(3), "system", "tasks_per_s", "speed"),
                Charts.bar(t, "system", "tasks_per_s", "narrow").withSize(360, 300))) {
            List<String> texts = texts(parse(c.svg()));
            for (String s : texts) assertFalse(s.endsWith("...") || s.endsWith("…"), "cut label " + s + " in " + texts);
            // a wrapped label is drawn as consecutive lines: together they give every word, in order
            String all = String.join(" ", texts);
            for (String label : LONG_LABELS.subList(0, 3)) assertTrue(all.contains(label), label + " not whole in " + texts);
        }
        String all = String.join(" ", texts(parse(Charts.bar(t, "system", "tasks_per_s", "speed").svg())));
        for (String label : LONG_LABELS) assertTrue(all.contains(label), label + " not whole in " + all);
    }

    @Test
    void everyTextLiesInsideTheChart() throws Exception {
        // 08's latencies: the largest bar plus the room for its value end the axis on a round tick
        // (223,223 × 1.12 = 250,010), whose label is centred on the axis end
        double[] big = LONG_LABELS.stream().mapToDouble(l -> 5_000.0 * l.length()).toArray();
        big[big.length - 1] = 223_223;
        Table t = Table.create("systems", StringColumn.create("system", LONG_LABELS), DoubleColumn.create("latency_us", big));
        Table cpu = Table.create("cpu", DoubleColumn.create("time_s", 0, 3.5), DoubleColumn.create("cpu_pct", 0, 250_000));
        for (Chart c : List.of(Charts.bar(t, "system", "latency_us", "latency").withAxisLabels(null, "median round trip (µs)"),
                Charts.bar(t.first(4), "system", "latency_us", "latency"), Charts.line(cpu, "time_s", "cpu_pct", "cpu"))) {
            NodeList texts = parse(c.svg()).getElementsByTagNameNS("*", "text");
            java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
            for (int i = 0; i < texts.getLength(); i++) {
                Element e = (Element) texts.item(i);
                if (!e.getAttribute("transform").isEmpty()) continue;   // the rotated y axis title
                String style = e.getAttribute("style");
                java.util.regex.Matcher size = java.util.regex.Pattern.compile("font-size: (\\d+)px").matcher(style);
                assertTrue(size.find(), style);
                java.awt.Font font = new java.awt.Font(Fonts.family(), style.contains("bold") ? java.awt.Font.BOLD : java.awt.Font.PLAIN,
                        Integer.parseInt(size.group(1)));
                double x = Double.parseDouble(e.getAttribute("x"));
                double right = x + font.getStringBounds(e.getTextContent(), frc).getWidth();
                // a few pixels to spare: the browser's font may be a little wider than the one measured here
                assertTrue(x >= 0 && right <= c.width() - 4, e.getTextContent() + " spans " + x + " to " + right + " of " + c.width());
            }
        }
    }

    @Test
    void longLabelsTurnBarsHorizontalShortOnesStayUnderTheBars() {
        assertTrue(Charts.fitUnderBars(List.of("md5", "sha1", "sha256"), Charts.WIDTH, 1));
        assertTrue(Charts.fitUnderBars(List.of("no lock (wrong result)", "ReentrantLock", "synchronized", "AtomicLong"), Charts.WIDTH, 1));
        assertFalse(Charts.fitUnderBars(LONG_LABELS, Charts.WIDTH, 1));
    }

    @Test
    void axisTitlesAreTheOnesGivenInMarkedGroups() throws Exception {
        Table t = Table.create("cpu", DoubleColumn.create("time_s", 0, 0.1, 0.2), DoubleColumn.create("cpu_pct", 0, 99, 101),
                StringColumn.create("process", "Java", "Java", "Java"));
        Chart c = Charts.line(t, "time_s", "cpu_pct", "process", "CPU").withAxisLabels("time (s)", "CPU (% of one core)");
        Document d = parse(c.svg());
        assertEquals(List.of("time (s)", "CPU (% of one core)"), axisTitles(d));
        assertFalse(texts(d).contains("time_s") || texts(d).contains("cpu_pct"), texts(d).toString());
        Table b = Table.create("b", StringColumn.create("label", "a", "b"), DoubleColumn.create("mean_ms", 1, 2));
        Document bars = parse(Charts.bar(b, "label", "mean_ms", "t").withAxisLabels(null, "time per run (ms)").svg());
        assertEquals(List.of("time per run (ms)"), axisTitles(bars), "no title on the category axis when given none");
        assertFalse(texts(bars).contains("label"), texts(bars).toString());
    }

    @Test
    void everySvgHasATitleAndADescWithTheDataFirstInTheRoot() throws Exception {
        Table t = Table.create("t", StringColumn.create("label", "no lock", "AtomicLong"),
                DoubleColumn.create("mean_ms", 1.3428616666666668, 0.06885975474026095));
        Chart c = Charts.bar(t, "label", "mean_ms", "2 threads: time per run").withAxisLabels("lock", "time per run (ms)");
        Element root = parse(c.svg()).getDocumentElement();
        Element title = (Element) root.getElementsByTagNameNS("*", "title").item(0);
        Element desc = (Element) root.getElementsByTagNameNS("*", "desc").item(0);
        assertEquals(root, title.getParentNode());
        assertEquals(root, desc.getParentNode());
        assertEquals("2 threads: time per run", title.getTextContent());
        assertEquals("Bar chart of time per run (ms) by lock. no lock: 1.343; AtomicLong: 0.06886.", desc.getTextContent());
        assertEquals("img", root.getAttribute("role"));
        Chart untitled = Charts.line(Table.create("u", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 3, 4)), "x", "y", "");
        Element r = parse(untitled.svg()).getDocumentElement();
        assertFalse(r.getElementsByTagNameNS("*", "title").item(0).getTextContent().isBlank());
        assertTrue(r.getElementsByTagNameNS("*", "desc").item(0).getTextContent().contains("2 points"));
    }

    @Test
    void theChartPaintsItsOwnOpaqueBackgroundFirst() throws Exception {
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 1, 2));
        Element root = parse(Charts.line(t, "x", "y", "bg").svg()).getDocumentElement();
        Element first = (Element) root.getElementsByTagNameNS("*", "rect").item(0);
        assertEquals(0.0, Double.parseDouble(first.getAttribute("x")));
        assertEquals(0.0, Double.parseDouble(first.getAttribute("y")));
        assertEquals(640.0, Double.parseDouble(first.getAttribute("width")));
        assertEquals(360.0, Double.parseDouble(first.getAttribute("height")));
        assertTrue(first.getAttribute("style").replace(" ", "").contains("fill:rgb(255,255,255)"), first.getAttribute("style"));
        assertFalse(first.getAttribute("style").contains("opacity:0"), first.getAttribute("style"));
    }

    @Test
    void seriesAndBarsAreDrawnInThePalettesColourOfTheSystemTheyName() throws Exception {
        Table cpu = Table.create("cpu", DoubleColumn.create("t", 0, 1, 0, 1), DoubleColumn.create("cpu", 1, 2, 3, 4),
                StringColumn.create("p", "Java, 2 threads", "Java, 2 threads", "CPython, 2 threads", "CPython, 2 threads"));
        java.util.Set<Integer> lines = colours(Charts.line(cpu, "t", "cpu", "p", "cpu").svg());
        assertTrue(lines.contains(Palette.JAVA.getRGB() & 0xffffff) && lines.contains(Palette.CPYTHON.getRGB() & 0xffffff), hex(lines));
        // the same languages in another kind of chart, in the other order, keep their colours
        Table reads = Table.create("r", StringColumn.create("way", "a", "a"), StringColumn.create("language", "Python", "Java"),
                DoubleColumn.create("v", 1, 2));
        String grouped = Charts.groupedBar(reads, "way", "language", "v", "reads").svg();
        assertTrue(grouped.contains("rgb(0,114,178)") && grouped.contains("rgb(213,94,0)"), hex(colours(grouped)));
        Table systems = Table.create("s", StringColumn.create("system", LONG_LABELS), DoubleColumn.create("v",
                LONG_LABELS.stream().mapToDouble(String::length).toArray()));
        java.util.Set<Integer> allowed = new java.util.HashSet<>();
        for (java.awt.Color p : Palette.colours()) allowed.add(p.getRGB() & 0xffffff);
        for (String svg : List.of(Charts.line(cpu, "t", "cpu", "p", "cpu").svg(), grouped,
                Charts.bar(systems, "system", "v", "bars").svg())) {
            for (int rgb : colours(svg)) {
                assertTrue(grey(rgb) || allowed.contains(rgb), String.format("#%06X is not a palette colour", rgb));
            }
        }
        assertEquals(Palette.HAZELCAST, Palette.systemColour("Hazelcast IQueue (batched)").orElseThrow());
        assertEquals(Palette.INDIGO, Palette.systemColour("pyport QueueManager (prefetch 1, sync)").orElseThrow());
        assertEquals(Palette.GREEN, Palette.systemColour("pyport QueueManager (batched)").orElseThrow());
        assertEquals(Palette.JAVA, Palette.systemColour("pyport QueueManager").orElseThrow());
        assertEquals(Palette.CPYTHON, Palette.systemColour("Python multiprocessing.managers").orElseThrow());
        assertEquals(Palette.JAVA, Palette.systemColour("Java vs CPython").orElseThrow());
        assertTrue(Palette.systemColour("dumps").isEmpty());
        // series that name no system never take a language's colour while other colours are free
        assertEquals(List.of(Palette.INDIGO, Palette.GREEN), Palette.forSeries(List.of("dumps", "loads")));
        assertEquals(List.of(Palette.JAVA, Palette.INDIGO, Palette.GREY), Palette.forSeries(List.of("this JVM", "worker 1", "worker 2")));
        // two series of one system: lines keep its colour (and differ by dashes), bars get a free colour
        List<java.awt.Color> twoJava = Palette.forSeries(List.of("Java compute-bound", "Java IO-bound", "CPython IO-bound"));
        assertEquals(List.of(Palette.JAVA, Palette.JAVA, Palette.CPYTHON), twoJava);
        assertEquals(List.of(Palette.JAVA, Palette.INDIGO, Palette.CPYTHON), Palette.distinct(twoJava));
    }

    @Test
    void twoLinesOfOneSystemShareItsColourAndDifferByDashes() throws Exception {
        Table t = Table.create("sweep", IntColumn.create("threads", 1, 2, 1, 2),
                DoubleColumn.create("speedup", 1, 1.9, 1, 2.0), StringColumn.create("kind", "Java compute", "Java compute", "Java IO", "Java IO"));
        Document d = parse(Charts.line(t, "threads", "speedup", "kind", "sweep").svg());
        List<String> dashes = new ArrayList<>();
        NodeList all = d.getElementsByTagNameNS("*", "*");   // JFreeSVG styles a line's group or its path
        for (int i = 0; i < all.getLength(); i++) {
            String style = ((Element) all.item(i)).getAttribute("style");
            if (style.contains("stroke:rgb(213,94,0)") && style.contains("stroke-width:2")) {
                dashes.add(style.contains("stroke-dasharray") ? "dashed" : "solid");
            }
        }
        assertTrue(dashes.contains("solid") && dashes.contains("dashed"), dashes.toString());
    }

    private static String hex(java.util.Set<Integer> colours) {
        return colours.stream().map(c -> String.format("#%06X", c)).toList().toString();
    }

    @Test
    void paletteColoursStayApartForColourBlindReadersAndStandOutOnWhite() {
        List<java.awt.Color> p = Palette.colours();
        for (java.awt.Color c : p) {
            assertTrue(Colours.contrast(c, Palette.BACKGROUND) >= 3.0,
                    String.format("#%06X has contrast %.2f on the background", c.getRGB() & 0xffffff, Colours.contrast(c, Palette.BACKGROUND)));
        }
        for (int i = 0; i < p.size(); i++) {
            for (int j = i + 1; j < p.size(); j++) {
                for (Colours.Vision v : Colours.Vision.values()) {
                    double d = Colours.distance(v.simulate(p.get(i)), v.simulate(p.get(j)));
                    assertTrue(d >= 15, String.format("#%06X and #%06X: ΔE %.1f for %s vision",
                            p.get(i).getRGB() & 0xffffff, p.get(j).getRGB() & 0xffffff, d, v));
                }
            }
        }
        // the checks can fail: a usual red and green are one colour to a green-blind reader, and
        // JFreeChart's old yellow and green series all but vanish on white
        assertTrue(Colours.distance(Colours.Vision.DEUTERANOPIA.simulate(new java.awt.Color(0xD62728)),
                Colours.Vision.DEUTERANOPIA.simulate(new java.awt.Color(0x2CA02C))) < 15);
        assertTrue(Colours.contrast(new java.awt.Color(0xFFFF55), Palette.BACKGROUND) < 3.0, "yellow on white");
        assertTrue(Colours.contrast(new java.awt.Color(0x55FF55), Palette.BACKGROUND) < 3.0, "light green on white");
    }

    @Test
    void aLogAxisIsLabelledWithTheValuesThemselves() throws Exception {
        Table t = Table.create("sweep", IntColumn.create("threads", 1, 2, 4, 16, 128, 1000),
                DoubleColumn.create("units_per_s", 5, 9, 9.5, 9.4, 9.3, 9.6));
        Chart c = Charts.line(t, "threads", "units_per_s", "sweep").withLogX().withAxisLabels("threads (log scale)", "work per second");
        List<String> texts = texts(parse(c.svg()));
        assertTrue(texts.containsAll(List.of("1", "10", "100", "1,000")), texts.toString());
        assertFalse(texts.stream().anyMatch(s -> s.contains("^") || s.contains("log10")), texts.toString());
        assertEquals("Line chart of work per second against threads (log scale). 6 points, x from 1 to 1,000, y from 5 to 9.6.",
                c.description());
        assertTrue(c.withAxisLabels("threads", "work").description().startsWith("Line chart of work against threads (log scale)."));
        Table bars = Table.create("b", StringColumn.create("k", "a"), DoubleColumn.create("v", 1));
        assertThrows(IllegalStateException.class, () -> Charts.bar(bars, "k", "v", "").withLogX());
    }
}
