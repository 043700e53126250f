package org.pyport.kernel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a Javadoc comment's source (as JShell returns it) into plain text for the inspection pane:
 * inline tags become their text, HTML becomes line breaks and entities, block tags start lines of their own.
 */
final class JavadocText {

    private static final Pattern INLINE = Pattern.compile("\\{@(linkplain|link|code|literal|value|index|systemProperty)(?:\\s+|(?=}))([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern PRE = Pattern.compile("(?is)<pre>(.*?)</pre>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]+>");

    private JavadocText() {
    }

    /**
     * @param javadoc the comment's source, without {@code /**} and leading asterisks
     * @return readable text
     */
    static String plain(String javadoc) {
        // JShell keeps the space that followed each '*': drop it once, keeping code blocks' own indentation
        String text = inlineTags(javadoc.lines().map(l -> l.startsWith(" ") ? l.substring(1) : l)
                .collect(Collectors.joining("\n")));
        // code blocks keep their own line breaks; everything else flows
        text = PRE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\n" + m.group(1).stripTrailing() + "\n"));
        text = text.replaceAll("(?i)<p>|</p>|<br\\s*/?>", "\n\n")
                .replaceAll("(?i)<li>", "\n  - ")
                .replaceAll("(?i)</?(ul|ol|blockquote|table|tr|dl)[^>]*>", "\n")
                .replaceAll("(?i)<(dt|dd|td|th)[^>]*>", "\n  ");
        text = TAG.matcher(text).replaceAll("");
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        // block tags (@param, @return...) on lines of their own, after a blank line before the first
        text = text.replaceFirst("(?m)^\\s*@(param|return|throws|exception|see|since|implNote|implSpec|apiNote)\\b",
                "\n@$1");
        return text.lines().map(String::stripTrailing).reduce(new StringBuilder(), (sb, line) -> {
            boolean blank = line.isBlank();
            boolean lastBlank = sb.length() == 0 || sb.toString().endsWith("\n\n");
            if (blank && lastBlank) {
                return sb;
            }
            return sb.append(line).append('\n');
        }, StringBuilder::append).toString().strip();
    }

    private static String inlineTags(String text) {
        Matcher m = INLINE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            String shown = switch (m.group(1)) {
                case "link", "linkplain" -> {
                    // {@link Type#member label}: the label if any, else the reference without a leading '#'
                    int space = body.indexOf(' ');
                    String ref = space < 0 ? body : body.substring(0, space);
                    yield space < 0 ? (ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.'))
                            : body.substring(space + 1).strip();
                }
                case "index" -> {
                    int space = body.indexOf(' ');
                    yield space < 0 ? body : body.substring(0, space);
                }
                default -> body;
            };
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
