package dev.polyphony.embedding.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A row-major float matrix as read from a vector file, before ids and metadata join it. A matrix
 * with no rows may have no columns (an empty file tells no dimension).
 */
public final class FloatMatrix {
  private final int rows;
  private final int columns;
  private final float[] values;

  /** Takes ownership of {@code values} ({@code rows * columns} floats). */
  public FloatMatrix(int rows, int columns, float[] values) {
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("shape must be non-negative (got " + rows + " x " + columns + ")");
    }
    if (columns == 0 && rows > 0) {
      throw new IllegalArgumentException("a matrix with rows needs columns (got " + rows + " x 0)");
    }
    Objects.requireNonNull(values, "values");
    if ((long) rows * columns != values.length) {
      throw new IllegalArgumentException("expected " + rows + " x " + columns + " = " + (long) rows * columns
          + " values (got " + values.length + ")");
    }
    this.rows = rows;
    this.columns = columns;
    this.values = values;
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  /** The backing array, row-major; callers hand it on (for example to an EmbeddingTable), not change it. */
  public float[] values() {
    return values;
  }

  public float get(int row, int column) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(column, columns);
    return values[row * columns + column];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FloatMatrix other
        && rows == other.rows && columns == other.columns && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return (rows * 31 + columns) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FloatMatrix[" + rows + " x " + columns + "]";
  }
}
