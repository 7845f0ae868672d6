package dev.polyphony.eval;

import java.util.BitSet;

/**
 * Selects the {@code k} best-scored ids of a candidate pool, skipping excluded ids (a playlist's
 * training tracks). Order: higher score first, equal scores by ascending id, so rankings do not depend
 * on iteration order or threads. Scores of {@code -Infinity} are valid (ranked last); NaN is an error.
 * Costs O(n log k) for n candidates with a bounded heap. One instance serves many queries of one thread;
 * it is not thread-safe.
 */
public final class TopKSelector {
  private final int k;
  private final int[] ids;
  private final float[] scores;
  private int size;

  public TopKSelector(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    this.k = k;
    this.ids = new int[k];
    this.scores = new float[k];
  }

  public int k() {
    return k;
  }

  /**
   * The best {@code min(k, |pool|)} ids, best first.
   *
   * @param score one score per id
   * @param candidates ids that may be returned, or {@code null} for every id of {@code score}
   * @param excluded ids never returned, ascending
   * @throws IllegalStateException when a candidate's score is NaN (it names the id)
   */
  public int[] select(float[] score, BitSet candidates, int[] excluded) {
    size = 0;
    int next = 0;
    int n = score.length;
    int id = candidates == null ? 0 : candidates.nextSetBit(0);
    while (id >= 0 && id < n) {
      while (next < excluded.length && excluded[next] < id) {
        next++;
      }
      if (next >= excluded.length || excluded[next] != id) {
        offer(id, score[id]);
      }
      id = candidates == null ? id + 1 : candidates.nextSetBit(id + 1);
    }
    if (candidates != null && id >= n) {
      throw new IllegalArgumentException("candidate " + id + " is outside the " + n + " scored ids");
    }
    int[] ranking = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      ranking[i] = ids[0];
      removeRoot();
    }
    return ranking;
  }

  private void offer(int id, float s) {
    if (Float.isNaN(s)) {
      throw new IllegalStateException("score of id " + id + " is NaN");
    }
    if (size < k) {
      ids[size] = id;
      scores[size] = s;
      siftUp(size++);
    } else if (worse(ids[0], scores[0], id, s)) {
      ids[0] = id;
      scores[0] = s;
      siftDown(0);
    }
  }

  /** True when {@code (a, sa)} ranks below {@code (b, sb)}. */
  private static boolean worse(int a, float sa, int b, float sb) {
    return sa < sb || (sa == sb && a > b);
  }

  private void removeRoot() {
    size--;
    ids[0] = ids[size];
    scores[0] = scores[size];
    siftDown(0);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(ids[i], scores[i], ids[parent], scores[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int worst = i;
      int left = 2 * i + 1;
      int right = left + 1;
      if (left < size && worse(ids[left], scores[left], ids[worst], scores[worst])) {
        worst = left;
      }
      if (right < size && worse(ids[right], scores[right], ids[worst], scores[worst])) {
        worst = right;
      }
      if (worst == i) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    int id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
