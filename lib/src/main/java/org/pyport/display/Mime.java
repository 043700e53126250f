package org.pyport.display;

/** MIME type names used in display bundles. */
public final class Mime {
    private Mime() {}

    /** Plain text: present in every bundle. */
    public static final String TEXT = "text/plain";
    /** HTML fragment. */
    public static final String HTML = "text/html";
    /** Markdown. */
    public static final String MARKDOWN = "text/markdown";
    /** SVG document (a String). */
    public static final String SVG = "image/svg+xml";
    /** PNG image (base64 String in the bundle). */
    public static final String PNG = "image/png";
}
