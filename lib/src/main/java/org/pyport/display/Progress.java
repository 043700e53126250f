package org.pyport.display;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A progress bar updated in place in the notebook (update_display_data), at most 10 updates per second
 * so a tight loop does not flood the front end. Outside a kernel it prints a plain line at most once
 * per second and at the end.
 */
public final class Progress implements AutoCloseable {
    private static final long MIN_KERNEL_INTERVAL_NANOS = 100_000_000L; // ≤10 updates/s
    private static final long MIN_TEXT_INTERVAL_NANOS = 1_000_000_000L;

    private final String label;
    private final long total;
    private final DisplaySink sink;
    private final String displayId;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastShown = Long.MIN_VALUE;
    private boolean closed;

    private Progress(String label, long total) {
        if (total < 0) throw new IllegalArgumentException("total must be ≥ 0, got " + total);
        this.label = label == null ? "" : label;
        this.total = total;
        this.sink = DisplaySinks.current();
        this.displayId = java.util.UUID.randomUUID().toString();
        if (sink.isKernel()) sink.display(displayId, bundle());
        lastShown = System.nanoTime();
    }

    /** Starts a bar for {@code total} steps and shows it. */
    public static Progress bar(String label, long total) {
        return new Progress(label, total);
    }

    /** Advances by one step. */
    public void step() {
        step(1);
    }

    /** Advances by {@code n} steps, refreshing the display if enough time has passed. */
    public synchronized void step(long n) {
        if (closed) throw new IllegalStateException("progress bar '" + label + "' is closed");
        done = Math.min(total, done + n);
        long now = System.nanoTime();
        long min = sink.isKernel() ? MIN_KERNEL_INTERVAL_NANOS : MIN_TEXT_INTERVAL_NANOS;
        if (now - lastShown >= min) {
            refresh();
            lastShown = now;
        }
    }

    /** Steps done so far. */
    public synchronized long done() {
        return done;
    }

    /** Shows the final state; further steps fail. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        refresh();
    }

    private void refresh() {
        if (sink.isKernel()) sink.update(displayId, bundle());
        else System.out.println(text());
    }

    String text() {
        double frac = total == 0 ? 1 : (double) done / total;
        int width = 30;
        int filled = (int) Math.round(frac * width);
        double secs = (System.nanoTime() - startNanos) / 1e9;
        return String.format("%s [%s%s] %d/%d (%.0f%%) %.1fs", label, "█".repeat(filled), "·".repeat(width - filled),
                done, total, frac * 100, secs);
    }

    private Map<String, Object> bundle() {
        double pct = total == 0 ? 100 : 100.0 * done / total;
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Mime.HTML, String.format(java.util.Locale.ROOT,
                "<div style=\"font-family:monospace\">%s <progress value=\"%d\" max=\"%d\" style=\"width:20em\"></progress> %d/%d (%.0f%%)</div>",
                escape(label), done, Math.max(total, 1), done, total, pct));
        b.put(Mime.TEXT, text());
        return b;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
