package org.pyport.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java code and magics. A cell whose first non-blank line starts with {@code %%} is a cell
 * magic; otherwise lines starting with {@code %} are line magics and everything else is Java.
 */
final class CellParser {

    /** One piece of a cell: Java code, or a line magic, starting at 0-based line {@code line}. */
    record Part(String magic, List<String> args, String code, int line) {
        boolean isMagic() {
            return magic != null;
        }

        /** @return for a line magic, the text after its name, unsplit */
        String rawArgs() {
            return code.substring(code.indexOf(magic) + magic.length()).strip();
        }
    }

    /** A cell magic call: name, arguments and body. */
    record CellMagicCall(String name, List<String> args, String body, int bodyLine, String rawArgs) {
    }

    private CellParser() {
    }

    /** @return the cell magic call if the cell is one, else null */
    static CellMagicCall cellMagic(String cell) {
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.isEmpty()) {
                continue;
            }
            if (!stripped.startsWith("%%")) {
                return null;
            }
            List<String> words = split(stripped.substring(2));
            if (words.isEmpty()) {
                return null;
            }
            StringBuilder body = new StringBuilder();
            for (int j = i + 1; j < lines.length; j++) {
                body.append(lines[j]);
                if (j < lines.length - 1) {
                    body.append('\n');
                }
            }
            String afterName = stripped.substring(2).strip().substring(words.get(0).length()).strip();
            return new CellMagicCall(words.get(0), words.subList(1, words.size()), body.toString(), i + 1, afterName);
        }
        return null;
    }

    /** @return the cell split into consecutive Java chunks and line magics, in order */
    static List<Part> parts(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder java = new StringBuilder();
        int javaStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (stripped.startsWith("%") && !stripped.startsWith("%%") && stripped.length() > 1
                    && Character.isJavaIdentifierStart(stripped.charAt(1))) {
                if (!java.toString().isBlank()) {
                    parts.add(new Part(null, List.of(), java.toString(), javaStart));
                }
                java.setLength(0);
                javaStart = i + 1;
                List<String> words = split(stripped.substring(1));
                parts.add(new Part(words.get(0), words.subList(1, words.size()), stripped, i));
            } else {
                java.append(lines[i]).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            parts.add(new Part(null, List.of(), java.toString(), javaStart));
        }
        return parts;
    }

    /** What {@link #inlineMagics} calls in place of a magic used as a value. */
    static final String MAGIC_CALL = "org.pyport.kernel.runtime.Notebook.lineMagicAt";

    /**
     * IJava's magics as values: in Java code, a line magic may stand where an expression can, after an {@code =}
     * ({@code List<String> added = %jars lib/*.jar}); it takes the rest of its line (a {@code ;} ending it aside).
     * Each is replaced by a call that runs the magic through the kernel and returns its value. A {@code %} inside a
     * string, character or text block literal or a comment is left alone, and so is the {@code %} operator.
     *
     * @param java      Java source
     * @param firstLine 0-based cell line where {@code java} starts (the magics' line numbers)
     * @return the source with its magics replaced, line for line
     */
    static String inlineMagics(String java, int firstLine) {
        StringBuilder out = null;
        int copied = 0;
        int n = java.length();
        int i = 0;
        while (i < n) {
            char c = java.charAt(i);
            if (c == '/' && i + 1 < n && java.charAt(i + 1) == '/') {
                int nl = java.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '*') {
                int close = java.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                i = skipLiteral(java, i + 3, "\"\"\"");
            } else if (c == '"' || c == '\'') {
                i = skipLiteral(java, i + 1, String.valueOf(c));
            } else if (c == '%' && i + 1 < n && Character.isJavaIdentifierStart(java.charAt(i + 1)) && afterAssignment(java, i)) {
                int nl = java.indexOf('\n', i);
                int lineEnd = nl < 0 ? n : nl;
                String magic = java.substring(i + 1, lineEnd).strip();
                if (magic.endsWith(";")) {
                    magic = magic.substring(0, magic.length() - 1).strip();
                }
                int nameEnd = 0;
                while (nameEnd < magic.length() && Character.isJavaIdentifierPart(magic.charAt(nameEnd))) {
                    nameEnd++;
                }
                if (out == null) {
                    out = new StringBuilder(n + 64);
                }
                int line = firstLine + (int) java.substring(0, i).chars().filter(ch -> ch == '\n').count();
                out.append(java, copied, i).append(MAGIC_CALL).append('(').append(javaString(magic.substring(0, nameEnd)))
                        .append(", ").append(javaString(magic.substring(nameEnd).strip())).append(", ").append(line).append(");");
                copied = lineEnd;
                i = lineEnd;
            } else {
                i++;
            }
        }
        return out == null ? java : out.append(java, copied, n).toString();
    }

    /** @return true if the nearest non-blank character before {@code at} is an assignment's {@code =} */
    private static boolean afterAssignment(String java, int at) {
        int j = at - 1;
        while (j >= 0 && (java.charAt(j) == ' ' || java.charAt(j) == '\t')) {
            j--;
        }
        if (j < 0 || java.charAt(j) != '=') {
            return false;
        }
        return j == 0 || "=!<>+-*/&|^%".indexOf(java.charAt(j - 1)) < 0;
    }

    /** @return {@code text} as a Java string literal (also a JSON string: the training run's requests use it) */
    static String javaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < ' ' || c > '~') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** @return the index after the literal's closing {@code quote} (backslash escapes skipped), or the end */
    private static int skipLiteral(String java, int from, String quote) {
        int i = from;
        while (i < java.length()) {
            if (java.charAt(i) == '\\') {
                i += 2;
            } else if (java.startsWith(quote, i)) {
                return i + quote.length();
            } else if (quote.length() == 1 && java.charAt(i) == '\n') {
                return i; // an unclosed literal ends at the line's end (javac reports it)
            } else {
                i++;
            }
        }
        return java.length();
    }

    /** Splits magic arguments like a shell: whitespace separated, single or double quotes group. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
