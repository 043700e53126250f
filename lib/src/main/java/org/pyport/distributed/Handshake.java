package org.pyport.distributed;

import java.nio.ByteBuffer;
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
 *                    or REFUSED, reason (UTF-8)            (dropped, or over a limit)
 * </pre>
 *
 * The key never crosses the wire; the two proofs use different labels so one side's answer cannot
 * be replayed as the other's; digests are compared in constant time.
 */
final class Handshake {
  static final byte[] MAGIC = "PYPQ1".getBytes(StandardCharsets.US_ASCII);
  static final int NONCE_BYTES = 32;
  static final int MAC_BYTES = 32;
  static final int ANSWER_BYTES = 5 + MAC_BYTES + NONCE_BYTES; // the client's: MAGIC, proof, nonce
  static final int MAX_HANDSHAKE_FRAME = 1024; // a manager's are small: a bigger one is not a manager's
  static final byte OK = 1, REJECTED = 0, REFUSED = 2;

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

  /** In constant time: the time taken does not tell an attacker how many bytes matched. */
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
    ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
    Arrays.stream(parts).forEach(b::put);
    return b.array();
  }

  static boolean startsWithMagic(byte[] frame) {
    return frame.length >= MAGIC.length
        && Arrays.equals(frame, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /** Why the manager drops a connection that has not authenticated. */
  static byte[] refused(String reason) {
    return concat(new byte[] {REFUSED}, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** The frame {@code payload} with its length prefix, for a non-blocking write. */
  static ByteBuffer framed(byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
  }
}
