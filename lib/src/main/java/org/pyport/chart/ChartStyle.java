package org.pyport.chart;

import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Fonts and colours shared by all charts: dark text on the palette's white background (drawn by
 * the chart itself, so a dark notebook theme does not show through), light grid lines.
 */
final class ChartStyle {
    /** Tick labels, category labels and values at bars' ends, in px. */
    static final int TICK_SIZE = 12;
    static final Color TEXT = new Color(0x222222);
    private static final Color TICKS = new Color(0x333333);
    private static final Color GRID = new Color(0xDDDDDD);

    private ChartStyle() {}

    static void apply(JFreeChart c) {
        String family = Fonts.family();
        c.setBackgroundPaint(Palette.BACKGROUND);
        // the right margin holds half of the last tick label, centred on the end of a horizontal axis
        c.setPadding(new RectangleInsets(8, 8, 8, 28));
        if (c.getTitle() != null) {
            c.getTitle().setFont(new Font(family, Font.BOLD, 16));
            c.getTitle().setPaint(TEXT);
        }
        if (c.getLegend() != null) {
            c.getLegend().setItemFont(new Font(family, Font.PLAIN, 13));
            c.getLegend().setItemPaint(TEXT);
            c.getLegend().setBackgroundPaint(Palette.BACKGROUND);
            c.getLegend().setFrame(BlockBorder.NONE);
        }
        Plot plot = c.getPlot();
        plot.setBackgroundPaint(Palette.BACKGROUND);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot p) {
            style(p.getDomainAxis(), family);
            style(p.getRangeAxis(), family);
            p.setDomainGridlinePaint(GRID);
            p.setRangeGridlinePaint(GRID);
        } else if (plot instanceof CategoryPlot p) {
            style(p.getDomainAxis(), family);
            style(p.getRangeAxis(), family);
            p.setRangeGridlinePaint(GRID);
        }
    }

    private static void style(Axis a, String family) {
        if (a == null) return;
        a.setLabelFont(new Font(family, Font.PLAIN, 14));
        a.setLabelPaint(TEXT);
        a.setTickLabelFont(new Font(family, Font.PLAIN, TICK_SIZE));
        a.setTickLabelPaint(TICKS);
        a.setAxisLinePaint(TICKS);
        a.setTickMarkPaint(TICKS);
    }
}
