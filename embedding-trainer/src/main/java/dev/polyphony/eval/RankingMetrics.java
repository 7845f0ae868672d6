package dev.polyphony.eval;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;

/**
 * Top-K ranking metrics with binary relevance, for one query: a ranking (best first, distinct ids)
 * against the set {@code R} of relevant ids. Only the first {@code K} entries of the ranking count;
 * a ranking shorter than {@code K} (a small candidate pool) is scored as it is.
 *
 * <ul>
 *   <li>{@link #recall}: {@code |top-K ∩ R| / |R|}, the definition of the RecSys Challenge 2018 and of
 *       most playlist-continuation papers. It is the one evaluations report. Its maximum is
 *       {@code min(K, |R|) / |R|}, below 1 when a query has more than {@code K} relevant items.
 *   <li>{@link #cappedRecall}: {@code |top-K ∩ R| / min(K, |R|)} (Liang et al., "Variational
 *       Autoencoders for Collaborative Filtering", WWW 2018), which reaches 1 for a perfect ranking.
 *   <li>{@link #ndcg}: {@code DCG@K / IDCG@K} with {@code DCG@K = sum_{i=1..K} rel_i / log2(i + 1)}
 *       (Järvelin and Kekäläinen, TOIS 2002) and the ideal ranking putting {@code min(K, |R|)} relevant
 *       items first: {@code IDCG@K = sum_{i=1..min(K,|R|)} 1 / log2(i + 1)}.
 * </ul>
 * A query set's value is the mean over its queries, each query weighing the same.
 */
public final class RankingMetrics {
  private static final double LN2 = Math.log(2);

  private RankingMetrics() {}

  /** Number of relevant ids among the first {@code k} entries of {@code ranking}. */
  public static int hits(int[] ranking, int k, IntSet relevant) {
    int hits = 0;
    for (boolean hit : judge(ranking, k, relevant)) {
      hits += hit ? 1 : 0;
    }
    return hits;
  }

  /** Recall@K = {@code |top-K ∩ R| / |R|}. */
  public static double recall(int[] ranking, int k, IntSet relevant) {
    return (double) hits(ranking, k, relevant) / relevant.size();
  }

  /** Recall@K with the denominator {@code min(K, |R|)}. */
  public static double cappedRecall(int[] ranking, int k, IntSet relevant) {
    return (double) hits(ranking, k, relevant) / Math.min(k, relevant.size());
  }

  /** NDCG@K with binary relevance and the log2 discount. */
  public static double ndcg(int[] ranking, int k, IntSet relevant) {
    boolean[] hit = judge(ranking, k, relevant);
    double dcg = 0;
    for (int i = 0; i < hit.length; i++) {
      if (hit[i]) {
        dcg += discount(i);
      }
    }
    return dcg / idealDcg(k, relevant.size());
  }

  /** {@code IDCG@K} of a query with {@code relevantCount} relevant ids. */
  public static double idealDcg(int k, int relevantCount) {
    double idcg = 0;
    for (int i = 0, n = Math.min(k, relevantCount); i < n; i++) {
      idcg += discount(i);
    }
    return idcg;
  }

  /** {@code 1 / log2(rank + 1)} for the 1-based rank {@code position + 1}. */
  private static double discount(int position) {
    return LN2 / Math.log(position + 2);
  }

  /** Relevance of the first {@code min(k, ranking.length)} entries; checks the query and distinct ids. */
  private static boolean[] judge(int[] ranking, int k, IntSet relevant) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (relevant.isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one relevant id (got none)");
    }
    int n = Math.min(k, ranking.length);
    IntOpenHashSet seen = new IntOpenHashSet(n);
    boolean[] hit = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!seen.add(ranking[i])) {
        throw new IllegalArgumentException("ranking repeats id " + ranking[i] + " at position " + i);
      }
      hit[i] = relevant.contains(ranking[i]);
    }
    return hit;
  }
}
