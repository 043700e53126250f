package org.pyport.display;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Shows rich output in the notebook cell: each method sends one MIME bundle (always with a
 * {@code text/plain} part) and returns its display id, which {@code update...} methods use to replace
 * the output in place. Outside a kernel the text part is printed instead.
 */
public final class Show {
    private Show() {}

    /** Shows an HTML fragment; the text part is the HTML with tags stripped. */
    public static String html(String html) {
        return bundle(htmlBundle(html));
    }

    /** Shows an SVG image (HTML-wrapped for kernels without an SVG type); the text part is a one-line summary. */
    public static String svg(String svg) {
        return bundle(svgBundle(svg, DisplaySinks.current()));
    }

    /** Shows a PNG image. */
    public static String png(byte[] png) {
        return bundle(pngBundle(png));
    }

    /** Shows Markdown (the text part is the Markdown source). */
    public static String markdown(String markdown) {
        return bundle(textual(Mime.MARKDOWN, markdown, markdown));
    }

    /** Shows plain text. */
    public static String text(String text) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Mime.TEXT, Objects.requireNonNull(text, "text"));
        return bundle(b);
    }

    /**
     * Shows anything: {@link Displayable}s (charts) with their own bundle, Tablesaw tables as HTML,
     * {@code byte[]} starting with the PNG signature as an image, everything else as text.
     */
    public static String show(Object o) {
        return bundle(bundleOf(o));
    }

    /** Shows a ready-made MIME bundle (a {@code text/plain} part is added if missing). */
    public static String bundle(Map<String, Object> bundle) {
        String id = UUID.randomUUID().toString();
        DisplaySinks.current().display(id, withText(bundle));
        return id;
    }

    /** Replaces the output shown under {@code displayId} with a new bundle. */
    public static void update(String displayId, Map<String, Object> bundle) {
        DisplaySinks.current().update(Objects.requireNonNull(displayId, "displayId"), withText(bundle));
    }

    /** Replaces the output under {@code displayId} with whatever {@link #show(Object)} would show. */
    public static void update(String displayId, Object o) {
        update(displayId, bundleOf(o));
    }

    /** Replaces the output under {@code displayId} with HTML. */
    public static void updateHtml(String displayId, String html) {
        update(displayId, htmlBundle(html));
    }

    /** Replaces the output under {@code displayId} with an SVG image. */
    public static void updateSvg(String displayId, String svg) {
        update(displayId, svgBundle(svg, DisplaySinks.current()));
    }

    /** Replaces the output under {@code displayId} with a PNG image. */
    public static void updatePng(String displayId, byte[] png) {
        update(displayId, pngBundle(png));
    }

    /** Replaces the output under {@code displayId} with Markdown. */
    public static void updateMarkdown(String displayId, String markdown) {
        update(displayId, textual(Mime.MARKDOWN, markdown, markdown));
    }

    /** Replaces the output under {@code displayId} with plain text. */
    public static void updateText(String displayId, String text) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Mime.TEXT, Objects.requireNonNull(text, "text"));
        update(displayId, b);
    }

    // ---- bundles ---------------------------------------------------------------------------------

    /** The bundle {@link #show(Object)} sends for {@code o}. */
    public static Map<String, Object> bundleOf(Object o) {
        DisplaySink sink = DisplaySinks.current();
        if (o instanceof Displayable) return ((Displayable) o).mimeBundle(sink);
        if (o instanceof byte[] && isPng((byte[]) o)) return pngBundle((byte[]) o);
        if (o != null && isTablesawTable(o)) return Tables.bundleOf(o);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Mime.TEXT, String.valueOf(o));
        return b;
    }

    /** HTML bundle with a tag-stripped text part. */
    public static Map<String, Object> htmlBundle(String html) {
        return textual(Mime.HTML, html, summarize(stripTags(html)));
    }

    /** SVG bundle for {@code sink}: image/svg+xml where supported, else the SVG inlined in HTML. */
    public static Map<String, Object> svgBundle(String svg, DisplaySink sink) {
        Objects.requireNonNull(svg, "svg");
        String summary = "[SVG image, " + svg.length() + " chars]";
        Map<String, Object> b = new LinkedHashMap<>();
        if (sink.supports(Mime.SVG)) b.put(Mime.SVG, svg);
        else b.put(Mime.HTML, "<div>" + stripXmlProlog(svg) + "</div>");
        b.put(Mime.TEXT, summary);
        return b;
    }

    /** PNG bundle (base64 data, as Jupyter expects). */
    public static Map<String, Object> pngBundle(byte[] png) {
        Objects.requireNonNull(png, "png");
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(Mime.PNG, Base64.getEncoder().encodeToString(png));
        b.put(Mime.TEXT, "[PNG image, " + png.length + " bytes]");
        return b;
    }

    private static Map<String, Object> textual(String mime, String data, String text) {
        Objects.requireNonNull(data, mime);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put(mime, data);
        b.put(Mime.TEXT, text);
        return b;
    }

    private static Map<String, Object> withText(Map<String, Object> bundle) {
        Objects.requireNonNull(bundle, "bundle");
        if (bundle.containsKey(Mime.TEXT)) return bundle;
        Map<String, Object> b = new LinkedHashMap<>(bundle);
        b.put(Mime.TEXT, "[" + String.join(", ", bundle.keySet()) + "]");
        return b;
    }

    static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isTablesawTable(Object o) {
        // checked by name so display has no hard dependency on Tablesaw being loaded
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("tech.tablesaw.api.Table")) return true;
        }
        return false;
    }

    static String stripTags(String html) {
        String s = html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>|</p>|</tr>|</h[1-6]>|</li>", "\n")
                .replaceAll("(?i)</t[dh]>", "\t")
                .replaceAll("<[^>]*>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&hellip;", "…").replace("&nbsp;", " ").replace("&amp;", "&");
        return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static String summarize(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    private static String stripXmlProlog(String svg) {
        return svg.replaceFirst("^\\s*<\\?xml[^>]*\\?>\\s*", "");
    }
}
