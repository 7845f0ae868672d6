package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.RecallAtK;
import java.util.Objects;

/**
 * Measures an {@link AnnIndex} over a table against an {@link ExactIndex} over the same table:
 * recall@k ({@link RecallAtK}) and queries per second of both on one thread and on all threads
 * ({@link QueryThroughput}). The exact index scans each query on one thread, so "all threads" means
 * queries answered concurrently by both indexes, the way a service uses them.
 */
public final class AnnQuality {
  private final int k;
  private final int threads;
  private final ThroughputConfig throughput;

  /**
   * @param k cut-off of recall and size of every timed search; > 0
   * @param threads threads of the concurrent throughput measurement; > 0
   * @param throughput warm-up and measured time of each rate
   */
  public AnnQuality(int k, int threads, ThroughputConfig throughput) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
    this.k = k;
    this.threads = threads;
    this.throughput = Objects.requireNonNull(throughput, "throughput");
  }

  /** Builds an index over {@code table} with {@code config}, timing the build, and measures it. */
  public AnnQualityResult buildAndMeasure(EmbeddingTable table, AnnIndexConfig config, float[][] queries,
      String queryDescription) {
    long start = System.nanoTime();
    try (AnnIndex index = AnnIndex.build(table, config)) {
      double buildSeconds = (System.nanoTime() - start) / 1e9;
      return measure(table, index, buildSeconds, queries, queryDescription);
    }
  }

  /**
   * Measures {@code index}, built from {@code table} in {@code buildSeconds}, on {@code queries}
   * (described for the report by {@code queryDescription}).
   */
  public AnnQualityResult measure(EmbeddingTable table, AnnIndex index, double buildSeconds, float[][] queries,
      String queryDescription) {
    if (index.size() != table.size()) {
      throw new IllegalArgumentException("index holds " + index.size() + " rows, the table " + table.size());
    }
    try (ExactIndex exact = ExactIndex.build(table, index.metric(), 1)) {
      RecallAtK recall = RecallAtK.measure(index, exact, queries, k);
      QueryRates annRates = QueryThroughput.measure(queries, q -> index.search(q, k).size(), threads, throughput);
      QueryRates exactRates = QueryThroughput.measure(queries, q -> exact.search(q, k).size(), threads, throughput);
      AnnIndexConfig c = index.config();
      return new AnnQualityResult(table.size(), table.dimension(), index.metric().label(), c.m(),
          c.efConstruction(), c.ef(), buildSeconds, queryDescription, k, recall.queries(), recall.mean(),
          recall.min(), annRates, exactRates);
    }
  }
}
