package io.github.spencerpark.jupyter.kernel.display.mime;

/**
 * IJava's name for a MIME type, for notebooks written for IJava: the kernel's own type under IJava's package, so
 * these constants go wherever the kernel takes one.
 */
public class MIMEType extends org.dflib.jjava.jupyter.kernel.display.mime.MIMEType {

    public static final MIMEType ANY = from(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.ANY);
    public static final MIMEType APPLICATION_XML = parse("application/xml");
    public static final MIMEType APPLICATION_JSON = parse("application/json");
    public static final MIMEType APPLICATION_JAVASCRIPT = parse("application/javascript");
    public static final MIMEType APPLICATION_PDF = parse("application/pdf");
    public static final MIMEType TEXT_HTML = parse("text/html");
    public static final MIMEType TEXT_MARKDOWN = parse("text/markdown");
    public static final MIMEType TEXT_LATEX = parse("text/latex");
    public static final MIMEType TEXT_PLAIN = parse("text/plain");
    public static final MIMEType TEXT_CSS = parse("text/css");
    public static final MIMEType IMAGE_PNG = parse("image/png");
    public static final MIMEType IMAGE_JPEG = parse("image/jpeg");
    public static final MIMEType IMAGE_GIF = parse("image/gif");
    public static final MIMEType IMAGE_SVG = parse("image/svg+xml");

    /**
     * @param group   e.g. {@code text}
     * @param tree    the registration tree, or null
     * @param subtype e.g. {@code html}
     * @param suffix  e.g. {@code xml}, or null
     */
    public MIMEType(String group, String tree, String subtype, String suffix) {
        super(group, tree, subtype, suffix);
    }

    /**
     * @param type e.g. {@code "text/html"}
     * @return the type
     */
    public static MIMEType parse(String type) {
        return from(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(type));
    }

    /**
     * @param t the kernel's MIME type
     * @return the same type under IJava's name
     */
    public static MIMEType from(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType t) {
        if (t instanceof MIMEType same) {
            return same;
        }
        return new MIMEType(t.getGroup(), t.getTree(), t.getSubtype(), t.getSuffix());
    }
}
