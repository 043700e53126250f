package org.pyport.distributed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Checks that bytes are exactly one well-formed JSON value, without building it: the manager only
 * stores values, but must not pass garbage from one client to another. Jackson's default read
 * constraints (nesting depth, string length) bound the work.
 */
final class JsonCheck {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonCheck() {}

  /** JSON's number grammar, nothing around it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  static boolean isPlainNumber(byte[] b) {
    int n = b.length;
    int i = 0;
    if (i < n && b[i] == '-') {
      i++;
    }
    if (i >= n || !digit(b[i])) {
      return false;
    }
    if (b[i] == '0') {
      i++;
    } else {
      while (i < n && digit(b[i])) {
        i++;
      }
    }
    if (i < n && b[i] == '.') {
      int start = ++i;
      while (i < n && digit(b[i])) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i < n && (b[i] == 'e' || b[i] == 'E')) {
      i++;
      if (i < n && (b[i] == '+' || b[i] == '-')) {
        i++;
      }
      int start = i;
      while (i < n && digit(b[i])) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    return i == n && n <= 1000; // longer numbers: let Jackson apply its number-length limit
  }

  /** A string of printable ASCII without escapes: "..." with no quote, backslash or control. */
  static boolean isPlainString(byte[] b) {
    int n = b.length;
    if (n < 2 || b[0] != '"' || b[n - 1] != '"' || n > 10_000) {
      return false;
    }
    for (int i = 1; i < n - 1; i++) {
      int c = b[i];
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
        return false; // (bytes >= 0x80 are negative here: UTF-8 goes to Jackson)
      }
    }
    return true;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }

  static boolean isOneValue(byte[] json) {
    // most task values are a number or a short plain string: checked here without a parser
    // (which costs a few allocations per value); anything else goes to Jackson
    return isPlainNumber(json) || isPlainString(json) || jacksonSaysOneValue(json);
  }

  /** The general check: Jackson reads exactly one JSON value and nothing after it. */
  static boolean jacksonSaysOneValue(byte[] json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        return false;
      }
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
