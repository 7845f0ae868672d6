package dev.polyphony.graph.sample;

import java.nio.IntBuffer;
import java.util.Arrays;

/**
 * Negatives of one batch: {@code perQuery} node ids per query, row-major ({@code negative(i, k)} is at
 * {@code i * perQuery + k}). A slot for which no valid negative exists holds {@link #MISSING}; losses
 * mask those slots.
 */
public final class NegativeSamples {
  /** Marks a slot without a negative: every candidate was a known positive, or there were none. */
  public static final int MISSING = -1;

  private final int[] negatives;
  private final int perQuery;

  /** Wraps {@code negatives}, which the result owns from now on. */
  public NegativeSamples(int[] negatives, int perQuery) {
    if (perQuery <= 0) {
      throw new IllegalArgumentException("perQuery must be > 0 (got " + perQuery + ")");
    }
    if (negatives.length % perQuery != 0) {
      throw new IllegalArgumentException("negatives length " + negatives.length + " is not a multiple of "
          + perQuery);
    }
    this.negatives = negatives;
    this.perQuery = perQuery;
  }

  public int queryCount() {
    return negatives.length / perQuery;
  }

  public int perQuery() {
    return perQuery;
  }

  /** Negative {@code k} of query {@code i}, or {@link #MISSING}. */
  public int negative(int i, int k) {
    return negatives[i * perQuery + k];
  }

  /** A copy of the negatives of query {@code i}. */
  public int[] negatives(int i) {
    return Arrays.copyOfRange(negatives, i * perQuery, (i + 1) * perQuery);
  }

  /** Read-only row-major view of all slots. */
  public IntBuffer view() {
    return IntBuffer.wrap(negatives).asReadOnlyBuffer();
  }

  /** Number of {@link #MISSING} slots. */
  public int missingCount() {
    int missing = 0;
    for (int v : negatives) {
      if (v == MISSING) {
        missing++;
      }
    }
    return missing;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NegativeSamples other && perQuery == other.perQuery
        && Arrays.equals(negatives, other.negatives);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(negatives) * 31 + perQuery;
  }

  @Override
  public String toString() {
    return "NegativeSamples{queries=" + queryCount() + ", perQuery=" + perQuery + "}";
  }
}
