package dev.polyphony.retrieval.quality;

import java.util.Objects;

/**
 * Recall and speed of an {@link dev.polyphony.retrieval.AnnIndex} against the exact oracle.
 *
 * @param rows indexed rows
 * @param dimension vector length
 * @param metric similarity label ({@code cosine}, {@code inner_product})
 * @param m HNSW links per node
 * @param efConstruction HNSW build candidate list
 * @param ef HNSW search candidate list
 * @param buildSeconds time to build the index (threads as in the index configuration)
 * @param queries how the queries were made, e.g. {@code "1000 table rows sampled with seed 7"}
 * @param k the cut-off of recall
 * @param queryCount number of queries
 * @param recall mean recall@k over the queries
 * @param minRecall worst single-query recall@k
 * @param ann queries per second of the ANN index
 * @param exact queries per second of the exact index (each query scanned on one thread)
 */
public record AnnQualityResult(int rows, int dimension, String metric, int m, int efConstruction, int ef,
    double buildSeconds, String queries, int k, int queryCount, double recall, double minRecall,
    QueryRates ann, QueryRates exact) {

  public AnnQualityResult {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(ann, "ann");
    Objects.requireNonNull(exact, "exact");
  }

  /** ANN queries per second over exact ones, on one thread. */
  public double speedupOneThread() {
    return ann.oneThread() / exact.oneThread();
  }

  /** ANN queries per second over exact ones, on all threads. */
  public double speedupAllThreads() {
    return ann.allThreads() / exact.allThreads();
  }
}
