package org.pyport.chart;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.pyport.display.DisplaySink;
import org.pyport.display.DisplaySinks;
import org.pyport.display.Displayable;
import org.pyport.display.Mime;
import org.pyport.display.Show;

/**
 * A chart ready to render as static SVG (no scripts, no remote references) or PNG. Immutable:
 * {@code with...} methods return a new chart.
 */
public final class Chart implements Displayable {
    private static final AtomicLong IDS = new AtomicLong();

    static {
        // charts are drawn off-screen; never try to open a display
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        // rotated labels (the y axis) as <text> with a transform, not glyph outlines: the browser then
        // draws them with its own fonts (CJK included), and they stay searchable and small
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final Function<Chart, JFreeChart> factory;
    private final String summary;

    Chart(String title, String xLabel, String yLabel, int width, int height, Function<Chart, JFreeChart> factory,
            String summary) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("chart size must be positive: " + width + "×" + height);
        this.width = width;
        this.height = height;
        this.factory = factory;
        this.summary = summary;
    }

    /** The same chart with other axis labels. */
    public Chart withAxisLabels(String x, String y) {
        return new Chart(title, x, y, width, height, factory, summary);
    }

    /** The same chart with another size in pixels. */
    public Chart withSize(int w, int h) {
        return new Chart(title, xLabel, yLabel, w, h, factory, summary);
    }

    /** The title. */
    public String title() { return title; }

    /** The x axis label. */
    public String xLabel() { return xLabel; }

    /** The y axis label. */
    public String yLabel() { return yLabel; }

    /** Width in pixels. */
    public int width() { return width; }

    /** Height in pixels. */
    public int height() { return height; }

    /** The JFreeChart behind this chart, freshly built (for custom tweaks before drawing). */
    public JFreeChart jfreeChart() {
        JFreeChart c = factory.apply(this);
        ChartStyle.apply(c);
        return c;
    }

    /**
     * The chart as an SVG element (valid standalone, no DOCTYPE, scripts or remote references). Definition ids get a unique prefix, so several charts inlined in one
     * HTML page (nbconvert) do not share clip paths.
     */
    public String svg() {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("pyport" + IDS.incrementAndGet() + "_");
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        jfreeChart().draw(g2, new Rectangle(0, 0, width, height));
        // the bare <svg> element: getSVGDocument() adds a DOCTYPE pointing to a remote DTD
        return g2.getSVGElement();
    }

    /** A PNG rendering (for kernels or viewers without SVG). */
    public byte[] png() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            jfreeChart().draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    /** Shows the chart in the cell (image/svg+xml + a text summary) and returns the display id. */
    public String show() {
        return Show.bundle(mimeBundle(DisplaySinks.current()));
    }

    /** Writes SVG (for {@code .svg}) or PNG (for {@code .png}) to {@code path}. */
    public void save(Path path) {
        Objects.requireNonNull(path, "path");
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".png")) Files.write(path, png());
            else if (name.endsWith(".svg")) Files.writeString(path, svg(), StandardCharsets.UTF_8);
            else throw new IllegalArgumentException("cannot tell the image format of " + path + ": use a .svg or .png name");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart to " + path, e);
        }
    }

    @Override
    public Map<String, Object> mimeBundle(DisplaySink sink) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (sink.supports(Mime.SVG)) {
            b.put(Mime.SVG, svg());
        } else {
            b.putAll(Show.pngBundle(png()));
        }
        b.put(Mime.TEXT, toString());
        return b;
    }

    /** A one-line summary: kind, title, size. */
    @Override
    public String toString() {
        return "[chart: " + summary + (title == null || title.isEmpty() ? "" : " \"" + title + "\"") + ", " + width + "×" + height + "]";
    }

    /** Fonts and colours shared by all charts. */
    static final class ChartStyle {
        private ChartStyle() {}

        static void apply(JFreeChart c) {
            String family = Fonts.family();
            if (c.getTitle() != null) c.getTitle().setFont(new Font(family, Font.BOLD, 16));
            if (c.getLegend() != null) c.getLegend().setItemFont(new Font(family, Font.PLAIN, 12));
            c.setBackgroundPaint(java.awt.Color.WHITE);
            c.getPlot().setBackgroundPaint(java.awt.Color.WHITE);
            if (c.getPlot() instanceof org.jfree.chart.plot.XYPlot) {
                org.jfree.chart.plot.XYPlot p = c.getXYPlot();
                style(p.getDomainAxis(), family);
                style(p.getRangeAxis(), family);
                p.setDomainGridlinePaint(java.awt.Color.LIGHT_GRAY);
                p.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
            } else if (c.getPlot() instanceof org.jfree.chart.plot.CategoryPlot) {
                org.jfree.chart.plot.CategoryPlot p = c.getCategoryPlot();
                style(p.getDomainAxis(), family);
                style(p.getRangeAxis(), family);
                p.setRangeGridlinePaint(java.awt.Color.LIGHT_GRAY);
            }
        }

        private static void style(org.jfree.chart.axis.Axis a, String family) {
            if (a == null) return;
            a.setLabelFont(new Font(family, Font.PLAIN, 13));
            a.setTickLabelFont(new Font(family, Font.PLAIN, 11));
        }
    }
}
