package org.pyport.pystd;

import java.util.List;

/**
 * The string rules of {@code os.path.split} and {@code os.path.splitext} (POSIX), which
 * {@link java.nio.file.Path} does not share: Path drops a trailing slash and has no notion of an
 * extension, while Python keeps {@code ('/a/b', '')} for {@code '/a/b/'} and never treats a leading
 * dot ({@code .bashrc}) as an extension.
 */
public final class PyPaths {
    private PyPaths() {}

    /** {@code os.path.split(p)} as [head, tail]. */
    public static List<String> split(String p) {
        int i = p.lastIndexOf('/') + 1;
        String head = p.substring(0, i), tail = p.substring(i);
        // strip trailing slashes from head unless it is all slashes (the root)
        if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
        return List.of(head, tail);
    }

    /** {@code os.path.splitext(p)} as [root, ext]: ext starts at the last dot of the last component, unless that component is all leading dots. */
    public static List<String> splitext(String p) {
        int sep = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > sep) {
            int first = sep + 1;
            while (first < dot && p.charAt(first) == '.') first++;
            if (first < dot) return List.of(p.substring(0, dot), p.substring(dot));
        }
        return List.of(p, "");
    }
}
