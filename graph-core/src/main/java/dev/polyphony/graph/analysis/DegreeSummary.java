package dev.polyphony.graph.analysis;

import dev.polyphony.graph.CsrAdjacency;

/**
 * The degree distribution of the rows of one adjacency (one relation in one direction).
 *
 * <p>Percentiles use the nearest-rank definition on the degrees sorted ascending, {@code d[1..n]}:
 * the p-th percentile is {@code d[ceil(p * n)]}. So {@code median} is the lower median
 * ({@code d[ceil(n / 2)]}) and {@code p99} is {@code d[ceil(0.99 n)]}; both are degrees that occur.
 * An adjacency without rows has every field 0.
 *
 * @param nodes number of rows
 * @param min smallest degree
 * @param median nearest-rank 50th percentile
 * @param p99 nearest-rank 99th percentile
 * @param max largest degree
 * @param mean edges per row
 * @param isolated rows of degree 0
 */
public record DegreeSummary(int nodes, int min, int median, int p99, int max, double mean, int isolated) {

  /** Summarises the row degrees of {@code adjacency} by a counting pass over its offsets, O(V + max degree). */
  public static DegreeSummary of(CsrAdjacency adjacency) {
    int n = adjacency.rowCount();
    if (n == 0) {
      return new DegreeSummary(0, 0, 0, 0, 0, 0.0, 0);
    }
    int max = 0;
    for (int u = 0; u < n; u++) {
      max = Math.max(max, adjacency.degree(u));
    }
    int[] histogram = new int[max + 1];
    for (int u = 0; u < n; u++) {
      histogram[adjacency.degree(u)]++;
    }
    int min = 0;
    while (histogram[min] == 0) {
      min++;
    }
    return new DegreeSummary(n, min, nearestRank(histogram, n, 0.5), nearestRank(histogram, n, 0.99), max,
        (double) adjacency.edgeCount() / n, histogram[0]);
  }

  /** The degree at 1-based rank {@code ceil(p * n)} of the sorted degrees, read from their histogram. */
  static int nearestRank(int[] histogram, int n, double p) {
    long rank = Math.max(1, (long) Math.ceil(p * n));
    long seen = 0;
    for (int degree = 0; degree < histogram.length; degree++) {
      seen += histogram[degree];
      if (seen >= rank) {
        return degree;
      }
    }
    throw new IllegalArgumentException("histogram holds fewer than " + rank + " rows");
  }
}
