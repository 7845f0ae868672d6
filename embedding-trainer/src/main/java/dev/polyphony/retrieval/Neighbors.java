package dev.polyphony.retrieval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The result of one search: rows of the index with their ids and scores, best (highest score) first. */
public final class Neighbors {
  private static final Neighbors EMPTY = new Neighbors(new int[0], new float[0], List.of());

  private final int[] rows;
  private final float[] scores;
  private final List<String> ids;

  /** Takes ownership of the arrays; all three have one entry per neighbour, in rank order. */
  Neighbors(int[] rows, float[] scores, List<String> ids) {
    if (rows.length != scores.length || rows.length != ids.size()) {
      throw new IllegalArgumentException("rows, scores and ids differ in length (" + rows.length + ", "
          + scores.length + ", " + ids.size() + ")");
    }
    this.rows = rows;
    this.scores = scores;
    this.ids = List.copyOf(ids);
  }

  static Neighbors empty() {
    return EMPTY;
  }

  public int size() {
    return rows.length;
  }

  /** The row of the neighbour at {@code rank} (0 = best). */
  public int row(int rank) {
    return rows[rank];
  }

  /** The external id of the neighbour at {@code rank}. */
  public String id(int rank) {
    return ids.get(rank);
  }

  /** The similarity of the neighbour at {@code rank}. */
  public float score(int rank) {
    return scores[rank];
  }

  /** Rows in rank order (a copy). */
  public int[] rows() {
    return rows.clone();
  }

  /** Scores in rank order (a copy). */
  public float[] scores() {
    return scores.clone();
  }

  /** External ids in rank order. */
  public List<String> ids() {
    return ids;
  }

  /** The first {@code count} neighbours. */
  Neighbors first(int count) {
    if (count >= rows.length) {
      return this;
    }
    return new Neighbors(Arrays.copyOf(rows, count), Arrays.copyOf(scores, count), ids.subList(0, count));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Neighbors other && Arrays.equals(rows, other.rows) && Arrays.equals(scores, other.scores);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rows) * 31 + Arrays.hashCode(scores);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("Neighbors[");
    for (int i = 0; i < rows.length; i++) {
      b.append(i == 0 ? "" : ", ").append(ids.get(i)).append('=').append(scores[i]);
    }
    return b.append(']').toString();
  }
}
