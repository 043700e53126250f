package org.pyport.display;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as HTML for the notebook: long tables show their head and tail with a "…" row
 * between, like pandas; floating-point numbers show four significant digits ({@link #format(double)});
 * every bundle carries a text version too.
 */
public final class Tables {
    /** Rows shown by {@link #show(Table)} before the table is cut into head and tail. */
    public static final int DEFAULT_MAX_ROWS = 20;
    /** Significant digits {@link #format(double)} keeps. */
    private static final int SIGNIFICANT = 4;

    private Tables() {}

    /** Shows the table (HTML + text) and returns the display id. */
    public static String show(Table t) {
        return Show.bundle(bundle(t, DEFAULT_MAX_ROWS));
    }

    /**
     * The bundle {@link Show#show(Object)} sends for a Tablesaw table. Takes an {@code Object} so that {@link Show}
     * names no Tablesaw type and loads where Tablesaw is absent.
     */
    static Map<String, Object> bundleOf(Object table) {
        return bundle((Table) table, DEFAULT_MAX_ROWS);
    }

    /** The HTML + text bundle for {@code t} with at most {@code maxRows} data rows (plus a "…" row). */
    public static Map<String, Object> bundle(Table t, int maxRows) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Mime.HTML, html(t, maxRows));
        b.put(Mime.TEXT, text(t, maxRows));
        return b;
    }

    /**
     * An HTML table with a caption (name, size), header, and at most {@code maxRows} rows: the first
     * and last halves with a "…" row between when the table is longer. Numbers are right-aligned and
     * floating-point values shown as {@link #format(double)} does.
     */
    public static String html(Table t, int maxRows) {
        checkMaxRows(maxRows);
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"pyport-table\" border=\"1\" style=\"border-collapse:collapse\">\n");
        sb.append("<caption>").append(escape(caption(t))).append("</caption>\n<thead><tr>");
        for (String name : t.columnNames()) sb.append("<th>").append(escape(name)).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        int previous = -1;
        for (int r : shownRows(t.rowCount(), maxRows)) {
            if (previous >= 0 && r != previous + 1) {
                sb.append("<tr>");
                for (int c = 0; c < t.columnCount(); c++) sb.append("<td>…</td>");
                sb.append("</tr>\n");
            }
            sb.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                sb.append(numeric(t, c) ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(cell(t.column(c), r))).append("</td>");
            }
            sb.append("</tr>\n");
            previous = r;
        }
        sb.append("</tbody>\n</table>");
        return sb.toString();
    }

    /**
     * A plain-text rendering with the same caption, cut and number format as {@link #html(Table, int)}:
     * columns separated by {@code |}, numbers right-aligned.
     */
    public static String text(Table t, int maxRows) {
        checkMaxRows(maxRows);
        int[] shown = shownRows(t.rowCount(), maxRows);
        int columns = t.columnCount();
        List<String[]> lines = new ArrayList<>();
        String[] header = t.columnNames().toArray(String[]::new);
        lines.add(header);
        int previous = -1;
        for (int r : shown) {
            if (previous >= 0 && r != previous + 1) lines.add(null); // the "…" row
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) line[c] = cell(t.column(c), r);
            lines.add(line);
            previous = r;
        }
        int[] width = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; line != null && c < columns; c++) width[c] = Math.max(width[c], line[c].length());
        }
        StringBuilder sb = new StringBuilder(caption(t));
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            sb.append('\n');
            if (line == null) {
                sb.append(" …");
                continue;
            }
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) row.append(" | ");
                boolean right = i > 0 && numeric(t, c);
                row.append(right ? pad(line[c], width[c], true) : pad(line[c], width[c], false));
            }
            sb.append(row.toString().stripTrailing());
            if (i == 0) {
                sb.append('\n');
                for (int c = 0; c < columns; c++) sb.append(c > 0 ? "-+-" : "").append("-".repeat(width[c]));
            }
        }
        return sb.toString();
    }

    /**
     * A number as a person reads it in a table: four significant digits ({@code 1.343}, {@code 0.06886},
     * {@code 123.5}), whole numbers from 1,000 on with thousands separators ({@code 12,346}), rounded
     * to four significant digits from a million on ({@code 1,235,000}); trailing zeros dropped
     * ({@code 2.5}, not {@code 2.500}). Not-a-number is an empty cell.
     */
    public static String format(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        MathContext significant = new MathContext(SIGNIFICANT, RoundingMode.HALF_UP);
        BigDecimal d = BigDecimal.valueOf(v);
        if (Math.abs(v) < 1000) d = d.round(significant);   // may round up to 1000
        if (d.abs().compareTo(BigDecimal.valueOf(1000)) < 0) {
            BigDecimal r = d.stripTrailingZeros();
            return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
        }
        if (Math.abs(v) >= 1e6) d = d.round(significant);
        return String.format(Locale.ROOT, "%,d", d.setScale(0, RoundingMode.HALF_UP).toBigInteger());
    }

    /** One cell as the tables show it: floating-point numbers formatted, missing values empty. */
    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) return "";
        if (column instanceof DoubleColumn) return format(((DoubleColumn) column).getDouble(row));
        if (column instanceof FloatColumn) return format(((FloatColumn) column).getDouble(row));
        return column.getString(row);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }

    private static void checkMaxRows(int maxRows) {
        if (maxRows < 2) throw new IllegalArgumentException("maxRows must be ≥ 2, got " + maxRows);
    }

    private static int[] shownRows(int rows, int maxRows) {
        if (rows <= maxRows) {
            int[] all = new int[rows];
            for (int i = 0; i < rows; i++) all[i] = i;
            return all;
        }
        int head = (maxRows + 1) / 2;
        int tail = maxRows - head;
        int[] r = new int[head + tail];
        for (int i = 0; i < head; i++) r[i] = i;
        for (int i = 0; i < tail; i++) r[head + i] = rows - tail + i;
        return r;
    }

    private static String caption(Table t) {
        String name = t.name() == null ? "" : t.name();
        return (name.isEmpty() ? "" : name + " ") + "(" + t.rowCount() + " rows × " + t.columnCount() + " columns)";
    }

    private static boolean numeric(Table t, int c) {
        return t.column(c) instanceof tech.tablesaw.api.NumericColumn;
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
