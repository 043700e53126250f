package org.pyport.pystd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same struct operations in CPython ({@code struct_oracle.py}, one python3 process per
 * batch) and in {@link Struct}, and encodes both answers the same way so they compare as JSON.
 */
final class StructOracle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();

    /** One struct call: op is calcsize, pack, unpack, unpack_from, iter_unpack or pack_into. */
    record Case(String op, String fmt, Object[] values, byte[] buf, int offset) {
        static Case calcsize(String fmt) {
            return new Case("calcsize", fmt, null, null, 0);
        }

        static Case pack(String fmt, Object... values) {
            return new Case("pack", fmt, values, null, 0);
        }

        static Case unpack(String fmt, byte[] buf) {
            return new Case("unpack", fmt, null, buf, 0);
        }

        static Case unpackFrom(String fmt, byte[] buf, int offset) {
            return new Case("unpack_from", fmt, null, buf, offset);
        }

        static Case iterUnpack(String fmt, byte[] buf) {
            return new Case("iter_unpack", fmt, null, buf, 0);
        }

        static Case packInto(String fmt, byte[] buf, int offset, Object... values) {
            return new Case("pack_into", fmt, values, buf, offset);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(op).append("(").append(JSON.valueToTree(fmt).toString());
            if (buf != null) {
                s.append(", buf=").append(HEX.formatHex(buf));
            }
            if (!op.equals("calcsize") && !op.equals("pack") && !op.equals("unpack") && !op.equals("iter_unpack")) {
                s.append(", offset=").append(offset);
            }
            if (values != null) {
                s.append(", values=").append(encode(values));
            }
            return s.append(")").toString();
        }
    }

    private StructOracle() {
    }

    /** CPython's answers, in order: {"ok": value} or {"err": [type, message]}. */
    static List<JsonNode> python(List<Case> cases) throws IOException, InterruptedException {
        ArrayNode request = NODES.arrayNode();
        for (Case c : cases) {
            ObjectNode n = request.addObject();
            n.put("op", c.op).put("fmt", c.fmt).put("offset", c.offset);
            if (c.values != null) {
                n.set("values", encode(c.values));
            }
            if (c.buf != null) {
                n.set("buf", encode(c.buf));
            }
        }
        String script;
        try (InputStream in = StructOracle.class.getResourceAsStream("struct_oracle.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String python = System.getenv().getOrDefault("PYPORT_PYTHON", "python3");
        Process p = new ProcessBuilder(python, "-c", script).start();
        try {
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(JSON.writeValueAsBytes(request));
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("python3 oracle did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("python3 oracle failed: " + new String(err.join(), StandardCharsets.UTF_8));
            }
            List<JsonNode> answers = new ArrayList<>();
            JSON.readTree(out.join()).forEach(answers::add);
            return answers;
        } finally {
            p.destroyForcibly();
        }
    }

    /** This port's answer to one case, encoded as the oracle encodes CPython's. */
    static JsonNode java(Case c) {
        ObjectNode n = NODES.objectNode();
        try {
            Object result;
            switch (c.op) {
                case "calcsize":
                    result = (long) Struct.calcsize(c.fmt);
                    break;
                case "pack":
                    result = Struct.pack(c.fmt, c.values);
                    break;
                case "unpack":
                    result = Struct.unpack(c.fmt, c.buf);
                    break;
                case "unpack_from":
                    result = Struct.unpackFrom(c.fmt, c.buf, c.offset);
                    break;
                case "iter_unpack":
                    result = Struct.iterUnpack(c.fmt, c.buf).toArray();
                    break;
                case "pack_into": {
                    byte[] b = c.buf.clone();
                    Struct.packInto(c.fmt, b, c.offset, c.values);
                    result = b;
                    break;
                }
                default:
                    throw new IllegalArgumentException(c.op);
            }
            n.set("ok", encode(result, true));
        } catch (StructError e) {
            n.set("err", NODES.arrayNode().add("error").add(e.getMessage()));
        } catch (ArithmeticException e) {
            n.set("err", NODES.arrayNode().add("OverflowError").add(e.getMessage()));
        }
        return n;
    }

    /** The tagged JSON form of a Java value (see struct_oracle.py). */
    static JsonNode encode(Object v) {
        return encode(v, false);
    }

    /**
     * @param nanAsText results carry NaN as "nan": the sign and payload of a NaN are not compared;
     *     requests carry the exact bits so CPython packs the very same NaN
     */
    static JsonNode encode(Object v, boolean nanAsText) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Object[]) {
            ArrayNode a = NODES.arrayNode();
            for (Object x : (Object[]) v) {
                a.add(encode(x, nanAsText));
            }
            return a;
        }
        ObjectNode n = NODES.objectNode();
        if (v instanceof Boolean) {
            n.put("t", (Boolean) v);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            n.put("i", v.toString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            n.put("f", Double.isNaN(d) && nanAsText ? "nan" : String.format("%016x", Double.doubleToRawLongBits(d)));
        } else if (v instanceof byte[]) {
            n.put("b", HEX.formatHex((byte[]) v));
        } else if (v instanceof String) {
            n.put("s", (String) v);
        } else {
            throw new IllegalArgumentException("cannot encode " + v.getClass());
        }
        return n;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
