package dev.polyphony.report;

/**
 * One setting of an approximate index measured against an exact oracle.
 *
 * @param ef the HNSW search list size; > 0
 * @param recallAt10 mean recall@10 over the queries, in [0, 1]
 * @param queriesPerSecond single-thread search throughput; finite, > 0
 */
public record AnnTradeoffPoint(int ef, double recallAt10, double queriesPerSecond) {
  public AnnTradeoffPoint {
    if (ef <= 0) {
      throw new IllegalArgumentException("ef must be > 0 (got " + ef + ")");
    }
    if (!(recallAt10 >= 0 && recallAt10 <= 1)) {
      throw new IllegalArgumentException("recallAt10 must be in [0, 1] (got " + recallAt10 + ")");
    }
    if (!Double.isFinite(queriesPerSecond) || queriesPerSecond <= 0) {
      throw new IllegalArgumentException("queriesPerSecond must be finite and > 0 (got " + queriesPerSecond + ")");
    }
  }
}
