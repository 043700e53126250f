package org.pyport.pystd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HtmlParser against CPython's html.parser: every case is run by one python3 process (the
 * reference) and by the Java parser, and the event streams, positions included, must be equal.
 * Passes with python3 = CPython 3.10.13, 3.11.7 and 3.13.0 first on PATH.
 */
class HtmlParserTest {

    /** The tutorial's sample page: a comment, a link, {@code &nbsp;}, {@code &#1234;} and {@code <br>}. */
    static final String TUTORIAL_PAGE = "<html>\n<head></head>\n<body>\n<!-- test html parser -->\n"
            + "    <p>Some <a href=\"#\">html</a> HTML&nbsp;tutorial...<br>END</p>\n"
            + "    <p>&#1234; &#x4E2D;&lt;&gt;</p>\n</body></html>";

    /** Snippets chosen to hit the tokenizer's corners. */
    static final List<String> CORPUS = List.of(
            TUTORIAL_PAGE,
            "<p>unclosed <b>bold <i>italic",
            "<input disabled checked=checked value=unquoted-value data-x = 'spaced' >",
            "<DIV CLASS=\"Big\" ID=main><SPAN>Upper</SPAN></DIV>",
            "<script>if (a < b && c > d) { document.write('</p>'); }</script><p>after</p>",
            "<style>p > a { color: red }</STYLE >done",
            "<script type=\"text/javascript\">var s = \"<!-- not a comment -->\";</script >",
            "<a href=\"/x?a=1&amp;b=2&copy;3&notit;&#65;&#x42;\" title='&lt;q&gt;'>link</a>",
            "AT&T &amp; &unknown; &amp &ampx &#39 &#x27x &#0; &#128; &#x110000; &#xD800; &#65535;",
            "&nbsp &copy; &notin; &notit; &#; &#x; & alone &",
            "<br/><br /><img src=a.png alt=\"\"/><hr/ >",
            "<!DOCTYPE html><!doctype HTML PUBLIC \"-//W3C//DTD\"><?xml version=\"1.0\"?><?php echo 1 ?>",
            "<!-- a -- b --><!----><!-- x --  ><!bogus comment></ not-a-tag><//></>",
            "<![CDATA[ raw <stuff> ]]><![if !IE]>ie<![endif]>",
            "<a b='c\"d' e=\"f'g\" h=i'j k=>text</a  ><a/b/c=d/>x",
            "<p>a < b and c<d <1 <> </>",
            "text with\nnewlines\r\n<p\nclass=x\n>\n line\n</p\n>",
            "<ul><li>one<li>two</ul></ul></div>",
            "<table border=1 cellpadding=\"2\"><tr><td>1</td><td>2</td></tr></table>",
            "\u4e2d\u6587 <b title=\"\u00e9\u00e8\">caf\u00e9</b> \uD83D\uDE00 &#x1F600; &hearts;&spades",
            "<a href=x onclick=\"alert('hi')\">x</a><a\thref\t=\t\"tab\">y</a>",
            "<p>end with partial &am",
            "<p>end with partial &#12",
            "<p>end with tag <a href=\"x",
            "<p>end <!-- with unfinished comment",
            "<p>cut script <script>var x = 1 < 2;",
            "trailing &a",
            "<img src=x\u00a0alt=y><p\u2003class=z>nbsp-separated</p>",
            "<![bogus]>after");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records every event with the position after it, exactly like htmlparser_events.py. */
    static final class Recorder extends HtmlParser {
        final List<Object> events = new ArrayList<>();

        Recorder(boolean convert) {
            super(convert);
        }

        void add(String kind, Object... args) {
            List<Object> e = new ArrayList<>();
            e.add(kind);
            int[] pos = getpos();
            e.add(List.of(pos[0], pos[1]));
            e.addAll(List.of(args));
            events.add(e);
        }

        static List<List<String>> pairs(List<Map.Entry<String, String>> attrs) {
            List<List<String>> out = new ArrayList<>();
            for (Map.Entry<String, String> a : attrs) {
                List<String> pair = new ArrayList<>();
                pair.add(a.getKey());
                pair.add(a.getValue()); // may be null, like Python's None
                out.add(pair);
            }
            return out;
        }

        @Override public void handleStarttag(String tag, List<Map.Entry<String, String>> attrs) {
            add("starttag", tag, pairs(attrs));
        }
        @Override public void handleStartendtag(String tag, List<Map.Entry<String, String>> attrs) {
            add("startendtag", tag, pairs(attrs));
        }
        @Override public void handleEndtag(String tag) { add("endtag", tag); }
        @Override public void handleData(String data) { add("data", data); }
        @Override public void handleComment(String data) { add("comment", data); }
        @Override public void handleEntityref(String name) { add("entityref", name); }
        @Override public void handleCharref(String name) { add("charref", name); }
        @Override public void handleDecl(String decl) { add("decl", decl); }
        @Override public void handlePi(String data) { add("pi", data); }
        @Override public void unknownDecl(String data) { add("unknown_decl", data); }
    }

