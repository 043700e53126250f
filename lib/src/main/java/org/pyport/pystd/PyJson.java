package org.pyport.pystd;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Python's {@code json} module on top of Jackson: {@code dumps}/{@code loads} with the same text
 * CPython produces ({@code ", "} and {@code ": "} separators, {@code ensure_ascii} escapes with
 * lower-case hex, {@code indent}, {@code sort_keys}, {@code default=}, {@code object_hook=}, floats as
 * Python's {@code repr}).
 *
 * <p>{@link #dumps(Object)} follows Python's rules strictly: only maps, lists/arrays, strings, numbers,
 * booleans and null are JSON; anything else needs a {@code default} function, otherwise it fails with
 * Python's message ("Object of type Student is not JSON serializable"). {@link #mapper(Options)} is
 * the idiomatic Jackson way: an {@link ObjectMapper} that writes any bean or record with Python's
 * layout.
 */
public final class PyJson {
    private PyJson() {}

    /**
     * The keyword arguments of {@code json.dumps}; immutable, start from {@link #defaults()}.
     *
     * @param indent     {@code indent=}: -1 for None (one line), otherwise spaces per level
     * @param sortKeys   {@code sort_keys=}
     * @param ensureAscii {@code ensure_ascii=} (true in Python by default)
     * @param defaultFn  {@code default=}: turns an unsupported object into a JSON-able one, or null
     */
    public record Options(int indent, boolean sortKeys, boolean ensureAscii, Function<Object, Object> defaultFn) {
        /** Python's defaults: one line, insertion order, ASCII only, no default function. */
        public static Options defaults() {
            return new Options(-1, false, true, null);
        }

        /** {@code indent=n}: newlines and n spaces per level (items then end with "," not ", "). */
        public Options indent(int n) {
            if (n < 0) throw new IllegalArgumentException("indent must be >= 0 (use defaults() for indent=None), got " + n);
            return new Options(n, sortKeys, ensureAscii, defaultFn);
        }

        /** {@code sort_keys=}. */
        public Options sortKeys(boolean on) {
            return new Options(indent, on, ensureAscii, defaultFn);
        }

        /** {@code ensure_ascii=}. */
        public Options ensureAscii(boolean on) {
            return new Options(indent, sortKeys, on, defaultFn);
        }

        /** {@code default=fn}. */
        public Options withDefault(Function<Object, Object> fn) {
            return new Options(indent, sortKeys, ensureAscii, fn);
        }
    }

    /** {@code json.dumps(obj)}. */
    public static String dumps(Object obj) {
        return dumps(obj, Options.defaults());
    }

    /** {@code json.dumps(obj, **options)}. */
    public static String dumps(Object obj, Options options) {
        Objects.requireNonNull(options, "options");
        Object tree = toJsonable(obj, options, 0);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory(options).createGenerator(out)) {
            g.setPrettyPrinter(new PyPrettyPrinter(options.indent()));
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    /** {@code json.dump(obj, open(file, 'w', encoding='utf-8'))}: writes the text as UTF-8. */
    public static void dump(Object obj, Path file, Options options) {
        try {
            Files.writeString(file, dumps(obj, options), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to " + file, e);
        }
    }

    /**
     * {@code json.loads(s)}: objects become {@link LinkedHashMap} (key order kept, like dict), arrays
     * {@link ArrayList}, integers {@link Integer}/{@link Long}/{@link BigInteger} (Python's int has no
     * size limit), other numbers {@link Double}; {@code NaN} and {@code Infinity} are accepted as in Python.
     */
    public static Object loads(String s) {
        return loads(s, null);
    }

    /**
     * {@code json.loads(s, object_hook=hook)}: every decoded object, innermost first, is passed to
     * {@code hook} and replaced by what it returns.
     */
    public static Object loads(String s, Function<Map<String, Object>, Object> objectHook) {
        Objects.requireNonNull(s, "JSON text is null");
        try {
            return fromNode(READER.readTree(s), objectHook);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage()
                    + " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
    }

    /** {@code json.load(open(file, encoding='utf-8'))}. */
    public static Object load(Path file) {
        try {
            return loads(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON from " + file, e);
        }
    }

    /** {@link #mapper(Options)} with Python's defaults. */
    public static ObjectMapper mapper() {
        return mapper(Options.defaults());
    }

    /**
     * A Jackson mapper whose {@code writeValueAsString} lays out beans, records and maps the way
     * {@code json.dumps} does with the given indent and {@code ensure_ascii} (floats as Python's repr).
     * {@code sort_keys} maps to {@link SerializationFeature#ORDER_MAP_ENTRIES_BY_KEYS}; {@code defaultFn}
     * is ignored here: with Jackson, custom mapping is a serializer or annotation instead.
     */
    public static ObjectMapper mapper(Options options) {
        SimpleModule floats = new SimpleModule("python-float-repr");
        floats.addSerializer(Double.class, new FloatSerializer<>(Double.class));
        floats.addSerializer(double.class, new FloatSerializer<>(double.class));
        floats.addSerializer(Float.class, new FloatSerializer<>(Float.class));
        floats.addSerializer(float.class, new FloatSerializer<>(float.class));
        // primitive arrays have their own Jackson serializers that would bypass the ones above
        floats.addSerializer(double[].class, new StdSerializer<double[]>(double[].class) {
            @Override
            public void serialize(double[] a, JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                g.writeStartArray(a, a.length);
                for (double d : a) g.writeNumber(jsonFloat(d));
                g.writeEndArray();
            }
        });
        floats.addSerializer(float[].class, new StdSerializer<float[]>(float[].class) {
            @Override
            public void serialize(float[] a, JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
                g.writeStartArray(a, a.length);
                for (float f : a) g.writeNumber(jsonFloat(f));
                g.writeEndArray();
            }
        });
        JsonMapper m = JsonMapper.builder(factory(options))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, options.sortKeys())
                .defaultPrettyPrinter(new PyPrettyPrinter(options.indent()))
                .addModule(floats)
                .build();
        return m;
    }

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Output escaping like CPython: lower-case hex; with ensure_ascii also DEL and everything non-ASCII. */
    private static JsonFactory factory(Options options) {
        JsonFactory f = JsonFactory.builder()
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .configure(JsonWriteFeature.ESCAPE_NON_ASCII, options.ensureAscii())
                // writing bytes, Jackson would otherwise escape a surrogate pair (😀) even with ensure_ascii=False
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        if (options.ensureAscii()) f.setCharacterEscapes(PyEscapes.ENSURE_ASCII);
        return f;
    }

    /** Writes Double/Float as Python's repr (NaN/Infinity as the bare tokens Python's json emits). */
    private static final class FloatSerializer<T> extends StdSerializer<T> {
        FloatSerializer(Class<T> t) {
            super(t);
        }

        @Override
        public void serialize(T value, JsonGenerator g, com.fasterxml.jackson.databind.SerializerProvider p) throws IOException {
            g.writeNumber(jsonFloat(((Number) value).doubleValue()));
        }
    }

    static String jsonFloat(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return PyRepr.floatRepr(d);
    }

    /** Converts obj into maps, lists, strings, numbers, booleans and null, applying Python's rules. */
    private static Object toJsonable(Object o, Options opt, int depth) {
        if (depth > 1000) throw new IllegalArgumentException("Circular reference detected (or nesting deeper than 1000)");
        if (o == null || o instanceof String || o instanceof Boolean) return o;
        if (o instanceof Character) return o.toString();
        if (o instanceof Double || o instanceof Float) return new RawNumber(jsonFloat(((Number) o).doubleValue()));
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger) return o;
        if (o instanceof BigDecimal) return new RawNumber(((BigDecimal) o).toString());
        if (o instanceof Map) {
            Map<String, Object> out = opt.sortKeys() ? new TreeMap<>() : new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                out.put(key(e.getKey()), toJsonable(e.getValue(), opt, depth + 1));
            }
            return out;
        }
        if (o instanceof Collection || o instanceof Object[]) {
            Iterable<?> items = o instanceof Object[] ? List.of((Object[]) o) : (Collection<?>) o;
            List<Object> out = new ArrayList<>();
            for (Object x : items) out.add(toJsonable(x, opt, depth + 1));
            return out;
        }
        if (o instanceof Optional) return toJsonable(((Optional<?>) o).orElse(null), opt, depth + 1);
        if (opt.defaultFn() != null) return toJsonable(opt.defaultFn().apply(o), opt, depth + 1);
        throw new IllegalArgumentException("Object of type " + o.getClass().getSimpleName()
                + " is not JSON serializable (Python raises TypeError here; pass a default function)");
    }

    /** dict keys: str, int, float, bool or None, as json.dumps converts them. */
    private static String key(Object k) {
        if (k instanceof String) return (String) k;
        if (k == null) return "null";
        if (k instanceof Boolean) return k.toString();
        if (k instanceof Double || k instanceof Float) return jsonFloat(((Number) k).doubleValue());
        if (k instanceof Integer || k instanceof Long || k instanceof Short || k instanceof Byte || k instanceof BigInteger) {
            return k.toString();
        }
        throw new IllegalArgumentException("keys must be str, int, float, bool or None, not " + k.getClass().getSimpleName());
    }

    /** A number already formatted the Python way. */
    private record RawNumber(String text) {}

    private static void write(JsonGenerator g, Object o) throws IOException {
        if (o == null) g.writeNull();
        else if (o instanceof String) g.writeString((String) o);
        else if (o instanceof Boolean) g.writeBoolean((Boolean) o);
        else if (o instanceof RawNumber) g.writeNumber(((RawNumber) o).text());
        else if (o instanceof BigInteger) g.writeNumber((BigInteger) o);
        else if (o instanceof Number) g.writeNumber(((Number) o).longValue());
        else if (o instanceof Map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object x : (List<?>) o) write(g, x);
            g.writeEndArray();
        }
    }

    private static Object fromNode(JsonNode n, Function<Map<String, Object>, Object> hook) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), fromNode(e.getValue(), hook));
            }
            return hook == null ? m : hook.apply(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode x : n) l.add(fromNode(x, hook));
            return l;
        }
        if (n.isTextual()) return n.textValue();
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNull()) return null;
        if (n.isIntegralNumber()) {
            BigInteger b = n.bigIntegerValue();
            if (b.bitLength() < 32) return b.intValue();
            if (b.bitLength() < 64) return b.longValue();
            return b;
        }
        return n.doubleValue();
    }
}
