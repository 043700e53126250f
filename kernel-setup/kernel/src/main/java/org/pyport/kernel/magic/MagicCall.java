package org.pyport.kernel.magic;

import java.util.List;

/**
 * One use of a magic, as the kernel hands it over: its words split like a shell would, and the same text unsplit
 * (magics that take Java code, such as {@code %time}, need it as written).
 *
 * @param name    the magic's name, without {@code %} or {@code %%}
 * @param rawArgs what follows the name on its line, unsplit (stripped)
 * @param args    {@code rawArgs} split like a shell: whitespace separated, quotes group
 * @param body    a cell magic's body (the lines after the first); null for a line magic
 * @param line    0-based line of the cell where the code the magic works on starts (the body's first line for a cell
 *                magic, the magic's own line for a line magic), for error positions
 */
public record MagicCall(String name, String rawArgs, List<String> args, String body, int line) {

    public MagicCall {
        args = List.copyOf(args);
    }

    /**
     * A call made from code (JJava's and IJava's {@code lineMagic(name, args)}), where only the words exist.
     *
     * @param name the magic's name
     * @param args its words
     * @param body the body, or null for a line magic
     * @return the call, its raw text the words joined by spaces, at line 0
     */
    public static MagicCall of(String name, List<String> args, String body) {
        return new MagicCall(name, String.join(" ", args), args, body, body == null ? 0 : 1);
    }

    /** @return true for a cell magic ({@code %%name}) */
    public boolean isCell() {
        return body != null;
    }
}
