package dev.polyphony.eval;

import java.util.HashSet;
import java.util.List;

/**
 * Parameters of {@link ContentKnnRecommender}.
 *
 * @param columns the track feature columns compared, by name; empty for every column
 */
public record ContentKnnConfig(List<String> columns) {

  public ContentKnnConfig {
    if (columns == null) {
      throw new IllegalArgumentException("columns must be a list, empty for every column (got null)");
    }
    HashSet<String> seen = new HashSet<>();
    for (String c : columns) {
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException("columns must be non-blank names (got " + columns + ")");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("columns name '" + c + "' twice (got " + columns + ")");
      }
    }
    columns = List.copyOf(columns);
  }

  /** Every feature column. */
  public static ContentKnnConfig allColumns() {
    return new ContentKnnConfig(List.of());
  }
}
