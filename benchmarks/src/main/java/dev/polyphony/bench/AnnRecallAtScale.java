package dev.polyphony.bench;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.quality.AnnQuality;
import dev.polyphony.retrieval.quality.AnnQualityResult;
import dev.polyphony.retrieval.quality.ThroughputConfig;
import java.util.Locale;

/**
 * Recall@10 of the Voyager index at its default settings (M 16, efConstruction 200, ef 64, built on all
 * processors) against the exact index, with queries per second of both on one and on all threads
 * ({@link AnnQuality}), on {@code size} clustered 64-d vectors ({@link AnnVectors}, cosine) and 1,000
 * queries drawn from the same mixture. Exits with status 1 when recall@10 is below 0.95, the goal for
 * the default settings. Run after packaging the benchmarks:
 * {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.polyphony.bench.AnnRecallAtScale [size]}.
 */
public final class AnnRecallAtScale {
  /** The recall@10 the default settings must reach. */
  static final double GOAL = 0.95;
  private static final int QUERIES = 1_000;
  private static final int K = 10;

  private AnnRecallAtScale() {}

  public static void main(String[] args) {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int threads = Runtime.getRuntime().availableProcessors();
    ClusteredEmbeddings spec = AnnVectors.spec(size);
    EmbeddingTable table = spec.table("track", Metric.COSINE);
    float[][] queries = spec.queries(QUERIES, AnnVectors.QUERY_SEED);
    System.out.printf(Locale.ROOT, "%,d x %d clustered vectors (%d clusters, spread %.1f, seed %d), %d queries,"
        + " top %d, %d processors%n", size, table.dimension(), spec.clusters(), spec.spread(), spec.seed(),
        QUERIES, K, threads);
    AnnQualityResult result = new AnnQuality(K, threads, ThroughputConfig.defaults()).buildAndMeasure(table,
        AnnIndexConfig.defaults(Metric.COSINE).withThreads(threads), queries, String.format(Locale.ROOT,
            "%d draws from the same mixture (seed %d)", QUERIES, AnnVectors.QUERY_SEED));
    System.out.println(table(result));
    if (result.recall() < GOAL) {
      System.out.printf(Locale.ROOT, "recall@10 %.4f is below the goal %.2f%n", result.recall(), GOAL);
      System.exit(1);
    }
  }

  static String table(AnnQualityResult r) {
    return String.format(Locale.ROOT, "| vectors | M | efConstruction | ef | build (s) | recall@10 | min recall@10"
            + " | ANN queries/s, 1 / %d threads | exact queries/s, 1 / %d threads | ANN / exact, 1 / %d threads |%n"
            + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"
            + "| %,d | %d | %d | %d | %.0f | %.4f | %.2f | %,.0f / %,.0f | %,.1f / %,.1f | %.0f / %.0f |",
        r.ann().threads(), r.exact().threads(), r.ann().threads(), r.rows(), r.m(), r.efConstruction(), r.ef(),
        r.buildSeconds(), r.recall(), r.minRecall(), r.ann().oneThread(), r.ann().allThreads(), r.exact().oneThread(),
        r.exact().allThreads(), r.speedupOneThread(), r.speedupAllThreads());
  }
}
