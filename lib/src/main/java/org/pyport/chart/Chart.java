package org.pyport.chart;

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
import org.jfree.svg.ViewBox;
import org.pyport.display.DisplaySink;
import org.pyport.display.DisplaySinks;
import org.pyport.display.Displayable;
import org.pyport.display.Mime;
import org.pyport.display.Show;

/**
 * A chart ready to render as static SVG (no scripts, no remote references) or PNG, on a white
 * background of its own so it reads the same on a light or a dark page. Immutable: {@code with...}
 * methods return a new chart.
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
    private final Function<Chart, String> description;
    private final boolean logX;

    Chart(String title, String xLabel, String yLabel, int width, int height, Function<Chart, JFreeChart> factory,
            String summary, Function<Chart, String> description) {
        this(title, xLabel, yLabel, width, height, factory, summary, description, false);
    }

    private Chart(String title, String xLabel, String yLabel, int width, int height, Function<Chart, JFreeChart> factory,
            String summary, Function<Chart, String> description, boolean logX) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("chart size must be positive: " + width + "×" + height);
        this.width = width;
        this.height = height;
        this.factory = factory;
        this.summary = summary;
        this.description = description;
        this.logX = logX;
    }

    /**
     * The same chart with other axis titles: words with units, such as {@code "time per run (ms)"}
     * (the default is the column's name). A null or empty title leaves that axis without one.
     */
    public Chart withAxisLabels(String x, String y) {
        return new Chart(title, x, y, width, height, factory, summary, description, logX);
    }

    /** The same chart with another size in pixels. */
    public Chart withSize(int w, int h) {
        return new Chart(title, xLabel, yLabel, w, h, factory, summary, description, logX);
    }

    /**
     * The same line chart with a logarithmic x axis (base 10), its ticks labelled with the values
     * themselves: 1, 10, 100, 1,000.
     *
     * @throws IllegalStateException for bar charts, whose x axis holds categories
     */
    public Chart withLogX() {
        if (!summary.startsWith("line")) throw new IllegalStateException("only a line chart has a numeric x axis to draw on a log scale");
        return new Chart(title, xLabel, yLabel, width, height, factory, summary, description, true);
    }

    /** Whether the x axis is logarithmic. */
    public boolean logX() { return logX; }

    /**
     * What the chart shows, in words, for readers who cannot see it: the SVG's {@code <desc>}.
     * Names the axes and lists the data (bars) or each line's extent.
     */
    public String description() { return description.apply(this); }

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
        // the family measured here first, then what a browser without it has
        g2.setFontFunction(family -> Fonts.cssFamilies(family));
        jfreeChart().draw(g2, new Rectangle(0, 0, width, height));
        // the bare <svg> element: getSVGDocument() adds a DOCTYPE pointing to a remote DTD. A viewBox
        // lets a narrow page scale the chart down instead of cutting it
        String svg = g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
        return accessible(svg);
    }

    /**
     * The SVG with role="img", a {@code <title>} (the chart's title) and a {@code <desc>} (its
     * {@link #description()}) as the root's first children, where screen readers and search look.
     */
    private String accessible(String svg) {
        int rootEnd = svg.indexOf('>') + 1; // JFreeSVG's root start tag has only namespaces and sizes
        String name = title == null || title.isEmpty() ? summary : title;
        return svg.substring(0, 4) + " role='img'" + svg.substring(4, rootEnd)
                + "<title>" + escapeXml(name) + "</title><desc>" + escapeXml(description()) + "</desc>"
                + svg.substring(rootEnd);
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
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
}
