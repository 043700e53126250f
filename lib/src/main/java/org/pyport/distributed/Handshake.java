package org.pyport.distributed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual HMAC-SHA256 challenge–response, in the spirit of Python's {@code
 * multiprocessing.connection.deliver_challenge/answer_challenge}.
 *
 * <pre>
 * manager → client : MAGIC, nonceM                          (32 random bytes)
 * client  → manager: MAGIC, HMAC(key, "client" + nonceM), nonceC
 * manager → client : OK, HMAC(key, "manager" + nonceC)      or REJECTED, then close
 * </pre>
 *
 * The key never crosses the wire; the two proofs use different labels so one side's answer cannot
 * be replayed as the other's; digests are compared in constant time.
 */
final class Handshake {
  static final byte[] MAGIC = "PYPQ1".getBytes(StandardCharsets.US_ASCII);
  static final int NONCE_BYTES = 32;
  static final int MAC_BYTES = 32;
  /** Frames before authentication are tiny; a bigger one is refused without allocation. */
  static final int MAX_HANDSHAKE_FRAME = 128;
  static final byte OK = 1;
  static final byte REJECTED = 0;

  private static final byte[] CLIENT_LABEL = "client".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MANAGER_LABEL = "manager".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Handshake() {}

  static byte[] nonce() {
    byte[] n = new byte[NONCE_BYTES];
    RANDOM.nextBytes(n);
    return n;
  }

  static byte[] clientProof(byte[] key, byte[] managerNonce) {
    return hmac(key, CLIENT_LABEL, managerNonce);
  }

  static byte[] managerProof(byte[] key, byte[] clientNonce) {
    return hmac(key, MANAGER_LABEL, clientNonce);
  }

  /** Constant-time comparison: the time taken does not tell an attacker how many bytes matched. */
  static boolean matches(byte[] expected, byte[] actual) {
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] hmac(byte[] key, byte[] label, byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // HMAC keys may not be empty in the JCE; an empty authkey is mapped to one zero byte.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      mac.update(label);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  static boolean startsWithMagic(byte[] frame) {
    return frame.length >= MAGIC.length
        && Arrays.equals(frame, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  static void send(OutputStream out, byte[] frame) throws IOException {
    Frames.write(out, frame, 0, frame.length);
    out.flush();
  }
}
