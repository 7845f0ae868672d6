package dev.polyphony.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The best {@code k} (row, score) pairs seen so far, in a bounded binary min-heap whose root is the
 * worst kept pair. Higher scores are better; equal scores prefer the lower row, so results are
 * deterministic. Not thread-safe: one per worker, merged afterwards.
 */
final class TopK {
  private final int capacity;
  private final int[] rows;
  private final float[] scores;
  private int size;

  TopK(int capacity) {
    this.capacity = capacity;
    this.rows = new int[capacity];
    this.scores = new float[capacity];
  }

  /** Keeps ({@code row}, {@code score}) if it beats the worst kept pair or there is room. */
  void offer(int row, float score) {
    if (size < capacity) {
      rows[size] = row;
      scores[size] = score;
      siftUp(size++);
    } else if (capacity > 0 && worse(rows[0], scores[0], row, score)) {
      rows[0] = row;
      scores[0] = score;
      siftDown(0);
    }
  }

  /** Offers every pair kept by {@code other}. */
  void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.rows[i], other.scores[i]);
    }
  }

  /** The kept pairs, best first; empties this heap. */
  Neighbors drain(IntFunction<String> idOf) {
    int n = size;
    int[] outRows = new int[n];
    float[] outScores = new float[n];
    for (int i = n - 1; i >= 0; i--) {
      outRows[i] = rows[0];
      outScores[i] = scores[0];
      size--;
      rows[0] = rows[size];
      scores[0] = scores[size];
      siftDown(0);
    }
    List<String> ids = new ArrayList<>(n);
    for (int row : outRows) {
      ids.add(idOf.apply(row));
    }
    return new Neighbors(outRows, outScores, ids);
  }

  /** Whether (rowA, scoreA) ranks below (rowB, scoreB). */
  private static boolean worse(int rowA, float scoreA, int rowB, float scoreB) {
    int c = Float.compare(scoreA, scoreB);
    return c < 0 || c == 0 && rowA > rowB;
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(rows[i], scores[i], rows[parent], scores[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && worse(rows[right], scores[right], rows[left], scores[left])) {
        worst = right;
      }
      if (!worse(rows[worst], scores[worst], rows[i], scores[i])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    int r = rows[a];
    rows[a] = rows[b];
    rows[b] = r;
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
  }
}
