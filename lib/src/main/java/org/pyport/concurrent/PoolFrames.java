package org.pyport.concurrent;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pool's wire format between parent and worker: {@code type:byte id:long length:int payload}.
 * Output, results and tasks share one socket so a task's printed lines always arrive before its result.
 *
 * <p>Before any frame is read as data, each side proves it holds the pool's secret (32 random bytes the
 * parent gives each worker on its stdin), with HMAC-SHA256 of a fresh nonce from the other side:
 * <pre>
 * parent → worker: CHALLENGE  nonceP
 * worker → parent: HELLO      id = pid, HMAC(secret, "pool-worker" + nonceP + pid), nonceW
 * parent → worker: WELCOME    HMAC(secret, "pool-parent" + nonceW + pid)
 * </pre>
 * A connection that fails (wrong proof, a pid that is not one of this pool's workers or already
 * connected, a frame too big for a handshake, silence) is closed before it is sent anything else.
 */
final class PoolFrames {
    private PoolFrames() {}

    static final byte HELLO = 1;     // worker → parent, id = pid, payload = proof + nonce
    static final byte TASK = 2;      // parent → worker, payload = serialized task
    static final byte OUT = 3;       // worker → parent, payload = UTF-8 bytes printed to System.out
    static final byte ERR = 4;       // worker → parent, payload = UTF-8 bytes printed to System.err
    static final byte RESULT = 5;    // worker → parent, payload = serialized result
    static final byte FAIL = 6;      // worker → parent, payload = UTF-8 stack trace
    static final byte SHUTDOWN = 7;  // parent → worker
    static final byte CHALLENGE = 8; // parent → worker, payload = nonce
    static final byte WELCOME = 9;   // parent → worker, payload = the parent's proof

    /** Hard limit on one frame, so a corrupt length cannot make us wait for gigabytes. */
    static final int MAX_FRAME = 64 * 1024 * 1024;
    /** Handshake frames carry at most a proof and a nonce. */
    static final int MAX_HANDSHAKE_FRAME = 64;
    static final int SECRET_BYTES = 32;
    private static final int FIRST_CHUNK = 8192;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Frame(byte type, long id, byte[] payload) {}

    static void write(DataOutputStream out, byte type, long id, byte[] payload) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeLong(id);
            out.writeInt(payload.length);
            out.write(payload);
            out.flush();
        }
    }

    /** Reads one frame; its buffer grows with the bytes that arrive, not with what the header announces. */
    static Frame read(DataInputStream in, int maxPayload) throws IOException {
        byte type = in.readByte();
        long id = in.readLong();
        int len = in.readInt();
        if (len < 0 || len > maxPayload) throw new IOException("corrupt frame: length " + len + " (limit " + maxPayload + ")");
        byte[] payload = new byte[Math.min(len, FIRST_CHUNK)];
        for (int done = 0; done < len; done = payload.length) {
            if (done > 0) payload = Arrays.copyOf(payload, (int) Math.min(len, 2L * done));
            in.readFully(payload, done, payload.length - done);
        }
        return new Frame(type, id, payload);
    }

    static byte[] nonce(int bytes) {
        byte[] n = new byte[bytes];
        RANDOM.nextBytes(n);
        return n;
    }

    /** HMAC-SHA256 of {@code label + nonce + pid} with the pool's secret. */
    static byte[] proof(byte[] secret, String label, byte[] nonce, long pid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            mac.update(nonce);
            return mac.doFinal(ByteBuffer.allocate(8).putLong(pid).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** Constant-time: the time taken does not tell how many bytes matched. */
    static boolean matches(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }

    static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
