package dev.polyphony.rank.session;

/**
 * Picks a slate from scored candidates greedily: each position takes the candidate with the highest
 * {@code score - diversity * (tracks of its genre already in the slate)}, ties to the lower index. With
 * diversity 0 this is the top of the fused ranking; larger values spread the slate over genres (a
 * genre-count form of maximal marginal relevance, Carbonell and Goldstein, SIGIR 1998).
 */
public final class SlateBuilder {
  private SlateBuilder() {}

  /**
   * The indexes of the chosen candidates, in slate order.
   *
   * @param scores fused score per candidate
   * @param genres genre per candidate, {@code >= 0}
   * @param size slate size, at most the candidates
   */
  public static int[] select(float[] scores, int[] genres, int size, double diversity) {
    int n = scores.length;
    if (genres.length != n) {
      throw new IllegalArgumentException("expected one genre per candidate: " + n + " (got " + genres.length + ")");
    }
    if (size <= 0 || size > n) {
      throw new IllegalArgumentException("size must be in [1, " + n + "] (got " + size + ")");
    }
    int maxGenre = 0;
    for (int g : genres) {
      if (g < 0) {
        throw new IllegalArgumentException("genres must be >= 0 (got " + g + ")");
      }
      maxGenre = Math.max(maxGenre, g);
    }
    int[] chosenOfGenre = new int[maxGenre + 1];
    boolean[] taken = new boolean[n];
    int[] slate = new int[size];
    for (int pos = 0; pos < size; pos++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        double value = scores[i] - diversity * chosenOfGenre[genres[i]];
        if (best < 0 || value > bestValue) {
          best = i;
          bestValue = value;
        }
      }
      taken[best] = true;
      chosenOfGenre[genres[best]]++;
      slate[pos] = best;
    }
    return slate;
  }
}
