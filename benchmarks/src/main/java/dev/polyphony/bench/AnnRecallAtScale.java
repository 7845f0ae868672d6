package dev.polyphony.bench;

import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.quality.AnnQuality;
import dev.polyphony.retrieval.quality.AnnQualityResult;
import dev.polyphony.retrieval.quality.QueryThroughput;
import dev.polyphony.retrieval.quality.ThroughputConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Recall@10 of the Voyager index at its default settings (M 16, efConstruction 200, ef 64, built on all
 * processors) against the exact index, with queries per second of both on one and on all threads
 * ({@link AnnQuality}), on {@code size} clustered 64-d vectors ({@link AnnVectors}, cosine) and 1,000
 * queries drawn from the same mixture; then recall@10 and one-thread queries per second of the same
 * graph searched with larger ef. Exits with status 1 when recall@10 at the default ef is below 0.95, the
 * goal for the default settings.
 *
 * <p>Building 1M vectors takes long, so with a cache folder the built index is saved there and later runs
 * load it instead of building (the build time printed is then the first run's, read from the folder).
 * Run after packaging the benchmarks:
 * {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.polyphony.bench.AnnRecallAtScale [size [cacheDir]]}.
 */
public final class AnnRecallAtScale {
  /** The recall@10 the default settings must reach. */
  static final double GOAL = 0.95;
  private static final int QUERIES = 1_000;
  private static final int K = 10;
  private static final int[] LARGER_EFS = {128, 256, 512};
  private static final String BUILD_SECONDS_FILE = "build-seconds.txt";

  private AnnRecallAtScale() {}

  public static void main(String[] args) throws IOException {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path cache = args.length > 1 ? Path.of(args[1]) : null;
    int threads = Runtime.getRuntime().availableProcessors();
    ClusteredEmbeddings spec = AnnVectors.spec(size);
    EmbeddingTable table = spec.table("track", Metric.COSINE);
    float[][] queries = spec.queries(QUERIES, AnnVectors.QUERY_SEED);
    System.out.printf(Locale.ROOT, "%,d x %d clustered vectors (%d clusters, spread %.1f, seed %d), %d queries,"
        + " top %d, %d processors%n", size, table.dimension(), spec.clusters(), spec.spread(), spec.seed(),
        QUERIES, K, threads);
    AnnIndexConfig config = AnnIndexConfig.defaults(Metric.COSINE).withThreads(threads);
    double buildSeconds;
    AnnIndex index;
    if (cache != null && Files.isRegularFile(cache.resolve(BUILD_SECONDS_FILE))) {
      buildSeconds = Double.parseDouble(Files.readString(cache.resolve(BUILD_SECONDS_FILE)).strip());
      index = AnnIndex.load(cache, config);
      System.out.println("loaded the index built earlier from " + cache);
    } else {
      long start = System.nanoTime();
      index = AnnIndex.build(table, config);
      buildSeconds = (System.nanoTime() - start) / 1e9;
      if (cache != null) {
        index.save(cache);
        Files.writeString(cache.resolve(BUILD_SECONDS_FILE), buildSeconds + "\n");
      }
    }
    AnnQualityResult result;
    try (AnnIndex built = index) {
      result = new AnnQuality(K, threads, ThroughputConfig.defaults()).measure(table, built, buildSeconds, queries,
          String.format(Locale.ROOT, "%d draws from the same mixture (seed %d)", QUERIES, AnnVectors.QUERY_SEED));
    }
    System.out.println(table(result));
    if (cache != null) {
      sweep(table, cache, config, queries);
    }
    if (result.recall() < GOAL) {
      System.out.printf(Locale.ROOT, "recall@10 %.4f at the default ef %d is below the goal %.2f%n", result.recall(),
          result.ef(), GOAL);
      System.exit(1);
    }
  }

  /** Recall@10 and one-thread queries per second of the saved graph at larger ef. */
  private static void sweep(EmbeddingTable table, Path cache, AnnIndexConfig config, float[][] queries)
      throws IOException {
    int[][] truth = new int[queries.length][];
    try (ExactIndex exact = ExactIndex.build(table)) {
      for (int q = 0; q < queries.length; q++) {
        truth[q] = exact.search(queries[q], K).rows();
        Arrays.sort(truth[q]);
      }
    }
    System.out.printf("%n| ef | recall@10 | min recall@10 | ANN queries/s, 1 thread |%n|---:|---:|---:|---:|%n");
    for (int ef : LARGER_EFS) {
      try (AnnIndex index = AnnIndex.load(cache, config.withEf(ef))) {
        double sum = 0;
        double min = 1;
        for (int q = 0; q < queries.length; q++) {
          int hits = 0;
          for (int row : index.search(queries[q], K).rows()) {
            hits += Arrays.binarySearch(truth[q], row) >= 0 ? 1 : 0;
          }
          sum += (double) hits / truth[q].length;
          min = Math.min(min, (double) hits / truth[q].length);
        }
        double rate = QueryThroughput.rate(queries, q -> index.search(q, K).size(), 1, ThroughputConfig.defaults());
        System.out.printf(Locale.ROOT, "| %d | %.4f | %.2f | %,.0f |%n", ef, sum / queries.length, min, rate);
      }
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
