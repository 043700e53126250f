package org.pyport.pystd;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;

/**
 * The layout of Python's {@code json.dumps}: with {@code indent=None} items are separated by
 * {@code ", "} and keys by {@code ": "}; with an indent every item goes on its own line and items end
 * with {@code ","}. Empty containers stay {@code {}} and {@code []}, as in CPython.
 */
final class PyPrettyPrinter implements PrettyPrinter, Instantiatable<PyPrettyPrinter> {
    private final int indent;
    private int level;

    /** @param indent -1 for Python's {@code indent=None}, else spaces per level */
    PyPrettyPrinter(int indent) {
        this.indent = indent;
    }

    @Override
    public PyPrettyPrinter createInstance() {
        // Jackson asks for a fresh instance per generator because this one counts nesting
        return new PyPrettyPrinter(indent);
    }

    private void newline(JsonGenerator g) throws IOException {
        g.writeRaw('\n');
        if (indent > 0) g.writeRaw(" ".repeat(indent * level));
    }

    @Override public void writeRootValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(' '); }

    @Override public void writeStartObject(JsonGenerator g) throws IOException { g.writeRaw('{'); level++; }

    @Override public void beforeObjectEntries(JsonGenerator g) throws IOException { if (indent >= 0) newline(g); }

    @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(": "); }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        if (indent >= 0) {
            g.writeRaw(',');
            newline(g);
        } else {
            g.writeRaw(", ");
        }
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        level--;
        if (indent >= 0 && entries > 0) newline(g);
        g.writeRaw('}');
    }

    @Override public void writeStartArray(JsonGenerator g) throws IOException { g.writeRaw('['); level++; }

    @Override public void beforeArrayValues(JsonGenerator g) throws IOException { if (indent >= 0) newline(g); }

    @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException { writeObjectEntrySeparator(g); }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
        level--;
        if (indent >= 0 && values > 0) newline(g);
        g.writeRaw(']');
    }
}
