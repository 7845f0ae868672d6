package dev.polyphony.embedding.io;

import java.util.List;
import java.util.Objects;

/**
 * Ids with their vectors, as read from a format that carries both; {@code ids.get(r)} labels row
 * {@code r} of {@code matrix}.
 */
public record LabeledVectors(List<String> ids, FloatMatrix matrix) {
  public LabeledVectors {
    ids = List.copyOf(ids);
    Objects.requireNonNull(matrix, "matrix");
    if (ids.size() != matrix.rows()) {
      throw new IllegalArgumentException(ids.size() + " ids for " + matrix.rows() + " rows");
    }
  }
}
