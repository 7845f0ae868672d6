package dev.polyphony.graph.split;

import java.util.HashSet;
import java.util.List;

/** Validation shared by the split configurations; messages name the field and quote the bad value. */
final class ConfigChecks {
  private ConfigChecks() {}

  static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be a non-blank name (got " + quote(value) + ")");
    }
    return value;
  }

  /** A fraction strictly between 0 and 1. */
  static double openFraction(String field, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(field + " must be in (0, 1) (got " + value + ")");
    }
    return value;
  }

  /** A fraction in [0, 1). */
  static double fraction(String field, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1) (got " + value + ")");
    }
    return value;
  }

  /** A non-empty list of distinct relation names, copied. */
  static List<String> relations(String field, List<String> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(field + " must name at least one relation (got " + values + ")");
    }
    HashSet<String> seen = new HashSet<>();
    for (String v : values) {
      name(field + " entry", v);
      if (!seen.add(v)) {
        throw new IllegalArgumentException(field + " names relation '" + v + "' twice (got " + values + ")");
      }
    }
    return List.copyOf(values);
  }

  private static String quote(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
