package org.pyport.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The code both TimeIt and JMH measure: an MD5 digest of 4 KiB, a few microseconds of real work. */
public final class Workload {
    private static final byte[] DATA = new byte[4096];

    static {
        for (int i = 0; i < DATA.length; i++) DATA[i] = (byte) (i * 31 + 7);
    }

    private Workload() {}

    /** Digests the data; the result must be consumed, or the JIT may drop the work. */
    public static byte[] run() {
        try {
            return MessageDigest.getInstance("MD5").digest(DATA);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
