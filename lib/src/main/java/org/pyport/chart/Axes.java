package org.pyport.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * The axes every chart draws with: their titles go into an SVG group of class
 * {@value #TITLE_CLASS} (so a reader of the SVG, a test or the notebook lint, can tell an axis title
 * from a tick label), and category labels wrap at word boundaries onto as many lines as they need
 * instead of being cut short with "...".
 */
final class Axes {
    /** The class of the SVG group holding an axis title. */
    static final String TITLE_CLASS = "pyport-axis-title";

    private Axes() {}

    /** Draws an axis title inside a marked group when drawing SVG. */
    private static AxisState marked(Graphics2D g2, String label, Supplier<AxisState> draw) {
        if (label == null || label.isEmpty() || !(g2 instanceof SVGGraphics2D)) return draw.get();
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, Map.of("class", TITLE_CLASS));
        try {
            return draw.get();
        } finally {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
        }
    }

    /** A numeric axis with a marked title. */
    static final class Numbers extends NumberAxis {
        private static final long serialVersionUID = 1L;

        Numbers(String label) {
            super(label);
        }

        @Override
        protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea,
                RectangleEdge edge, AxisState state) {
            return marked(g2, label, () -> super.drawLabel(label, g2, plotArea, dataArea, edge, state));
        }
    }

    /**
     * A base-10 logarithmic axis with a marked title whose ticks are labelled with the values
     * themselves (1, 10, 100, 1,000), not exponents.
     */
    static final class Log extends LogAxis {
        private static final long serialVersionUID = 1L;

        private final DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));

        Log(String label) {
            super(label);
            setBase(10);
            // one labelled tick per power of ten, unlabelled marks at 2, 3, ... 9 times it
            setTickUnit(new NumberTickUnit(1), false, false);
            setAutoTickUnitSelection(false);
            setMinorTickCount(10);
            setMinorTickMarksVisible(true);
        }

        @Override
        protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea,
                RectangleEdge edge, AxisState state) {
            return marked(g2, label, () -> super.drawLabel(label, g2, plotArea, dataArea, edge, state));
        }

        /**
         * LogAxis's ticks carry attributed labels (for exponents), which are drawn as glyph outlines;
         * plain-text ticks become SVG {@code <text>}, searchable and drawn in the reader's font.
         */
        @Override
        @SuppressWarnings("rawtypes")
        public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<Tick> out = new ArrayList<>();
            for (Object o : super.refreshTicks(g2, state, dataArea, edge)) {
                ValueTick t = (ValueTick) o;
                String text = t.getTickType() == TickType.MAJOR ? format.format(t.getValue()) : "";
                out.add(new NumberTick(t.getTickType(), t.getValue(), text, t.getTextAnchor(), t.getRotationAnchor(),
                        t.getAngle()));
            }
            return out;
        }
    }

    /** A category axis with a marked title and whole labels, wrapped at word boundaries. */
    static final class Categories extends CategoryAxis {
        private static final long serialVersionUID = 1L;

        Categories(String label) {
            super(label);
        }

        @Override
        protected AxisState drawLabel(String label, Graphics2D g2, Rectangle2D plotArea, Rectangle2D dataArea,
                RectangleEdge edge, AxisState state) {
            return marked(g2, label, () -> super.drawLabel(label, g2, plotArea, dataArea, edge, state));
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            Font font = getTickLabelFont(category);
            Paint paint = getTickLabelPaint(category);
            TextBlock block = new TextBlock();
            FontRenderContext frc = g2.getFontRenderContext();
            for (String line : wrap(category.toString(), width, font, frc)) block.addLine(line, font, paint);
            return block;
        }
    }

    /**
     * {@code text} broken at spaces into lines no wider than {@code width} where the words allow: a
     * word wider than the width gets a line of its own, whole. Nothing is dropped.
     */
    static List<String> wrap(String text, double width, Font font, FontRenderContext frc) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringBounds(candidate, frc).getWidth() > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
