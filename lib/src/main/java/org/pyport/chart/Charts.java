package org.pyport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pyport.display.Tables;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Static charts from Tablesaw tables. The data is copied when the chart is made, so later changes to
 * the table do not alter it.
 *
 * <p>Every chart is drawn the same way: series and bars in the {@link Palette}'s colour of the
 * system they name, on a white background of its own; category labels whole, wrapped onto several
 * lines, and bar charts turned horizontal when the labels would not fit under the bars; an SVG
 * {@code <title>} and a {@code <desc>} that lists the data. The axis titles default to the column
 * names: give readers words with units with {@link Chart#withAxisLabels(String, String)}.
 */
public final class Charts {
    /** Default size in pixels. */
    public static final int WIDTH = 640, HEIGHT = 360;
    /** A vertical bar chart's labels may take this many lines under each bar before it turns horizontal. */
    private static final int MAX_LABEL_LINES = 3;
    /** Line patterns for the first, second... series of one colour: solid, dashed, dotted, dash-dot. */
    private static final float[][] DASHES = {null, {7f, 4f}, {2f, 3f}, {8f, 3f, 2f, 3f}};

    private Charts() {}

    /**
     * A line chart of numeric {@code yCol} over numeric {@code xCol}, one line per value of
     * {@code groupCol} (or a single line when it is null), points marked.
     */
    public static Chart line(Table t, String xCol, String yCol, String groupCol, String title) {
        NumericColumn<?> x = numeric(t, xCol);
        NumericColumn<?> y = numeric(t, yCol);
        Column<?> g = groupCol == null ? null : column(t, groupCol);
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            if (x.isMissing(r) || y.isMissing(r)) continue;
            String key = g == null ? yCol : g.getString(r);
            series.computeIfAbsent(key, k -> new XYSeries(k, false, true)).add(x.getDouble(r), y.getDouble(r));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        List<Color> colours = Palette.forSeries(new ArrayList<>(series.keySet()));
        boolean legend = g != null;
        boolean integralX = integral(x), integralY = integral(y);
        return new Chart(title, xCol, yCol, WIDTH, HEIGHT, c -> {
            ValueAxis xAxis;
            if (c.logX()) {
                xAxis = new Axes.Log(c.xLabel());
            } else {
                NumberAxis n = new Axes.Numbers(c.xLabel());
                n.setAutoRangeIncludesZero(false);
                // whole-number columns (workers, sizes) get whole-number ticks, not 1.2, 1.4, ...
                if (integralX) n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
                xAxis = n;
            }
            NumberAxis yAxis = new Axes.Numbers(c.yLabel());
            if (integralY) yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
            // one colour per system: two series of one system (Java compute-bound, Java IO-bound)
            // differ by their line's dashes and their points' shapes
            Map<Color, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < colours.size(); i++) {
                int nth = seen.merge(colours.get(i), 1, Integer::sum) - 1;
                renderer.setSeriesPaint(i, colours.get(i));
                renderer.setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        DASHES[nth % DASHES.length], 0f));
            }
            XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
            return new JFreeChart(c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        }, "line, " + series.size() + " series, " + t.rowCount() + " points",
                c -> describeLines(c, series, legend));
    }

    /** A single-line chart of numeric {@code yCol} over numeric {@code xCol}. */
    public static Chart line(Table t, String xCol, String yCol, String title) {
        return line(t, xCol, yCol, null, title);
    }

    /**
     * A bar chart: one bar per row, labelled by {@code categoryCol}, length from numeric
     * {@code valueCol}, its value written at its end. Bars that name a system take its colour.
     */
    public static Chart bar(Table t, String categoryCol, String valueCol, String title) {
        Column<?> cat = column(t, categoryCol);
        NumericColumn<?> v = numeric(t, valueCol);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int r = 0; r < t.rowCount(); r++) {
            if (v.isMissing(r)) continue;
            data.addValue(v.getDouble(r), valueCol, cat.getString(r));
        }
        List<String> categories = keys(data.getColumnKeys());
        List<Color> colours = Palette.forBars(categories);
        boolean integralValues = integral(v);
        return new Chart(title, categoryCol, valueCol, WIDTH, HEIGHT, c -> {
            BarRenderer renderer = new BarRenderer() {
                private static final long serialVersionUID = 1L;

                @Override
                public java.awt.Paint getItemPaint(int row, int column) {
                    return colours.get(column);
                }
            };
            renderer.setDefaultItemLabelGenerator(new ValueLabels());
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultItemLabelFont(new Font(Fonts.family(), Font.PLAIN, ChartStyle.TICK_SIZE));
            renderer.setDefaultItemLabelPaint(ChartStyle.TEXT);
            return barChart(c, data, renderer, categories, false, integralValues);
        }, "bar, " + data.getColumnCount() + " bars", c -> describeBars(c, data));
    }

    /**
     * Grouped bars: categories along one axis, one coloured bar per value of {@code seriesCol} in each,
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
        List<String> categories = keys(data.getColumnKeys());
        List<Color> colours = Palette.distinct(Palette.forSeries(keys(data.getRowKeys())));
        boolean integralValues = integral(v);
        return new Chart(title, categoryCol, valueCol, WIDTH, HEIGHT, c -> {
            BarRenderer renderer = new BarRenderer();
            for (int i = 0; i < colours.size(); i++) renderer.setSeriesPaint(i, colours.get(i));
            return barChart(c, data, renderer, categories, true, integralValues);
        }, "grouped bar, " + data.getColumnCount() + " groups × " + data.getRowCount() + " series",
                c -> describeBars(c, data));
    }

    private static JFreeChart barChart(Chart c, CategoryDataset data, BarRenderer renderer, List<String> categories,
            boolean legend, boolean integralValues) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        boolean horizontal = !fitUnderBars(categories, c.width(), data.getRowCount());
        if (horizontal) {
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        }
        Axes.Categories categoryAxis = new Axes.Categories(c.xLabel());
        categoryAxis.setCategoryMargin(0.2);
        NumberAxis valueAxis = new Axes.Numbers(c.yLabel());
        valueAxis.setUpperMargin(0.12); // room for the value written at a bar's end
        if (integralValues) valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, categoryAxis, valueAxis, renderer);
        plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT); // values below horizontal bars, left of vertical ones
        return new JFreeChart(c.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
    }

    /**
     * Whether every label fits under its bar in at most {@value #MAX_LABEL_LINES} lines with no word
     * wider than the bar's slot (estimated from the chart's width).
     */
    static boolean fitUnderBars(List<String> labels, int width, int seriesCount) {
        if (labels.isEmpty()) return true;
        double plotWidth = width - 100; // the value axis and its title, the chart's margins
        double slot = plotWidth / labels.size() * 0.8;
        Font font = new Font(Fonts.family(), Font.PLAIN, ChartStyle.TICK_SIZE);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        for (String label : labels) {
            for (String word : label.trim().split("\\s+")) {
                if (font.getStringBounds(word, frc).getWidth() > slot) return false;
            }
            if (Axes.wrap(label, slot, font, frc).size() > MAX_LABEL_LINES) return false;
        }
        return true;
    }

    /** Item labels: each bar's value as the tables write it. */
    private static final class ValueLabels extends StandardCategoryItemLabelGenerator {
        private static final long serialVersionUID = 1L;

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number n = dataset.getValue(row, column);
            return n == null ? null : Tables.format(n.doubleValue());
        }
    }

    private static String describeLines(Chart c, Map<String, XYSeries> series, boolean named) {
        String x = axis(c.xLabel(), "x");
        StringJoiner s = new StringJoiner("; ", "Line chart of " + axis(c.yLabel(), "y") + " against " + x
                + (c.logX() && !x.contains("log") ? " (log scale)" : "") + ". ", ".");
        for (XYSeries xy : series.values()) {
            if (xy.getItemCount() == 0) continue;
            s.add((named ? xy.getKey() + ": " : "") + xy.getItemCount() + " points, x from " + Tables.format(xy.getMinX()) + " to "
                    + Tables.format(xy.getMaxX()) + ", y from " + Tables.format(xy.getMinY()) + " to "
                    + Tables.format(xy.getMaxY()));
        }
        return s.toString();
    }

    private static String describeBars(Chart c, DefaultCategoryDataset data) {
        StringJoiner s = new StringJoiner("; ", "Bar chart of " + axis(c.yLabel(), "values") + " by " + axis(c.xLabel(), "category") + ". ", ".");
        boolean grouped = data.getRowCount() > 1;
        for (Object col : data.getColumnKeys()) {
            StringJoiner values = new StringJoiner(", ");
            for (Object row : data.getRowKeys()) {
                Number n = data.getValue((Comparable<?>) row, (Comparable<?>) col);
                if (n != null) values.add((grouped ? row + " " : "") + Tables.format(n.doubleValue()));
            }
            s.add(col + ": " + values);
        }
        return s.toString();
    }

    private static String axis(String label, String otherwise) {
        return label == null || label.isEmpty() ? otherwise : label;
    }

    private static List<String> keys(List<?> keys) {
        List<String> out = new ArrayList<>();
        for (Object k : keys) out.add(String.valueOf(k));
        return out;
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
