package org.pyport.pystd;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event-callback HTML parser, the counterpart of Python's {@code html.parser.HTMLParser}.
 *
 * <p>Subclass it and override the {@code handle...} methods you care about (all do nothing by
 * default, like Python's), then {@link #feed(String)} text in pieces of any size and
 * {@link #close()} at the end. The tokenizer follows {@code html.parser} of CPython 3.10 to
 * 3.13.0 event for event (the unit tests compare with python3 on a corpus and on random markup;
 * CPython releases from 2025 on changed a few corner cases, such as references inside attribute
 * values and script content left open at the end, and this class keeps the earlier behaviour): tag and attribute names are lower-cased, attribute values have their
 * quotes removed and their character references decoded, an attribute without a value has a
 * {@code null} value (Python's {@code None}), {@code <script>} and {@code <style>} content is
 * delivered as raw data, and malformed markup becomes data rather than an error.
 *
 * <p>With {@code convertCharrefs} true (the default, as in CPython 3.5+) character references
 * in text are decoded into the data; with false they arrive as {@link #handleEntityref} and
 * {@link #handleCharref} events and text may come in several {@link #handleData} calls.
 *
 * <p>Positions and the 34-character look-back for a reference cut at a chunk boundary are
 * counted in code points, as Python counts string length. Not thread-safe: one parser per
 * document.
 */
public abstract class HtmlParser {

    /** Python's {@code \s} for str patterns (str.isspace()), which is wider than Java's ASCII {@code \s}. */
    private static final String WS = "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
    private static final String S = "[" + WS + "]";

    private static final Pattern ENTITYREF = Pattern.compile("&([a-zA-Z][-.a-zA-Z0-9]*)([^a-zA-Z0-9])");
    private static final Pattern CHARREF = Pattern.compile("&#([0-9]+|[xX][0-9a-fA-F]+)([^0-9a-fA-F])");
    private static final Pattern INCOMPLETE = Pattern.compile("&[a-zA-Z#]");
    private static final Pattern STARTTAGOPEN = Pattern.compile("<[a-zA-Z]");
    private static final Pattern COMMENTCLOSE = Pattern.compile("--" + S + "*>");
    private static final Pattern WS_OR_SEMI = Pattern.compile("[" + WS + ";]");
    private static final Pattern INTERESTING_NORMAL = Pattern.compile("[&<]");

    /** A tag name runs to whitespace, '/', '>' or NUL; then spaces and lone slashes are skipped. */
    private static final String TAGNAME = "[a-zA-Z][^\\t\\n\\r\\f />\\x00]*";
    private static final Pattern TAGFIND = Pattern.compile("(" + TAGNAME + ")(?:" + S + "|/(?!>))*");
    /** An attribute name must follow a quote, space or slash; its value is quoted or bare. */
    private static final String ATTRNAME = "(?<=['\"" + WS + "/])[^" + WS + "/>][^" + WS + "/=>]*";
    private static final String ATTRVALUE = "'[^']*'|\"[^\"]*\"|(?!['\"])[^>" + WS + "]*";
    private static final Pattern ATTRFIND = Pattern.compile(
            "(" + ATTRNAME + ")(" + S + "*=+" + S + "*(" + ATTRVALUE + "))?(?:" + S + "|/(?!>))*");
    /** The longest prefix that can belong to one start tag: used to find where the tag ends. */
    private static final Pattern LOCATE_STARTTAG_END = Pattern.compile(
            "<" + TAGNAME
                    + "(?:[" + WS + "/]*"
                    + "(?:" + ATTRNAME + "(?:" + S + "*=+" + S + "*(?:" + ATTRVALUE + ")" + S + "*)?"
                    + "(?:" + S + "|/(?!>))*)*)?"
                    + S + "*");
    private static final Pattern ENDTAGFIND = Pattern.compile("</" + S + "*([a-zA-Z][-.a-zA-Z0-9:_]*)" + S + "*>");
    private static final Pattern DECLNAME = Pattern.compile("[a-zA-Z][-_.a-zA-Z0-9]*" + S + "*");
    private static final Pattern MARKED_SECTION_CLOSE = Pattern.compile("]" + S + "*]" + S + "*>");
    private static final Pattern MS_MARKED_SECTION_CLOSE = Pattern.compile("]" + S + "*>");

    private static final Set<String> CDATA_CONTENT_ELEMENTS = Set.of("script", "style");
    /** Marked-section keywords closed by "]]>" (SGML) and by "]>" (MS Office's conditional comments). */
    private static final Set<String> SGML_SECTIONS = Set.of("temp", "cdata", "ignore", "include", "rcdata");
    private static final Set<String> MS_OFFICE_SECTIONS = Set.of("if", "else", "endif");

    private final boolean convertCharrefs;
    private String rawdata;
    private String lasttag;
    private Pattern interesting;
    private String cdataElem;
    private String starttagText;
    private int lineno;
    private int offset;

    /** A parser that converts character references into data (Python's default). */
    protected HtmlParser() {
        this(true);
    }

    /**
     * @param convertCharrefs true to decode character references into the data (Python's
     *                        {@code convert_charrefs=True}); false to report them as
     *                        {@link #handleEntityref} / {@link #handleCharref} events
     */
    protected HtmlParser(boolean convertCharrefs) {
        this.convertCharrefs = convertCharrefs;
        reset();
    }

    /** Whether character references are decoded into data rather than reported as events. */
    public final boolean convertCharrefs() {
        return convertCharrefs;
    }

    /** Forgets all buffered input and state, ready for a new document. */
    public void reset() {
        rawdata = "";
        lasttag = "???";
        interesting = INTERESTING_NORMAL;
        cdataElem = null;
        starttagText = null;
        lineno = 1;
        offset = 0;
    }

    /**
     * Feeds more text. Pieces may be cut anywhere: whatever cannot be decided yet (a tag or
     * reference cut in half, unterminated script content) is kept for the next call.
     */
    public void feed(String data) {
        if (data == null) {
            throw new IllegalArgumentException("feed(null): pass the text to parse (use \"\" for none)");
        }
        rawdata = rawdata + data;
        goahead(false);
    }

    /**
     * Handles whatever is still buffered as if the document ended here. Like CPython 3.10-3.13.0,
     * content of a {@code <script>}/{@code <style>} element that was never closed stays buffered.
     * The parser holds no resources; this only flushes.
     */
    public void close() {
        goahead(true);
    }

    /** The source text of the most recent start tag, {@code <...>}, or null. */
    public String getStarttagText() {
        return starttagText;
    }

    /** The last start tag's name (lower case), {@code "???"} before any. */
    public String lasttag() {
        return lasttag;
    }

    /** The current line (1-based) and column (0-based, in code points), like Python's {@code getpos()}. */
    public int[] getpos() {
        return new int[] {lineno, offset};
    }

    /** Decodes HTML5 character references, like Python's {@code html.unescape}. */
    public static String unescape(String s) {
        return HtmlParserCharrefs.unescape(s);
    }

    /**
     * Makes one {@code (name, value)} attribute pair; the value may be null like Python's None.
     * Handy for building expected attribute lists.
     */
    public static Map.Entry<String, String> attr(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    // ---- handlers: override the ones you need ----

    /** A start tag {@code <tag a=1 b>}; attribute values may be null (written without '='). */
    public void handleStarttag(String tag, List<Map.Entry<String, String>> attrs) {
    }

    /** An end tag {@code </tag>}. */
    public void handleEndtag(String tag) {
    }

    /** An XHTML-style empty tag {@code <tag/>}; by default a start tag followed by an end tag. */
    public void handleStartendtag(String tag, List<Map.Entry<String, String>> attrs) {
        handleStarttag(tag, attrs);
        handleEndtag(tag);
    }

    /** Text between tags (possibly in several pieces). */
    public void handleData(String data) {
    }

    /** A comment {@code <!--data-->}. */
    public void handleComment(String data) {
    }

    /** A named reference {@code &name;} (only when convertCharrefs is false). */
    public void handleEntityref(String name) {
    }

    /** A numeric reference {@code &#123;} or {@code &#x7b;}: name is "123" or "x7b" (only when convertCharrefs is false). */
    public void handleCharref(String name) {
    }

    /** A declaration such as {@code <!DOCTYPE html>}: decl is "DOCTYPE html". */
    public void handleDecl(String decl) {
    }

    /** A processing instruction {@code <?data>}. */
    public void handlePi(String data) {
    }

    /** A marked section such as {@code <![CDATA[...]]>}: data is "CDATA[...". */
    public void unknownDecl(String data) {
    }

    // ---- the tokenizer ----

    /** Switches to raw-text mode until {@code </elem>}, as for script and style content. */
    protected void setCdataMode(String elem) {
        cdataElem = elem.toLowerCase(Locale.ROOT);
        interesting = Pattern.compile("</" + S + "*" + Pattern.quote(cdataElem) + S + "*>",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Leaves raw-text mode. */
    protected void clearCdataMode() {
        interesting = INTERESTING_NORMAL;
        cdataElem = null;
    }

    private boolean decodingText() {
        return convertCharrefs && cdataElem == null;
    }

    private String text(int from, int to) {
        String s = rawdata.substring(from, to);
        return decodingText() ? HtmlParserCharrefs.unescape(s) : s;
    }

    /** Handles as much buffered input as can be decided; with {@code end}, everything. */
    private void goahead(boolean end) {
        final String raw = rawdata;
        int i = 0;
        final int n = raw.length();
        while (i < n) {
            int j;
            if (decodingText()) {
                j = raw.indexOf('<', i);
                if (j < 0) {
                    // No '<' ahead: text up to the end, unless a reference may be cut at the chunk
                    // boundary (an '&' among the last 34 code points with no ';' or space after it).
                    int from = Math.max(i, backCodePoints(raw, n, 34));
                    int amppos = raw.lastIndexOf('&');
                    if (amppos >= from && !find(WS_OR_SEMI, raw, amppos)) {
                        break;
                    }
                    j = n;
                }
            } else {
                Matcher m = interesting.matcher(raw);
                if (m.find(i)) {
                    j = m.start();
                } else {
                    if (cdataElem != null) {
                        break;
                    }
                    j = n;
                }
            }
            if (i < j) {
                handleData(text(i, j));
            }
            i = updatepos(i, j);
            if (i == n) {
                break;
            }
            if (raw.startsWith("<", i)) {
                int k;
                if (lookingAt(STARTTAGOPEN, raw, i) != null) {
                    k = parseStarttag(i);
                } else if (raw.startsWith("</", i)) {
                    k = parseEndtag(i);
                } else if (raw.startsWith("<!--", i)) {
                    k = parseComment(i);
                } else if (raw.startsWith("<?", i)) {
                    k = parsePi(i);
                } else if (raw.startsWith("<!", i)) {
                    k = parseHtmlDeclaration(i);
                } else if (i + 1 < n) {
                    handleData("<");
                    k = i + 1;
                } else {
                    break;
                }
                if (k < 0) {
                    if (!end) {
                        break;
                    }
                    // At the end an unfinished construct becomes data, up to its '>' or the next '<'.
                    k = raw.indexOf('>', i + 1);
                    if (k < 0) {
                        k = raw.indexOf('<', i + 1);
                        if (k < 0) {
                            k = i + 1;
                        }
                    } else {
                        k += 1;
                    }
                    handleData(text(i, k));
                }
                i = updatepos(i, k);
            } else if (raw.startsWith("&#", i)) {
                Matcher m = lookingAt(CHARREF, raw, i);
                if (m != null) {
                    handleCharref(m.group(1));
                    i = updatepos(i, refEnd(m));
                    continue;
                }
                if (raw.indexOf(';', i) >= 0) {
                    // not a reference after all: give away the "&#" and look again later
                    handleData(raw.substring(i, i + 2));
                    i = updatepos(i, i + 2);
                }
                break;
            } else if (raw.startsWith("&", i)) {
                Matcher m = lookingAt(ENTITYREF, raw, i);
                if (m != null) {
                    handleEntityref(m.group(1));
                    i = updatepos(i, refEnd(m));
                    continue;
                }
                Matcher inc = lookingAt(INCOMPLETE, raw, i);
                if (inc != null) {
                    // CPython quirk kept on purpose: a lone "&x" at the very end loses its '&'.
                    if (end && inc.end() == n) {
                        i = updatepos(i, i + 1);
                    }
                    break;
                } else if (i + 1 < n) {
                    handleData("&");
                    i = updatepos(i, i + 1);
                } else {
                    break;
                }
            } else {
                throw new IllegalStateException("HtmlParser bug: stopped at " + raw.charAt(i) + " in " + cdataElem);
            }
        }
        if (end && i < n && cdataElem == null) {
            handleData(text(i, n));
            i = updatepos(i, n);
        }
        rawdata = raw.substring(i);
    }

    /** Where a matched reference ends: after its ';', or before whatever other character ended it. */
    private static int refEnd(Matcher m) {
        return ";".equals(m.group(2)) ? m.end() : m.end(1);
    }

    private int parseHtmlDeclaration(int i) {
        String raw = rawdata;
        if (raw.startsWith("<!--", i)) {
            return parseComment(i);
        } else if (raw.startsWith("<![", i)) {
            return parseMarkedSection(i);
        } else if (i + 9 <= raw.length() && raw.substring(i, i + 9).toLowerCase(Locale.ROOT).equals("<!doctype")) {
            int gtpos = raw.indexOf('>', i + 9);
            if (gtpos == -1) {
                return -1;
            }
            handleDecl(raw.substring(i + 2, gtpos));
            return gtpos + 1;
        } else {
            return parseBogusComment(i);
        }
    }

    private int parseBogusComment(int i) {
        int pos = rawdata.indexOf('>', i + 2);
        if (pos == -1) {
            return -1;
        }
        handleComment(rawdata.substring(i + 2, pos));
        return pos + 1;
    }

    private int parsePi(int i) {
        int j = rawdata.indexOf('>', i + 2);
        if (j < 0) {
            return -1;
        }
        handlePi(rawdata.substring(i + 2, j));
        return j + 1;
    }

    private int parseComment(int i) {
        Matcher m = COMMENTCLOSE.matcher(rawdata);
        if (!m.find(i + 4)) {
            return -1;
        }
        handleComment(rawdata.substring(i + 4, m.start()));
        return m.end();
    }

    private int parseMarkedSection(int i) {
        String raw = rawdata;
        int start = i + 3;
        if (start == raw.length()) {
            return -1;
        }
        Matcher name = lookingAt(DECLNAME, raw, start);
        if (name == null) {
            updatepos(i, start);
            throw new IllegalArgumentException("malformed marked section: expected name token at "
                    + snippet(raw, i) + " (CPython raises AssertionError here too)");
        }
        if (name.end() == raw.length()) {
            return -1; // the name may continue in the next chunk
        }
        String sectName = pyStrip(name.group()).toLowerCase(Locale.ROOT);
        Pattern close;
        if (SGML_SECTIONS.contains(sectName)) {
            close = MARKED_SECTION_CLOSE;
        } else if (MS_OFFICE_SECTIONS.contains(sectName)) {
            close = MS_MARKED_SECTION_CLOSE;
        } else {
            throw new IllegalArgumentException("unknown status keyword '" + raw.substring(start, name.end())
                    + "' in marked section at " + snippet(raw, i) + " (CPython raises AssertionError here too)");
        }
        Matcher m = close.matcher(raw);
        if (!m.find(start)) {
            return -1;
        }
        unknownDecl(raw.substring(start, m.start()));
        return m.end();
    }

    private int parseStarttag(int i) {
        starttagText = null;
        int endpos = checkForWholeStartTag(i);
        if (endpos < 0) {
            return endpos;
        }
        String raw = rawdata;
        starttagText = raw.substring(i, endpos);

        Matcher tm = lookingAt(TAGFIND, raw, i + 1);
        int k = tm.end();
        String tag = tm.group(1).toLowerCase(Locale.ROOT);
        lasttag = tag;
        List<Map.Entry<String, String>> attrs = new ArrayList<>();
        while (k < endpos) {
            Matcher m = lookingAt(ATTRFIND, raw, k);
            if (m == null) {
                break;
            }
            String attrname = m.group(1);
            String value = m.group(3);
            if (m.group(2) == null) {
                value = null;
            } else if (isQuoted(value)) {
                value = value.substring(1, Math.max(1, value.length() - 1));
            }
            if (value != null && !value.isEmpty()) {
                value = HtmlParserCharrefs.unescape(value);
            }
            attrs.add(attr(attrname.toLowerCase(Locale.ROOT), value));
            k = m.end();
        }
        String rest = k < endpos ? pyStrip(raw.substring(k, endpos)) : "";
        if (!rest.equals(">") && !rest.equals("/>")) {
            // Not a well-formed tag after all: CPython hands the whole thing over as text.
            handleData(raw.substring(i, endpos));
            return endpos;
        }
        List<Map.Entry<String, String>> frozen = List.copyOf(attrs);
        if (rest.endsWith("/>")) {
            handleStartendtag(tag, frozen);
        } else {
            handleStarttag(tag, frozen);
            if (CDATA_CONTENT_ELEMENTS.contains(tag)) {
                setCdataMode(tag);
            }
        }
        return endpos;
    }

    private static boolean isQuoted(String v) {
        return !v.isEmpty() && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0);
    }

    /** Returns the end of a complete start tag at {@code i}, or -1 if more input is needed. */
    private int checkForWholeStartTag(int i) {
        String raw = rawdata;
        Matcher m = lookingAt(LOCATE_STARTTAG_END, raw, i);
        if (m == null) {
            throw new IllegalStateException("HtmlParser bug: no start tag at " + snippet(raw, i));
        }
        int j = m.end();
        if (j == raw.length()) {
            return -1; // end of input so far
        }
        char next = raw.charAt(j);
        if (next == '>') {
            return j + 1;
        }
        if (next == '/') {
            return raw.startsWith("/>", j) ? j + 2 : -1; // a lone '/' can only be a cut "/>"
        }
        if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '=' || next == '/') {
            return -1; // inside or before an attribute value
        }
        return j > i ? j : i + 1;
    }

    private int parseEndtag(int i) {
        String raw = rawdata;
        int gt = raw.indexOf('>', i + 1);
        if (gt < 0) {
            return -1;
        }
        int gtpos = gt + 1;
        Matcher m = lookingAt(ENDTAGFIND, raw, i);
        if (m == null) {
            if (cdataElem != null) {
                handleData(raw.substring(i, gtpos));
                return gtpos;
            }
            Matcher name = lookingAt(TAGFIND, raw, i + 2);
            if (name == null) {
                if (raw.startsWith("</>", i)) {
                    return i + 3;
                }
                return parseBogusComment(i);
            }
            // Anything between the name and the '>' is ignored.
            int close = raw.indexOf('>', name.end());
            handleEndtag(name.group(1).toLowerCase(Locale.ROOT));
            return close + 1;
        }
        String elem = m.group(1).toLowerCase(Locale.ROOT);
        if (cdataElem != null && !elem.equals(cdataElem)) {
            handleData(raw.substring(i, gtpos));
            return gtpos;
        }
        handleEndtag(elem);
        clearCdataMode();
        return gtpos;
    }

    /** Advances the line/column counters over {@code rawdata[i:j]}; returns j. */
    private int updatepos(int i, int j) {
        if (i >= j) {
            return j;
        }
        int nl = rawdata.lastIndexOf('\n', j - 1);
        if (nl >= i) {
            for (int p = i; p < j; p++) {
                if (rawdata.charAt(p) == '\n') {
                    lineno++;
                }
            }
            offset = rawdata.codePointCount(nl + 1, j);
        } else {
            offset += rawdata.codePointCount(i, j);
        }
        return j;
    }

    // ---- small helpers ----

    /** The pattern anchored at {@code at}, seeing the text before it (for look-behind); null if no match. */
    private static Matcher lookingAt(Pattern p, String s, int at) {
        Matcher m = p.matcher(s);
        m.region(at, s.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m : null;
    }

    private static boolean find(Pattern p, String s, int from) {
        return p.matcher(s).find(from);
    }

    /** The index {@code count} code points before {@code end}, or 0. */
    private static int backCodePoints(String s, int end, int count) {
        int available = s.codePointCount(0, end);
        return available <= count ? 0 : s.offsetByCodePoints(end, -count);
    }

    /** Python's str.strip(): removes Python whitespace (wider than Java's trim/strip) from both ends. */
    static String pyStrip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isPySpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isPySpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Python's str.isspace() for one BMP character (no whitespace exists outside the BMP). */
    static boolean isPySpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    private static String snippet(String s, int at) {
        return '"' + s.substring(at, Math.min(s.length(), at + 20)) + '"';
    }
}