    static List<Object> javaEvents(List<String> chunks, boolean convert) {
        Recorder r = new Recorder(convert);
        try {
            for (String c : chunks) {
                r.feed(c);
            }
            r.close();
            r.add("end");
        } catch (IllegalArgumentException e) {
            r.add("error");
        }
        return r.events;
    }

    /** Runs all cases through one python3 process and returns its event lists. */
    static List<Object> pythonEvents(List<Map<String, Object>> cases, Path dir) throws Exception {
        Path script = dir.resolve("htmlparser_events.py");
        try (InputStream in = HtmlParserTest.class.getResourceAsStream("htmlparser_events.py")) {
            Files.copy(in, script);
        }
        Path out = dir.resolve("events.json");
        Path err = dir.resolve("stderr.txt");
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("python3 not found on PATH: it is the reference for these tests", e);
        }
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(cases));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("python3 reference run did not finish in 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "python3 failed: " + readQuietly(err));
        return JSON.readValue(Files.readString(out, StandardCharsets.UTF_8),
                JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }

    static Map<String, Object> newCase(List<String> chunks, boolean convert) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("chunks", chunks);
        c.put("convert", convert);
        return c;
    }

    /** Cuts {@code s} into random pieces of 1..maxLen code points (never inside a surrogate pair). */
    static List<String> randomChunks(String s, Random rnd, int maxLen) {
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cps = 1 + rnd.nextInt(maxLen);
            int available = s.codePointCount(i, s.length());
            int j = s.offsetByCodePoints(i, Math.min(cps, available));
            chunks.add(s.substring(i, j));
            i = j;
        }
        return chunks;
    }

    /** Every corpus snippet whole, byte by byte and in random chunks, in both charref modes. */
    @Test
    void sameEventsAsCPython(@TempDir Path dir) throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        Random rnd = new Random(20260101);
        for (String snippet : CORPUS) {
            for (boolean convert : new boolean[] {true, false}) {
                cases.add(newCase(List.of(snippet), convert));
                cases.add(newCase(randomChunks(snippet, rnd, 1), convert));
                for (int k = 0; k < 6; k++) {
                    cases.add(newCase(randomChunks(snippet, rnd, 1 + rnd.nextInt(12)), convert));
                }
            }
        }
        assertSameAsPython(cases, dir);
    }

    /**
     * Which html.parser python3 has. HtmlParser follows the tokenizer of CPython 3.10 to 3.13.0;
     * releases from 2025 on changed corner cases (references in attribute values, script content
     * left open at the end). This asks python3 only, about two such inputs, so it cannot hide a
     * Java bug: it only decides whether python3 is a valid reference for the event comparisons.
     */
    static String referenceGeneration() throws Exception {
        String probe = "from html.parser import HTMLParser\n"
                + "class P(HTMLParser):\n"
                + "    seen = []\n"
                + "    def handle_starttag(self, tag, attrs): self.seen.extend(v for k, v in attrs)\n"
                + "    def handle_data(self, data): self.seen.append(data)\n"
                + "p = P(); p.feed('<a title=\"&copy=2\"><script>x'); p.close()\n"
                + "print('classic' if P.seen == ['\\u00a9=2'] else 'newer: %r' % P.seen)\n";
        Process p = new ProcessBuilder("python3", "-c", probe).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), () -> "python3 probe failed: " + out);
        return out;
    }

    /** Runs the cases in CPython and in Java; fails with the first few differences. */
    static void assertSameAsPython(List<Map<String, Object>> cases, Path dir) throws Exception {
        String generation = referenceGeneration();
        Assumptions.assumeTrue(generation.equals("classic"), () -> "python3 has a newer html.parser ("
                + generation + "); HtmlParser follows CPython 3.10-3.13.0, so the event comparison is skipped."
                + " Put such a python3 first on PATH to run it.");
        List<Object> expected = pythonEvents(cases, dir);
        assertEquals(cases.size(), expected.size());
        int mismatches = 0;
        StringBuilder report = new StringBuilder();
        for (int c = 0; c < cases.size(); c++) {
            @SuppressWarnings("unchecked")
            List<String> chunks = (List<String>) cases.get(c).get("chunks");
            boolean convert = (Boolean) cases.get(c).get("convert");
            List<Object> actual = JSON.readValue(JSON.writeValueAsBytes(javaEvents(chunks, convert)),
                    JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
            if (!expected.get(c).equals(actual)) {
                if (mismatches++ < 3) {
                    report.append("\nchunks=").append(JSON.writeValueAsString(chunks)).append(" convert=").append(convert)
                            .append("\n  python: ").append(JSON.writeValueAsString(expected.get(c)))
                            .append("\n  java:   ").append(JSON.writeValueAsString(actual));
                }
            }
        }
        assertEquals(0, mismatches, mismatches + " of " + cases.size() + " cases differ from CPython:" + report);
    }

    /** Random soups of markup fragments (seeded, so a failure can be replayed), whole and in chunks. */
    @Test
    void randomMarkupSameEventsAsCPython(@TempDir Path dir) throws Exception {
        String[] fragments = {"<", ">", "/", "</", "<!", "<!--", "-->", "--", "<?", "?>", "<![CDATA[", "]]>",
            "<![if ", "]>", "&", "&#", "&#x", ";", "amp", "lt", "nbsp", "not", "copy", "12", "x41", "a", "p",
            "script", "style", "SCRIPT", "div", " ", "\n", "\t", "=", "\"", "'", "href", "class", "x=y", "\u00a0",
            "\u4e2d", "\uD83D\uDE00", "<br/>", "<p>", "</p>", "<a href=", "<script>", "</script>", "<style>",
            "</style >", "<!DOCTYPE html>", "doctype", "\u0000", "\r\n", "<a b c=d e='f' g=\"h\">", "&amp",
            "&#0;", "&#xD800;", "]]", "\u2003", "<A HREF=X>", "</A >", "<img src=x/>", "<x/y>"};
        // -Dhtmlparser.seed=N -Dhtmlparser.cases=M explore further; the default run is fixed
        Random rnd = new Random(Long.getLong("htmlparser.seed", 7));
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0, n = Integer.getInteger("htmlparser.cases", 400); i < n; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 1 + rnd.nextInt(30); k > 0; k--) {
                s.append(fragments[rnd.nextInt(fragments.length)]);
            }
            boolean convert = rnd.nextBoolean();
            cases.add(newCase(List.of(s.toString()), convert));
            cases.add(newCase(randomChunks(s.toString(), rnd, 1 + rnd.nextInt(8)), convert));
        }
        assertSameAsPython(cases, dir);
    }

    /** html.unescape on every named reference, with and without ';', followed by a suffix. */
    @Test
    void unescapeMatchesCPythonForWholeEntityTable(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("u.py");
        Files.writeString(script, "import json,sys,html\nfrom html.entities import html5\n"
                + "names=sorted(html5)\n"
                + "samples=['&'+n for n in names]+['&'+n+'x' for n in names]+['&#%d;'%k for k in range(0,0x300)]"
                + "+['&#x%x'%k for k in (0xd7ff,0xd800,0xdfff,0xe000,0xfdd0,0xfffe,0x1fffe,0x10ffff,0x110000,0x7fffffffffff)]"
                + "+['&#0000065;','&#99999999999999999999;','&xyz;','&&amp;;','&amp;amp;']\n"
                + "json.dump([[s,html.unescape(s)] for s in samples],sys.stdout)\n");
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor(), () -> new String(out, StandardCharsets.UTF_8));
        List<List<String>> pairs = JSON.readValue(out,
                JSON.getTypeFactory().constructCollectionType(List.class, List.class));
        assertEquals(true, pairs.size() > 4000, "expected the whole entity table, got " + pairs.size());
        for (List<String> pair : pairs) {
            assertEquals(pair.get(1), HtmlParser.unescape(pair.get(0)), () -> "unescape(" + pair.get(0) + ")");
        }
    }

    /** Python's str.isspace() is the whitespace the tokenizer skips; check our table against it. */
    @Test
    void whitespaceTableMatchesPython(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import sys\nprint(' '.join(str(c) for c in range(0x10000) if chr(c).isspace()))")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        StringBuilder java = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            if (HtmlParser.isPySpace((char) c)) {
                java.append(java.length() == 0 ? "" : " ").append(c);
            }
        }
        assertEquals(out, java.toString());
    }

    @Test
    void attributesWithoutValueAreNullAndStarttagTextIsKept() {
        List<Object> seen = new ArrayList<>();
        HtmlParser p = new HtmlParser() {
            @Override public void handleStarttag(String tag, List<Map.Entry<String, String>> attrs) {
                seen.add(tag);
                seen.add(attrs);
                seen.add(getStarttagText());
            }
        };
        p.feed("<INPUT Disabled value=x>");
        assertEquals("input", seen.get(0));
        @SuppressWarnings("unchecked")
        List<Map.Entry<String, String>> attrs = (List<Map.Entry<String, String>>) seen.get(1);
        assertEquals("disabled", attrs.get(0).getKey());
        assertNull(attrs.get(0).getValue());
        assertEquals(HtmlParser.attr("value", "x"), attrs.get(1));
        assertEquals("<INPUT Disabled value=x>", seen.get(2));
    }

    @Test
    void badInputGetsAClearError() {
        HtmlParser p = new HtmlParser() { };
        assertThrows(IllegalArgumentException.class, () -> p.feed(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.feed("<![bogus]>"));
        assertEquals(true, e.getMessage().contains("marked section"), e.getMessage());
    }
}
