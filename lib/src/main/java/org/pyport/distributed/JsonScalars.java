package org.pyport.distributed;

import java.nio.charset.StandardCharsets;

/**
 * JSON for the commonest task values — integers and short plain strings — without Jackson, for
 * queues using the library's default {@code ObjectMapper} only (a mapper the user configured may
 * write or read them differently). Gives exactly what a default Jackson mapper gives, or declines
 * ({@code null} / {@link #DECLINED}) and the caller asks Jackson. Why bother: per value, Jackson
 * costs a few hundred bytes of garbage and, in a fresh worker JVM, seconds of JIT compilation of
 * its deep call trees before it runs fast.
 */
final class JsonScalars {
  /** What {@link #read} returns when it leaves the value to Jackson. */
  static final Object DECLINED = new Object();

  private JsonScalars() {}

  /** @return the JSON a default mapper writes for {@code value}, or null to ask Jackson */
  static byte[] write(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return Long.toString(((Number) value).longValue()).getBytes(StandardCharsets.ISO_8859_1);
    }
    if (value instanceof String s && s.length() <= 4096) {
      byte[] out = new byte[s.length() + 2];
      out[0] = '"';
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
          return null; // escapes or UTF-8: Jackson's job
        }
        out[i + 1] = (byte) c;
      }
      out[out.length - 1] = '"';
      return out;
    }
    return null;
  }

  /**
   * @return what a default mapper reads from {@code json} as {@code type}, or {@link #DECLINED}
   */
  static Object read(byte[] json, Class<?> type) {
    if (type == Object.class || type == Long.class || type == Integer.class
        || type == Number.class) {
      int n = json.length;
      int start = n > 0 && json[0] == '-' ? 1 : 0;
      int digits = n - start;
      // at most 18 digits: always fits a long; no leading zero (not JSON), no fraction, no exponent
      if (digits < 1 || digits > 18 || (json[start] == '0' && digits > 1)) {
        return DECLINED;
      }
      long v = 0;
      for (int i = start; i < n; i++) {
        int d = json[i] - '0';
        if (d < 0 || d > 9) {
          return DECLINED;
        }
        v = v * 10 + d;
      }
      if (start == 1) {
        v = -v;
      }
      boolean fitsInt = v == (int) v;
      if (type == Long.class) {
        return v;
      }
      if (type == Integer.class) {
        return fitsInt ? (Object) (int) v : DECLINED; // out of range: Jackson's error message
      }
      return fitsInt ? (Object) (int) v : (Object) v; // untyped: Integer, else Long, like Jackson
    }
    if ((type == String.class || type == Object.class) && JsonCheck.isPlainString(json)) {
      return new String(json, 1, json.length - 2, StandardCharsets.ISO_8859_1);
    }
    return DECLINED;
  }
}
