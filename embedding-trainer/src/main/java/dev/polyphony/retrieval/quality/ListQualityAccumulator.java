package dev.polyphony.retrieval.quality;

import dev.polyphony.eval.RankingMetrics;
import it.unimi.dsi.fastutil.ints.IntSet;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * Adds up {@link ListQuality} over candidate lists given one at a time. Lists and relevant sets name
 * tracks by one id space (graph track nodes); the tail and fresh predicates and the candidate count are
 * over the same ids. Not thread-safe.
 */
public final class ListQualityAccumulator {
  private final int k;
  private final IntPredicate tail;
  private final IntPredicate fresh;
  private final int candidateTracks;
  private final BitSet seen = new BitSet();
  private int lists;
  private long entries;
  private int nonEmpty;
  private double recallSum;
  private double tailShareSum;
  private double freshShareSum;

  /**
   * @param k the list length asked for, the K of Recall@K; > 0
   * @param tail whether a track is by tail creators, or null when the catalog cannot tell
   * @param fresh whether a track is fresh, or null when the catalog cannot tell
   * @param candidateTracks the number of tracks any list may hold, the denominator of coverage; > 0
   */
  public ListQualityAccumulator(int k, IntPredicate tail, IntPredicate fresh, int candidateTracks) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (candidateTracks <= 0) {
      throw new IllegalArgumentException("candidateTracks must be > 0 (got " + candidateTracks + ")");
    }
    this.k = k;
    this.tail = tail;
    this.fresh = fresh;
    this.candidateTracks = candidateTracks;
  }

  /**
   * Adds one list (distinct non-negative track ids, best first; only the first {@code k} count) and the
   * relevant tracks of its query (non-empty).
   */
  public void add(int[] list, IntSet relevant) {
    recallSum += RankingMetrics.recall(list, k, relevant);
    int n = Math.min(k, list.length);
    int tailCount = 0;
    int freshCount = 0;
    for (int i = 0; i < n; i++) {
      int track = list[i];
      if (track < 0) {
        throw new IllegalArgumentException("list holds track id " + track + " at position " + i);
      }
      seen.set(track);
      tailCount += tail != null && tail.test(track) ? 1 : 0;
      freshCount += fresh != null && fresh.test(track) ? 1 : 0;
    }
    lists++;
    entries += n;
    if (n > 0) {
      nonEmpty++;
      tailShareSum += (double) tailCount / n;
      freshShareSum += (double) freshCount / n;
    }
  }

  /** The quality of the lists added so far; no list at all gives zeros. */
  public ListQuality result() {
    return new ListQuality(lists, lists == 0 ? 0 : (double) entries / lists, lists == 0 ? 0 : recallSum / lists,
        tail == null ? null : share(tailShareSum), fresh == null ? null : share(freshShareSum),
        seen.cardinality(), (double) seen.cardinality() / candidateTracks);
  }

  private double share(double sum) {
    return nonEmpty == 0 ? 0 : sum / nonEmpty;
  }
}
