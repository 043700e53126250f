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

  static boolean isOneValue(byte[] json) {
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
