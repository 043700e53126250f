package org.pyport.table;

import java.util.LinkedHashMap;
import java.util.Map;

import org.pyport.display.Mime;
import org.pyport.display.Show;

import tech.tablesaw.api.Table;

/**
 * Tablesaw tables as HTML for the notebook: long tables show their head and tail with a "…" row
 * between, like pandas; every bundle carries a text version too.
 */
public final class Tables {
    /** Rows shown by {@link #show(Table)} before the table is cut into head and tail. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private Tables() {}

    /** Shows the table (HTML + text) and returns the display id. */
    public static String show(Table t) {
        return Show.bundle(bundle(t, DEFAULT_MAX_ROWS));
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
     * and last halves with a "…" row between when the table is longer.
     */
    public static String html(Table t, int maxRows) {
        if (maxRows < 2) throw new IllegalArgumentException("maxRows must be ≥ 2, got " + maxRows);
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"pyport-table\" border=\"1\" style=\"border-collapse:collapse\">\n");
        sb.append("<caption>").append(escape(caption(t))).append("</caption>\n<thead><tr>");
        for (String name : t.columnNames()) sb.append("<th>").append(escape(name)).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        int rows = t.rowCount();
        int[] shown = shownRows(rows, maxRows);
        int previous = -1;
        for (int r : shown) {
            if (previous >= 0 && r != previous + 1) {
                sb.append("<tr>");
                for (int c = 0; c < t.columnCount(); c++) sb.append("<td>…</td>");
                sb.append("</tr>\n");
            }
            sb.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                sb.append(numeric(t, c) ? "<td style=\"text-align:right\">" : "<td>")
                        .append(escape(t.column(c).getString(r))).append("</td>");
            }
            sb.append("</tr>\n");
            previous = r;
        }
        sb.append("</tbody>\n</table>");
        return sb.toString();
    }

    /** A plain-text rendering with the same head/tail cut. */
    public static String text(Table t, int maxRows) {
        if (t.rowCount() <= maxRows) return t.printAll().replaceFirst("^.*", java.util.regex.Matcher.quoteReplacement(caption(t)));
        int head = (maxRows + 1) / 2;
        int tail = maxRows - head;
        Table cut = t.first(head).append(t.last(tail));
        String[] lines = cut.printAll().split("\n", -1);
        // Tablesaw prints: title, header, separator, rows; insert the ellipsis after the head rows
        int firstRow = lines.length - cut.rowCount();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == firstRow + head) sb.append("  …\n");
            sb.append(lines[i]);
            if (i < lines.length - 1) sb.append('\n');
        }
        return sb.toString().replaceFirst("^.*", java.util.regex.Matcher.quoteReplacement(caption(t)));
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
