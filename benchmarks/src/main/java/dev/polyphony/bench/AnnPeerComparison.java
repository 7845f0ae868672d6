package dev.polyphony.bench;

import com.github.jelmerk.hnswlib.core.DistanceFunctions;
import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import dev.polyphony.embedding.ClusteredEmbeddings;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import dev.polyphony.retrieval.ExactIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Voyager (through {@link AnnIndex}) side by side with the pure-Java {@code hnswlib-core} and the exact
 * index, in one run on the same clustered 64-d vectors (cosine) and the same HNSW parameters: M 16,
 * efConstruction 200, ef in {32, 64, 128}. Prints build time, top-10 queries per second (one query
 * at a time from one thread; the exact index scans with all processors) and recall@10 against the
 * exact index, with ratios.
 *
 * <p>hnswlib gets the vectors L2-normalised with its inner-product distance {@code 1 - a.b}, which is
 * what Voyager's cosine space does internally; hnswlib's own cosine distance would recompute both
 * norms on every comparison and make it look slower than it is. Both build with all processors.
 *
 * <p>Queries per second is the median of {@value #ROUNDS} timed passes over the queries after
 * {@value #WARMUP_PASSES} warm-up passes. Run it after packaging the benchmarks:
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.polyphony.bench.AnnPeerComparison [size]}.
 */
public final class AnnPeerComparison {
  private static final int[] EFS = {32, 64, 128};
  private static final int K = 10;
  private static final int QUERIES = 1_000;
  private static final int WARMUP_PASSES = 5;
  private static final int ROUNDS = 5;

  /** Keeps the results alive so the JIT cannot drop the searches. */
  private static volatile long blackhole;

  private AnnPeerComparison() {}

  /** One measured configuration. */
  record Row(String library, String ef, double buildSeconds, double queriesPerSecond, double recall) {}

  /** A vector with its row as id, as hnswlib wants its items. */
  record RowVector(Integer id, float[] vector) implements Item<Integer, float[]> {
    @Override
    public int dimensions() {
      return vector.length;
    }
  }

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int threads = Runtime.getRuntime().availableProcessors();
    ClusteredEmbeddings spec = AnnVectors.spec(size);
    EmbeddingTable table = spec.table("track", Metric.COSINE);
    float[][] queries = spec.queries(QUERIES, AnnVectors.QUERY_SEED);
    System.out.printf(Locale.ROOT, "%d x %d clustered vectors, %d queries, top %d, %d processors%n",
        size, table.dimension(), QUERIES, K, threads);

    List<Row> rows = new ArrayList<>();
    int[][] truth;
    try (ExactIndex exact = ExactIndex.build(table)) {
      truth = new int[QUERIES][];
      for (int q = 0; q < QUERIES; q++) {
        truth[q] = exact.search(queries[q], K).rows();
      }
      rows.add(new Row("exact", "-", 0, queriesPerSecond(queries, q -> exact.search(q, K).rows()), 1.0));
    }

    Path saved = Files.createTempDirectory("ann-peer-comparison");
    try {
      AnnIndexConfig config = AnnIndexConfig.defaults(Metric.COSINE).withThreads(threads);
      long start = System.nanoTime();
      try (AnnIndex built = AnnIndex.build(table, config)) {
        double buildSeconds = seconds(start);
        built.save(saved);
        for (int ef : EFS) {
          try (AnnIndex index = AnnIndex.load(saved, config.withEf(ef))) {
            Function<float[], int[]> search = q -> index.search(q, K).rows();
            rows.add(new Row("voyager", Integer.toString(ef), buildSeconds, queriesPerSecond(queries, search),
                recall(queries, truth, search)));
          }
        }
      }
    } finally {
      deleteTree(saved);
    }

    List<RowVector> items = new ArrayList<>(size);
    for (int row = 0; row < size; row++) {
      items.add(new RowVector(row, normalized(table.vector(row))));
    }
    HnswIndex<Integer, float[], RowVector, Float> hnsw = HnswIndex
        .newBuilder(table.dimension(), DistanceFunctions.FLOAT_INNER_PRODUCT, size)
        .withM(AnnIndexConfig.DEFAULT_M).withEfConstruction(AnnIndexConfig.DEFAULT_EF_CONSTRUCTION)
        .build();
    long start = System.nanoTime();
    hnsw.addAll(items, threads, (done, max) -> { }, size);
    double hnswBuild = seconds(start);
    float[][] normalizedQueries = Arrays.stream(queries).map(AnnPeerComparison::normalized).toArray(float[][]::new);
    for (int ef : EFS) {
      hnsw.setEf(ef);
      Function<float[], int[]> search = q -> {
        List<SearchResult<RowVector, Float>> found = hnsw.findNearest(q, K);
        return found.stream().mapToInt(r -> r.item().id()).toArray();
      };
      rows.add(new Row("hnswlib", Integer.toString(ef), hnswBuild, queriesPerSecond(normalizedQueries, search),
          recall(normalizedQueries, truth, search)));
    }
    print(rows);
  }

  private static void print(List<Row> rows) {
    Row exact = rows.get(0);
    System.out.printf(Locale.ROOT, "%n%-8s %4s %9s %11s %9s %11s %13s %14s%n", "library", "ef", "build s",
        "queries/s", "recall@10", "qps/exact", "qps/voyager", "build/voyager");
    for (Row r : rows) {
      Row voyager = rows.stream().filter(v -> v.library().equals("voyager") && v.ef().equals(r.ef()))
          .findFirst().orElse(null);
      System.out.printf(Locale.ROOT, "%-8s %4s %9s %11.0f %9.4f %11.1f %13s %14s%n", r.library(), r.ef(),
          r.library().equals("exact") ? "-" : String.format(Locale.ROOT, "%.1f", r.buildSeconds()),
          r.queriesPerSecond(), r.recall(), r.queriesPerSecond() / exact.queriesPerSecond(),
          voyager == null ? "-" : String.format(Locale.ROOT, "%.2f", r.queriesPerSecond() / voyager.queriesPerSecond()),
          voyager == null ? "-" : String.format(Locale.ROOT, "%.2f", r.buildSeconds() / voyager.buildSeconds()));
    }
  }

  private static double queriesPerSecond(float[][] queries, Function<float[], int[]> search) {
    long sink = 0;
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      for (float[] q : queries) {
        sink += search.apply(q).length;
      }
    }
    double[] rates = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      for (float[] q : queries) {
        sink += search.apply(q).length;
      }
      rates[round] = queries.length / seconds(start);
    }
    blackhole += sink;
    Arrays.sort(rates);
    return rates[ROUNDS / 2];
  }

  private static double recall(float[][] queries, int[][] truth, Function<float[], int[]> search) {
    double sum = 0;
    for (int q = 0; q < queries.length; q++) {
      int[] expected = truth[q].clone();
      Arrays.sort(expected);
      int hits = 0;
      for (int row : search.apply(queries[q])) {
        hits += Arrays.binarySearch(expected, row) >= 0 ? 1 : 0;
      }
      sum += (double) hits / expected.length;
    }
    return sum / queries.length;
  }

  private static float[] normalized(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    double length = Math.sqrt(sum);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / length);
    }
    return out;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
