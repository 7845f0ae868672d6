package dev.polyphony.embedding;

import dev.polyphony.graph.IdMap;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The embeddings of one node type: external ids in row order, a row-major float32 matrix of
 * {@code size() x dimension()} finite values, and {@link EmbeddingMetadata}. Immutable.
 *
 * <p>Ids are unique, non-empty and free of tabs and line breaks, so every export format carries them
 * unchanged. When the metadata says {@link Normalization#L2}, every row has length 1 within
 * {@value #UNIT_NORM_TOLERANCE}.
 */
public final class EmbeddingTable {
  /** Largest accepted distance of an L2-normalised row's length from 1. */
  public static final double UNIT_NORM_TOLERANCE = 1e-4;

  private final String nodeType;
  private final IdMap ids;
  private final int dimension;
  private final float[] values;
  private final EmbeddingMetadata metadata;

  /**
   * Takes ownership of {@code values} ({@code ids.size() * dimension} finite floats, row-major); the
   * caller must not change the array afterwards.
   */
  public EmbeddingTable(String nodeType, List<String> ids, int dimension, float[] values,
      EmbeddingMetadata metadata) {
    Objects.requireNonNull(nodeType, "nodeType");
    if (nodeType.isBlank()) {
      throw new IllegalArgumentException("node type must be non-blank (got '" + nodeType + "')");
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0 (got " + dimension + ")");
    }
    Objects.requireNonNull(values, "values");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    for (int row = 0; row < ids.size(); row++) {
      checkId(row, ids.get(row));
    }
    this.ids = IdMap.of(ids);
    if ((long) ids.size() * dimension != values.length) {
      throw new IllegalArgumentException("expected " + ids.size() + " x " + dimension + " = "
          + (long) ids.size() * dimension + " values (got " + values.length + ")");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("row " + i / dimension + " (id '" + ids.get(i / dimension)
            + "') column " + i % dimension + " is not finite (got " + values[i] + ")");
      }
    }
    this.nodeType = nodeType;
    this.dimension = dimension;
    this.values = values;
    if (metadata.normalization() == Normalization.L2) {
      checkUnitRows();
    }
  }

  private static void checkId(int row, String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("id of row " + row + " must be non-empty (got '" + id + "')");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '\t' || c == '\n' || c == '\r') {
        throw new IllegalArgumentException("id of row " + row + " contains a tab or line break (got '"
            + id.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "')");
      }
    }
  }

  private void checkUnitRows() {
    for (int row = 0; row < size(); row++) {
      double norm = Math.sqrt(squaredNorm(row));
      if (Math.abs(norm - 1) > UNIT_NORM_TOLERANCE) {
        throw new IllegalArgumentException("normalization is l2 but row " + row + " (id '" + id(row)
            + "') has length " + norm);
      }
    }
  }

  private double squaredNorm(int row) {
    double sum = 0;
    for (int i = row * dimension, end = i + dimension; i < end; i++) {
      sum += (double) values[i] * values[i];
    }
    return sum;
  }

  public String nodeType() {
    return nodeType;
  }

  /** Number of rows. */
  public int size() {
    return ids.size();
  }

  public int dimension() {
    return dimension;
  }

  public EmbeddingMetadata metadata() {
    return metadata;
  }

  /** External ids in row order. */
  public List<String> ids() {
    return ids.externalIds();
  }

  /** The external id of {@code row}. */
  public String id(int row) {
    Objects.checkIndex(row, size());
    return ids.externalId(row);
  }

  /** The row of {@code id}, or -1 when the table has no such id. */
  public int rowOf(String id) {
    return ids.indexOf(id);
  }

  /** A copy of the vector of {@code row}. */
  public float[] vector(int row) {
    Objects.checkIndex(row, size());
    return Arrays.copyOfRange(values, row * dimension, row * dimension + dimension);
  }

  /** Copies the vector of {@code row} into {@code out} at {@code offset}. */
  public void copyVector(int row, float[] out, int offset) {
    Objects.checkIndex(row, size());
    System.arraycopy(values, row * dimension, out, offset, dimension);
  }

  /** Read-only view of the whole matrix, row-major. */
  public FloatBuffer valuesView() {
    return FloatBuffer.wrap(values).asReadOnlyBuffer();
  }

  /**
   * This table with every row scaled to length 1 and the metadata's normalisation set to L2. Rows of
   * length 0 have no direction and are rejected.
   */
  public EmbeddingTable l2Normalized() {
    float[] out = new float[values.length];
    for (int row = 0; row < size(); row++) {
      double norm = Math.sqrt(squaredNorm(row));
      if (norm == 0) {
        throw new IllegalArgumentException("row " + row + " (id '" + id(row) + "') has length 0 and cannot be"
            + " L2-normalised");
      }
      for (int i = row * dimension, end = i + dimension; i < end; i++) {
        out[i] = (float) (values[i] / norm);
      }
    }
    return new EmbeddingTable(nodeType, ids(), dimension, out, metadata.withNormalization(Normalization.L2));
  }

  /** Approximate heap bytes: the matrix plus the id map. */
  public long bytes() {
    return 4L * values.length + ids.bytes();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EmbeddingTable other
        && dimension == other.dimension && nodeType.equals(other.nodeType) && ids.equals(other.ids)
        && Arrays.equals(values, other.values) && metadata.equals(other.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeType, ids, dimension, metadata) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "EmbeddingTable[" + nodeType + ", " + size() + " x " + dimension + ", " + metadata.metric().label()
        + ", " + metadata.normalization().label() + ", model " + metadata.modelHash() + "]";
  }
}
