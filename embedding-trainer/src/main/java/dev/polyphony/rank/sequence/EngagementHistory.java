package dev.polyphony.rank.sequence;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.rank.ImpressionLog;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Engagement events from an impression log itself: the rows whose label of one task is positive (for example
 * the clicks), timestamped with their impression times, as a user-to-item relation for {@link BehaviourSequences}.
 * A row's summary at its own time then sees only the engagement of the user's earlier impressions.
 */
public final class EngagementHistory {
  private EngagementHistory() {}

  /**
   * The relation users (query ids, as rows) to items of the positive rows of {@code task}; an item engaged twice
   * keeps its earliest time.
   *
   * @param timeOfRow the impression time of every row
   * @param users rows of the relation (query ids must be below)
   * @param items targets of the relation (item ids must be below)
   */
  public static CsrAdjacency of(ImpressionLog log, int task, long[] timeOfRow, int users, int items) {
    if (timeOfRow.length != log.rows()) {
      throw new IllegalArgumentException("expected one time per row: " + log.rows() + " (got " + timeOfRow.length
          + ")");
    }
    int[] counts = new int[users + 1];
    for (int r = 0; r < log.rows(); r++) {
      if (log.label(r, task) == 1) {
        int q = log.query(r);
        if (q < 0 || q >= users || log.item(r) < 0 || log.item(r) >= items) {
          throw new IllegalArgumentException("row " + r + ": query " + q + " or item " + log.item(r)
              + " outside the relation's " + users + " users and " + items + " items");
        }
        counts[q + 1]++;
      }
    }
    for (int u = 0; u < users; u++) {
      counts[u + 1] += counts[u];
    }
    int[] rowsByUser = new int[counts[users]];
    int[] fill = counts.clone();
    for (int r = 0; r < log.rows(); r++) {
      if (log.label(r, task) == 1) {
        rowsByUser[fill[log.query(r)]++] = r;
      }
    }
    int[] offsets = new int[users + 1];
    int[] targets = new int[rowsByUser.length];
    long[] times = new long[rowsByUser.length];
    int n = 0;
    for (int u = 0; u < users; u++) {
      int from = counts[u];
      int to = counts[u + 1];
      int[] order = java.util.Arrays.copyOfRange(rowsByUser, from, to);
      IntArrays.mergeSort(order, (a, b) -> a == b ? 0 : log.item(a) != log.item(b)
          ? Integer.compare(log.item(a), log.item(b)) : Long.compare(timeOfRow[a], timeOfRow[b]));
      for (int r : order) {
        if (n > offsets[u] && targets[n - 1] == log.item(r)) {
          continue;  // the earliest time of a repeated item is kept
        }
        targets[n] = log.item(r);
        times[n] = timeOfRow[r];
        n++;
      }
      offsets[u + 1] = n;
    }
    return new CsrAdjacency(offsets, java.util.Arrays.copyOf(targets, n), null, java.util.Arrays.copyOf(times, n),
        items);
  }

  /**
   * Item embeddings read from the log's feature columns {@code prefix0, prefix1, ...} ({@code dimension} of them):
   * the row of an item is its features in any row that shows it (the columns are the item's own); items never
   * shown stay zero.
   */
  public static float[] itemEmbeddings(ImpressionLog log, String prefix, int dimension, int items) {
    int[] columns = new int[dimension];
    for (int i = 0; i < dimension; i++) {
      columns[i] = log.featureNames().indexOf(prefix + i);
      if (columns[i] < 0) {
        throw new IllegalArgumentException("the log has no feature column '" + prefix + i + "'");
      }
    }
    float[] out = new float[items * dimension];
    for (int r = 0; r < log.rows(); r++) {
      int item = log.item(r);
      for (int i = 0; i < dimension; i++) {
        out[item * dimension + i] = log.feature(r, columns[i]);
      }
    }
    return out;
  }
}
