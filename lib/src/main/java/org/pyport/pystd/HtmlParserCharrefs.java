package org.pyport.pystd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML5 character-reference decoding, the counterpart of Python's {@code html.unescape}.
 *
 * <p>The JDK has no HTML entity table, so the WHATWG list of named references ships as the
 * resource {@code html5-entities.txt}. Numeric references follow the standard's error handling:
 * the Windows-1252 remapping of 0x80–0x9F, U+FFFD for NUL, surrogates and values beyond U+10FFFF,
 * and the empty string for control characters and non-characters.
 */
final class HtmlParserCharrefs {

    /** A reference: {@code &#digits}, {@code &#xhex}, or up to 32 name code points, each with an optional ';'. */
    private static final Pattern CHARREF =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

    private static final Map<String, String> NAMED = loadNamed();

    private HtmlParserCharrefs() {
    }

    /** Replaces every named and numeric character reference in {@code s} by the text it stands for. */
    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            out.append(s, last, m.start()).append(replacement(m.group(1)));
            last = m.end();
        }
        return out.append(s, last, s.length()).toString();
    }

    /** True when {@code name} (with or without its ';') is an HTML5 named reference. */
    static boolean isNamed(String name) {
        return NAMED.containsKey(name);
    }

    private static String replacement(String ref) {
        if (ref.charAt(0) == '#') {
            return numeric(ref);
        }
        String whole = NAMED.get(ref);
        if (whole != null) {
            return whole;
        }
        // The standard decodes the longest known prefix ("&ampx" is "&x"); the table is pure ASCII,
        // so cutting in UTF-16 units finds the same prefixes as cutting in code points.
        for (int x = ref.length() - 1; x > 1; x--) {
            String prefix = NAMED.get(ref.substring(0, x));
            if (prefix != null) {
                return prefix + ref.substring(x);
            }
        }
        return "&" + ref;
    }

    private static String numeric(String ref) {
        boolean hex = ref.length() > 1 && (ref.charAt(1) == 'x' || ref.charAt(1) == 'X');
        String digits = ref.substring(hex ? 2 : 1);
        if (digits.endsWith(";")) {
            digits = digits.substring(0, digits.length() - 1);
        }
        // Leading zeros are allowed in any number; anything longer than 8 significant digits is
        // beyond U+10FFFF whatever the base, which avoids overflowing a long.
        String significant = digits.replaceFirst("^0+(?=.)", "");
        long num = significant.length() > 8 ? Long.MAX_VALUE : Long.parseLong(significant, hex ? 16 : 10);
        String remapped = remapInvalid(num);
        if (remapped != null) {
            return remapped;
        }
        if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF) {
            return "\uFFFD";
        }
        if (isInvalidCodePoint((int) num)) {
            return "";
        }
        return new String(Character.toChars((int) num));
    }

    /** The standard's table for NUL, CR and the C1 range, which browsers read as Windows-1252. */
    private static String remapInvalid(long num) {
        if (num == 0x00) {
            return "\uFFFD";
        }
        if (num == 0x0D) {
            return "\r";
        }
        if (num < 0x80 || num > 0x9F) {
            return null;
        }
        final String c1 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
                + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";
        return String.valueOf(c1.charAt((int) num - 0x80));
    }

    /** Controls and non-characters, which the standard drops. */
    private static boolean isInvalidCodePoint(int cp) {
        return (cp >= 0x01 && cp <= 0x08) || cp == 0x0B || (cp >= 0x0E && cp <= 0x1F)
                || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF)
                || (cp & 0xFFFE) == 0xFFFE;
    }

    private static Map<String, String> loadNamed() {
        InputStream in = HtmlParserCharrefs.class.getResourceAsStream("html5-entities.txt");
        if (in == null) {
            throw new IllegalStateException("resource org/pyport/pystd/html5-entities.txt missing from the classpath:"
                    + " rebuild pyport-lib");
        }
        Map<String, String> named = new HashMap<>(4096);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                StringBuilder value = new StringBuilder();
                for (String hex : line.substring(tab + 1).split(" ")) {
                    value.appendCodePoint(Integer.parseInt(hex, 16));
                }
                named.put(line.substring(0, tab), value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HTML5 entity table", e);
        }
        return Map.copyOf(named);
    }
}
