package dev.polyphony.graph;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Dense float features of one node type: a row-major {@code rows x columns} matrix with named
 * columns and their {@link FeatureStats}. Values are finite (readers reject NaN and infinities).
 */
public final class NodeFeatures {
  private final List<String> columns;
  private final int rows;
  private final float[] values;
  private final FeatureStats stats;

  /**
   * Takes ownership of {@code values} ({@code rows * columns.size()} finite floats, row-major).
   */
  public NodeFeatures(List<String> columns, int rows, float[] values) {
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("features need at least one column");
    }
    if ((long) rows * this.columns.size() != values.length) {
      throw new IllegalArgumentException("expected " + rows + " x " + this.columns.size() + " = "
          + (long) rows * this.columns.size() + " values (got " + values.length + ")");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException("feature '" + this.columns.get(i % this.columns.size())
            + "' of row " + i / this.columns.size() + " is not finite (got " + values[i] + ")");
      }
    }
    this.rows = rows;
    this.values = values;
    this.stats = FeatureStats.of(values, rows, this.columns.size());
  }

  public List<String> columns() {
    return columns;
  }

  public int dimension() {
    return columns.size();
  }

  public int rows() {
    return rows;
  }

  public FeatureStats stats() {
    return stats;
  }

  public float get(int row, int column) {
    return values[row * columns.size() + column];
  }

  /** Copies row {@code row} into {@code out} at {@code offset}. */
  public void copyRow(int row, float[] out, int offset) {
    System.arraycopy(values, row * columns.size(), out, offset, columns.size());
  }

  /** A copy of row {@code row}. */
  public float[] row(int row) {
    int d = columns.size();
    return Arrays.copyOfRange(values, row * d, row * d + d);
  }

  /** Read-only view of the whole matrix, row-major. */
  public FloatBuffer valuesView() {
    return FloatBuffer.wrap(values).asReadOnlyBuffer();
  }

  /** Features standardised column by column with {@code reference} statistics (z-scores). */
  public NodeFeatures standardized(FeatureStats reference) {
    int d = columns.size();
    if (reference.columns() != d) {
      throw new IllegalArgumentException("statistics have " + reference.columns() + " columns, features " + d);
    }
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = reference.standardize(i % d, values[i]);
    }
    return new NodeFeatures(columns, rows, out);
  }

  /** Features standardised with their own statistics. */
  public NodeFeatures standardized() {
    return standardized(stats);
  }

  public long bytes() {
    return 4L * values.length + 16L * columns.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeFeatures other
        && rows == other.rows && columns.equals(other.columns) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return columns.hashCode() * 31 + Arrays.hashCode(values);
  }
}
