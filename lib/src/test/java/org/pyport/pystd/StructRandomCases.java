package org.pyport.pystd;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random struct formats, values and buffers, biased towards the places where a port goes wrong:
 * range boundaries, rounding ties of {@code e} and {@code f}, NaNs, alignment, Pascal strings,
 * wrong types, wrong value counts and bad formats.
 */
final class StructRandomCases {
    private static final String STANDARD_CODES = "xcbB?hHiIlLqQefdsp";
    private static final String NATIVE_CODES = STANDARD_CODES + "nNP";
    private static final String[] ORDERS = {"", "@", "=", "<", ">", "!"};

    private final Random rnd;

    StructRandomCases(long seed) {
        this.rnd = new Random(seed);
    }

    /** {@code n} formats, each with a calcsize, a pack, an unpack and one of the offset/iter calls. */
    List<StructOracle.Case> generate(int n) {
        List<StructOracle.Case> cases = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String order = ORDERS[rnd.nextInt(ORDERS.length)];
            boolean nat = order.isEmpty() || order.equals("@");
            String codes = nat ? NATIVE_CODES : STANDARD_CODES;
            StringBuilder fmt = new StringBuilder(order);
            List<Object> values = new ArrayList<>();
            int items = 1 + rnd.nextInt(5);
            for (int j = 0; j < items; j++) {
                char c = codes.charAt(rnd.nextInt(codes.length()));
                boolean stringLike = c == 's' || c == 'p';
                int count = 1;
                if (stringLike ? rnd.nextInt(4) != 0 : rnd.nextInt(4) == 0) {
                    count = stringLike ? rnd.nextInt(rnd.nextInt(10) == 0 ? 300 : 12) : rnd.nextInt(4);
                    if (c == 'p' && count == 0) {
                        count = 1; // CPython 3.11 mishandles 0p: see StructTest
                    }
                    fmt.append(count);
                }
                fmt.append(c);
                if (rnd.nextInt(8) == 0) {
                    fmt.append(" \t\n".charAt(rnd.nextInt(3)));
                }
                if (c == 'x') {
                    continue;
                }
                int nValues = stringLike ? 1 : count;
                for (int v = 0; v < nValues; v++) {
                    values.add(value(c, count, nat));
                }
            }
            String f = fmt.toString();
            if (rnd.nextInt(25) == 0) {
                f = corrupt(f);
            }
            if (rnd.nextInt(30) == 0) {
                if (!values.isEmpty() && rnd.nextBoolean()) {
                    values.remove(rnd.nextInt(values.size()));
                } else {
                    values.add(7L);
                }
            }
            cases.add(StructOracle.Case.calcsize(f));
            cases.add(StructOracle.Case.pack(f, values.toArray()));
            int size;
            try {
                size = Struct.calcsize(f);
            } catch (StructError e) {
                size = rnd.nextInt(8);
            }
            int len = rnd.nextInt(20) == 0 ? Math.max(0, size + rnd.nextInt(3) - 1) : size;
            cases.add(StructOracle.Case.unpack(f, randomBytes(len)));
            switch (rnd.nextInt(3)) {
                case 0: {
                    byte[] buf = randomBytes(size + rnd.nextInt(6));
                    int offset = rnd.nextInt(buf.length + 3) - (rnd.nextBoolean() ? buf.length + 1 : 0);
                    cases.add(StructOracle.Case.unpackFrom(f, buf, offset));
                    break;
                }
                case 1:
                    cases.add(StructOracle.Case.iterUnpack(f, randomBytes(size * rnd.nextInt(4) + (rnd.nextInt(8) == 0 ? 1 : 0))));
                    break;
                default: {
                    byte[] buf = randomBytes(size + rnd.nextInt(6));
                    int offset = rnd.nextInt(buf.length + 3) - (rnd.nextBoolean() ? buf.length + 1 : 0);
                    cases.add(StructOracle.Case.packInto(f, buf, offset, values.toArray()));
                }
            }
        }
        return cases;
    }

    private String corrupt(String f) {
        int at = rnd.nextInt(f.length() + 1);
        String bad = new String[] {"z", "a", "Z", "%", "2", "#", " <", "3 ", "@", "n"}[rnd.nextInt(10)];
        return f.substring(0, at) + bad + f.substring(at);
    }

    private Object value(char c, int count, boolean nat) {
        if (rnd.nextInt(60) == 0) {
            return wrongType();
        }
        switch (c) {
            case 'c':
                return rnd.nextInt(30) == 0 ? randomBytes(rnd.nextInt(3)) : randomBytes(1);
            case '?':
                return truthValue();
            case 's':
            case 'p':
                return randomBytes(rnd.nextInt(count + 4 + (count > 250 ? 100 : 0)));
            case 'e':
            case 'f':
            case 'd':
                return floatValue(c);
            default:
                return intValue(c, nat);
        }
    }

    private Object wrongType() {
        switch (rnd.nextInt(5)) {
            case 0: return 1.5;
            case 1: return "1";
            case 2: return new byte[] {1};
            case 3: return null;
            default: return BigInteger.ONE.shiftLeft(1100);
        }
    }

    private Object truthValue() {
        switch (rnd.nextInt(8)) {
            case 0: return rnd.nextBoolean();
            case 1: return (long) rnd.nextInt(3);
            case 2: return rnd.nextBoolean() ? 0.0 : Double.NaN;
            case 3: return randomBytes(rnd.nextInt(2));
            case 4: return rnd.nextBoolean() ? "" : "a";
            case 5: return null;
            case 6: return BigInteger.valueOf(rnd.nextInt(2));
            default: return rnd.nextBoolean() ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    /** Integer values: in range, at and just past the boundaries, and far beyond 64 bits. */
    private Object intValue(char c, boolean nat) {
        int bytes;
        switch (c) {
            case 'b': case 'B': bytes = 1; break;
            case 'h': case 'H': bytes = 2; break;
            case 'i': case 'I': bytes = 4; break;
            case 'l': case 'L': bytes = nat ? 8 : 4; break;
            default: bytes = 8;
        }
        boolean signed = Character.isLowerCase(c);
        BigInteger lo = signed ? BigInteger.ONE.shiftLeft(8 * bytes - 1).negate() : BigInteger.ZERO;
        BigInteger hi = (signed ? BigInteger.ONE.shiftLeft(8 * bytes - 1) : BigInteger.ONE.shiftLeft(8 * bytes)).subtract(BigInteger.ONE);
        BigInteger v;
        switch (rnd.nextInt(10)) {
            case 0: v = lo; break;
            case 1: v = hi; break;
            case 2: v = lo.subtract(BigInteger.ONE); break;
            case 3: v = hi.add(BigInteger.ONE); break;
            case 4: {
                BigInteger[] far = {BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(63).negate(),
                    BigInteger.ONE.shiftLeft(63).negate().subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(64).negate(),
                    BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), new BigInteger(90, rnd), BigInteger.valueOf(-1)};
                v = far[rnd.nextInt(far.length)];
                break;
            }
            default:
                v = new BigInteger(8 * bytes, rnd).add(lo); // uniform in range
        }
        switch (rnd.nextInt(6)) {
            case 0: return v;
            case 1: return v.bitLength() < 32 ? (Object) v.intValue() : v;
            case 2: return v.equals(BigInteger.ONE) ? Boolean.TRUE : v.equals(BigInteger.ZERO) ? (Object) Boolean.FALSE : v;
            default: return v.bitLength() < 64 ? (Object) v.longValue() : v;
        }
    }

    /** Floats: random bit patterns (NaN payloads, subnormals), rounding ties, overflow edges. */
    private Object floatValue(char c) {
        switch (rnd.nextInt(9)) {
            case 0:
                return Double.longBitsToDouble(rnd.nextLong());
            case 1: { // exactly halfway between two halves, or between two floats
                if (c == 'e') {
                    double a = StructFloats.fromHalf(rnd.nextInt(0x7c00));
                    double b = StructFloats.fromHalf(rnd.nextInt(0x7c00));
                    return (a + b) / 2;
                }
                float a = Float.intBitsToFloat(rnd.nextInt(0x7f800000));
                return ((double) a + (double) Math.nextUp(a)) / 2;
            }
            case 2: {
                double[] edges = {65504.0, 65519.99, 65520.0, 65536.0, Math.scalb(1.0, -24), Math.scalb(1.0, -25),
                    Math.scalb(1.5, -25), Math.scalb(1.0, -26), Float.MAX_VALUE, 3.4028235677973366e38, 3.4028235677973367e38,
                    Double.MAX_VALUE, Double.MIN_VALUE, Float.MIN_VALUE, Math.scalb(1.0, -150), Math.scalb(1.5, -150),
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, -0.0, 0.0, 1e300};
                double d = edges[rnd.nextInt(edges.length)];
                return rnd.nextBoolean() ? d : -d;
            }
            case 3:
                return (rnd.nextBoolean() ? 1 : -1) * Math.pow(10, rnd.nextDouble() * 100 - 50);
            case 4:
                return rnd.nextFloat() * 1000 - 500; // a Java Float
            case 5:
                return rnd.nextLong() >> rnd.nextInt(64);
            case 6:
                return new BigInteger(rnd.nextInt(1100) + 1, rnd);
            case 7:
                return (double) (rnd.nextInt(200000) - 100000) / (1 << rnd.nextInt(20));
            default:
                return rnd.nextGaussian() * 100;
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
