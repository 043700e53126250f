package org.pyport.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pyport.chart.Charts;
import org.pyport.check.Capture;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.RapaioKernel;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The display bridge against stand-ins shaped like the JJava and rapaio kernels (see test sources). */
class ShowTest {
    @AfterEach
    void detach() {
        BaseKernel.notebookKernel = null;
        MainApp.kernel = null;
        io.github.spencerpark.ijava.IJava.kernel = null;
        DisplaySinks.reset();
    }

    private static DisplayStream jjava() {
        BaseKernel k = new BaseKernel();
        BaseKernel.notebookKernel = k;
        DisplaySinks.reset();
        assertEquals("jjava", DisplaySinks.current().name());
        return k.getIO().display;
    }

    @Test
    void outsideAKernelPrintsText() {
        DisplaySinks.reset();
        assertEquals("text", DisplaySinks.current().name());
        String out = Capture.stdout(() -> {
            Show.html("<p>Hello &amp; <b>world</b></p>");
            Show.svg("<svg xmlns='http://www.w3.org/2000/svg'/>");
            Show.text("plain");
            Show.markdown("# Title");
            Show.png(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        });
        List<String> lines = List.of(out.split("\\R"));
        assertEquals(List.of("Hello & world", "[SVG image, 41 chars]", "plain", "# Title", "[PNG image, 8 bytes]"), lines);
    }

    @Test
    void jjavaGetsBundlesWithTextAndDisplayIdsAndUpdates() {
        DisplayStream s = jjava();
        String id = Show.html("<b>x</b>");
        assertEquals(1, s.shown.size());
        DisplayData d = s.shown.get(0);
        assertEquals(id, d.displayId);
        assertEquals("<b>x</b>", d.data.get("text/html"));
        assertEquals("x", d.data.get("text/plain"));

        Show.updateText(id, "y");
        assertEquals(1, s.updated.size());
        assertEquals(id, s.updated.get(0).displayId);
        assertEquals("y", s.updated.get(0).data.get("text/plain"));

        Show.svg("<svg/>");
        assertEquals("<svg/>", s.shown.get(1).data.get("image/svg+xml"));
        assertNotNull(s.shown.get(1).data.get("text/plain"));

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};
        Show.show(png);
        assertEquals(Base64.getEncoder().encodeToString(png), s.shown.get(2).data.get("image/png"));
        Show.show(42);
        assertEquals("42", s.shown.get(3).data.get("text/plain"));
    }

    @Test
    void tablesAndChartsGoThroughShow() {
        DisplayStream s = jjava();
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 3, 4));
        Show.show(t);
        assertTrue(((String) s.shown.get(0).data.get("text/html")).contains("<table"));
        Charts.line(t, "x", "y", null, "c").show();
        Map<String, Object> chart = s.shown.get(1).data;
        assertTrue(((String) chart.get("image/svg+xml")).startsWith("<svg"));
        assertTrue(((String) chart.get("text/plain")).contains("chart"));
    }

    @Test
    void ijavaGetsTheSameBundles() {
        io.github.spencerpark.ijava.JavaKernel k = new io.github.spencerpark.ijava.JavaKernel();
        io.github.spencerpark.ijava.IJava.kernel = k;
        DisplaySinks.reset();
        assertEquals("ijava", DisplaySinks.current().name());
        String id = Show.svg("<svg/>");
        assertEquals("<svg/>", k.getIO().display.shown.get(0).data.get("image/svg+xml"));
        assertEquals(id, k.getIO().display.shown.get(0).displayId);
        Show.updateHtml(id, "<i>new</i>");
        assertEquals("<i>new</i>", k.getIO().display.updated.get(0).data.get("text/html"));
        assertEquals("new", k.getIO().display.updated.get(0).data.get("text/plain"));
    }

    @Test
    void rapaioHasNoSvgTypeSoChartsArePngAndSvgIsHtmlWrapped() {
        RapaioKernel k = new RapaioKernel();
        MainApp.kernel = k;
        DisplaySinks.reset();
        assertEquals("rapaio", DisplaySinks.current().name());
        Show.svg("<?xml version=\"1.0\"?><svg/>");
        assertEquals("<div><svg/></div>", k.shown.get(0).data.get("text/html"));
        assertFalse(k.shown.get(0).data.containsKey("image/svg+xml"));
        Table t = Table.create("t", DoubleColumn.create("x", 1, 2), DoubleColumn.create("y", 3, 4));
        String id = Charts.line(t, "x", "y", null, "c").show();
        assertTrue(k.shown.get(1).data.containsKey("image/png"));
        Show.updateMarkdown(id, "*done*");
        assertEquals("*done*", k.updated.get(0).data.get("text/markdown"));
        assertEquals(id, k.updated.get(0).displayId);
    }

    @Test
    void progressUpdatesInPlaceAtMostTenTimesASecond() {
        DisplayStream s = jjava();
        long t0 = System.nanoTime();
        try (Progress p = Progress.bar("work", 100_000)) {
            for (int i = 0; i < 100_000; i++) p.step();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        assertEquals(1, s.shown.size());
        String id = s.shown.get(0).displayId;
        assertTrue(s.updated.stream().allMatch(u -> u.displayId.equals(id)));
        assertTrue(s.updated.size() <= 10 * secs + 2, s.updated.size() + " updates in " + secs + " s");
        DisplayData last = s.updated.get(s.updated.size() - 1);
        assertTrue(((String) last.data.get("text/plain")).contains("100000/100000"), last.data.toString());
        assertTrue(((String) last.data.get("text/html")).contains("<progress"));
    }

    @Test
    void progressOutsideAKernelPrintsPlainLines() {
        DisplaySinks.reset();
        String out = Capture.stdout(() -> {
            try (Progress p = Progress.bar("copy", 3)) {
                p.step();
                p.step(2);
            }
        });
        assertTrue(out.contains("3/3 (100%)"), out);
        assertTrue(out.contains("copy ["), out);
    }
}
