package dev.polyphony.retrieval;

import dev.polyphony.embedding.Metric;

/** Dot products, normalisation and query checks shared by the indexes and the evaluation's scorers. */
public final class VectorMath {
  private VectorMath() {}

  /** The dot product of {@code d} values of {@code a} from {@code ao} and {@code b} from {@code bo}. */
  public static float dot(float[] a, int ao, float[] b, int bo, int d) {
    // Four independent sums let the CPU overlap the multiply-adds; Java keeps float order strict.
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < d; i += 4) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
    }
    for (; i < d; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Euclidean length of {@code d} values of {@code v} from {@code offset}, accumulated in double. */
  static double length(float[] v, int offset, int d) {
    double sum = 0;
    for (int i = offset; i < offset + d; i++) {
      sum += (double) v[i] * v[i];
    }
    return Math.sqrt(sum);
  }

  /** Scales {@code d} values of {@code v} from {@code offset} to unit length; false when the length is 0. */
  static boolean normalizeInPlace(float[] v, int offset, int d) {
    double length = length(v, offset, d);
    if (length == 0) {
      return false;
    }
    for (int i = offset; i < offset + d; i++) {
      v[i] = (float) (v[i] / length);
    }
    return true;
  }

  /**
   * Scales every row of {@code rows} (row-major, {@code d} values a row) to unit length in place; rows of
   * length 0 stay zero.
   */
  public static void normalizeRows(float[] rows, int d) {
    if (d <= 0 || rows.length % d != 0) {
      throw new IllegalArgumentException(rows.length + " values are not rows of " + d);
    }
    for (int base = 0; base < rows.length; base += d) {
      normalizeInPlace(rows, base, d);
    }
  }

  /** Checks {@code k} and {@code query} against an index of {@code dimension} under {@code metric}. */
  static void checkQuery(float[] query, int k, int dimension, Metric metric) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (query.length != dimension) {
      throw new IllegalArgumentException("query has " + query.length + " values, index dimension is " + dimension);
    }
    for (int i = 0; i < query.length; i++) {
      if (!Float.isFinite(query[i])) {
        throw new IllegalArgumentException("query value " + i + " is not finite (got " + query[i] + ")");
      }
    }
    if (metric == Metric.COSINE && length(query, 0, dimension) == 0) {
      throw new IllegalArgumentException("query has length 0; cosine similarity is undefined");
    }
  }
}
