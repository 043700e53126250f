package org.pyport.chart;

import java.util.Objects;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Static charts from Tablesaw tables. The data is copied when the chart is made, so later changes to
 * the table do not alter it.
 */
public final class Charts {
    /** Default size in pixels. */
    public static final int WIDTH = 640, HEIGHT = 360;

    private Charts() {}

    /**
     * A line chart of numeric {@code yCol} over numeric {@code xCol}, one line per value of
     * {@code groupCol} (or a single line when it is null), points marked.
     */
    public static Chart line(Table t, String xCol, String yCol, String groupCol, String title) {
        NumericColumn<?> x = numeric(t, xCol);
        NumericColumn<?> y = numeric(t, yCol);
        Column<?> g = groupCol == null ? null : column(t, groupCol);
        XYSeriesCollection data = new XYSeriesCollection();
        java.util.Map<String, XYSeries> series = new java.util.LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (x.isMissing(r) || y.isMissing(r)) continue;
            String key = g == null ? yCol : g.getString(r);
            series.computeIfAbsent(key, k -> new XYSeries(k, false, true))
                    .add(x.getDouble(r), y.getDouble(r));
        }
        series.values().forEach(data::addSeries);
        boolean legend = g != null;
        return new Chart(title, xCol, yCol, WIDTH, HEIGHT, c -> {
            JFreeChart jc = ChartFactory.createXYLineChart(c.title(), c.xLabel(), c.yLabel(), data,
                    PlotOrientation.VERTICAL, legend, false, false);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            jc.getXYPlot().setRenderer(r);
            // whole-number columns (workers, sizes) get whole-number ticks, not 1.2, 1.4, ...
            if (integral(x)) ((NumberAxis) jc.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            if (integral(y)) ((NumberAxis) jc.getXYPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            return jc;
        }, "line, " + series.size() + " series, " + t.rowCount() + " points");
    }

    /** A bar chart: one bar per row, labelled by {@code categoryCol}, height from numeric {@code valueCol}. */
    public static Chart bar(Table t, String categoryCol, String valueCol, String title) {
        Column<?> cat = column(t, categoryCol);
        NumericColumn<?> v = numeric(t, valueCol);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < t.rowCount(); r++) {
            if (v.isMissing(r)) continue;
            data.addValue(v.getDouble(r), valueCol, cat.getString(r));
        }
        return new Chart(title, categoryCol, valueCol, WIDTH, HEIGHT,
                c -> ChartFactory.createBarChart(c.title(), c.xLabel(), c.yLabel(), data, PlotOrientation.VERTICAL,
                        false, false, false),
                "bar, " + data.getColumnCount() + " bars");
    }

    /**
     * Grouped bars: categories along the x axis, one coloured bar per value of {@code seriesCol} in each,
     * with a legend.
     */
    public static Chart groupedBar(Table t, String categoryCol, String seriesCol, String valueCol, String title) {
        Column<?> cat = column(t, categoryCol);
        Column<?> ser = column(t, seriesCol);
        NumericColumn<?> v = numeric(t, valueCol);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < t.rowCount(); r++) {
            if (v.isMissing(r)) continue;
            data.addValue(v.getDouble(r), ser.getString(r), cat.getString(r));
        }
        return new Chart(title, categoryCol, valueCol, WIDTH, HEIGHT,
                c -> ChartFactory.createBarChart(c.title(), c.xLabel(), c.yLabel(), data, PlotOrientation.VERTICAL,
                        true, false, false),
                "grouped bar, " + data.getColumnCount() + " groups × " + data.getRowCount() + " series");
    }

    private static boolean integral(NumericColumn<?> c) {
        return c instanceof tech.tablesaw.api.IntColumn || c instanceof tech.tablesaw.api.LongColumn
                || c instanceof tech.tablesaw.api.ShortColumn;
    }

    private static Column<?> column(Table t, String name) {
        Objects.requireNonNull(t, "table");
        Objects.requireNonNull(name, "column name");
        if (!t.columnNames().contains(name)) {
            throw new IllegalArgumentException("table '" + t.name() + "' has no column '" + name + "'; columns: " + t.columnNames());
        }
        return t.column(name);
    }

    private static NumericColumn<?> numeric(Table t, String name) {
        Column<?> c = column(t, name);
        if (!(c instanceof NumericColumn)) {
            throw new IllegalArgumentException("column '" + name + "' must be numeric but is " + c.type());
        }
        return (NumericColumn<?>) c;
    }
}
