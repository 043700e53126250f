package org.pyport.pystd;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * CPython's {@code ensure_ascii=True} escaping as Jackson {@link CharacterEscapes}: like JSON's standard
 * escapes, plus DEL (0x7F), which Python escapes and Jackson's {@code ESCAPE_NON_ASCII} does not. Non-ASCII
 * characters are escaped by the generator's ESCAPE_NON_ASCII feature, one UTF-16 unit at a time, so a
 * character outside the BMP becomes a surrogate pair {@code \ud83d\ude00} just as in Python.
 */
final class PyEscapes extends CharacterEscapes {
    static final PyEscapes ENSURE_ASCII = new PyEscapes();
    private static final long serialVersionUID = 1L;

    private final int[] ascii;

    private PyEscapes() {
        ascii = standardAsciiEscapesForJSON();
        ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // null: let the generator apply its standard \\uXXXX form (lower-case hex, see PyJson.factory)
        return null;
    }
}
