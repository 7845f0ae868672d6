package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.Metric;
import dev.polyphony.eval.EvaluationConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import dev.polyphony.retrieval.AnnIndexConfig;
import java.util.Objects;

/**
 * Parameters of {@link RetrievalQuality}.
 *
 * @param split the playlist continuation split whose warm queries the lists are scored on
 * @param annQueries table rows sampled as ANN queries (fewer when the table is smaller); > 0
 * @param annK the cut-off of ANN recall; > 0
 * @param sampleSeed seeds the sample of query rows
 * @param buildThreads threads that build the ANN index; 1 makes the index, and so every list, a function
 *     of the seeds alone; > 0
 * @param threads threads of the concurrent throughput measurement; > 0
 * @param throughput warm-up and measured time of each queries-per-second figure
 * @param blend the blended generators and the list length
 */
public record RetrievalQualityConfig(PlaylistContinuationSplitConfig split, int annQueries, int annK,
    long sampleSeed, int buildThreads, int threads, ThroughputConfig throughput, BlendQualityConfig blend) {
  public static final int DEFAULT_ANN_QUERIES = 1_000;
  public static final int DEFAULT_ANN_K = 10;

  public RetrievalQualityConfig {
    Objects.requireNonNull(split, "split");
    if (annQueries <= 0) {
      throw new IllegalArgumentException("annQueries must be > 0 (got " + annQueries + ")");
    }
    if (annK <= 0) {
      throw new IllegalArgumentException("annK must be > 0 (got " + annK + ")");
    }
    if (buildThreads <= 0) {
      throw new IllegalArgumentException("buildThreads must be > 0 (got " + buildThreads + ")");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0 (got " + threads + ")");
    }
    Objects.requireNonNull(throughput, "throughput");
    Objects.requireNonNull(blend, "blend");
  }

  /**
   * The split of the playlist-continuation evaluation ({@link EvaluationConfig#defaults}) with
   * {@code seed}; 1,000 ANN queries sampled with {@code seed}, recall@10; the index built on one
   * thread; throughput on all processors, 1 s warm-up and 3 s measured; the default blend, lists of 50.
   */
  public static RetrievalQualityConfig defaults(long seed) {
    return new RetrievalQualityConfig(EvaluationConfig.defaults(seed).continuation(), DEFAULT_ANN_QUERIES,
        DEFAULT_ANN_K, seed, 1, Runtime.getRuntime().availableProcessors(), ThroughputConfig.defaults(),
        BlendQualityConfig.defaults());
  }

  /** The index parameters measured: the defaults under {@code metric}, built on {@link #buildThreads}. */
  public AnnIndexConfig indexConfig(Metric metric) {
    return AnnIndexConfig.defaults(metric).withThreads(buildThreads);
  }

  public RetrievalQualityConfig withAnnQueries(int count) {
    return new RetrievalQualityConfig(split, count, annK, sampleSeed, buildThreads, threads, throughput, blend);
  }

  public RetrievalQualityConfig withThreads(int count) {
    return new RetrievalQualityConfig(split, annQueries, annK, sampleSeed, buildThreads, count, throughput, blend);
  }

  public RetrievalQualityConfig withThroughput(ThroughputConfig timing) {
    return new RetrievalQualityConfig(split, annQueries, annK, sampleSeed, buildThreads, threads, timing, blend);
  }

  public RetrievalQualityConfig withBlend(BlendQualityConfig lists) {
    return new RetrievalQualityConfig(split, annQueries, annK, sampleSeed, buildThreads, threads, throughput, lists);
  }
}
