package dev.polyphony.bench;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.neo4j.EmbeddedNeo4jConfig;
import dev.polyphony.neo4j.EmbeddingWriteConfig;
import dev.polyphony.neo4j.EmbeddingWriteResult;
import dev.polyphony.neo4j.EmbeddingWriter;
import dev.polyphony.neo4j.GraphImportConfig;
import dev.polyphony.neo4j.GraphImporter;
import dev.polyphony.neo4j.Neo4jConnection;
import dev.polyphony.neo4j.Neo4jTarget;
import dev.polyphony.neo4j.VectorIndexSpec;
import dev.polyphony.neo4j.VectorIndexes;
import dev.polyphony.neo4j.VectorMatch;
import dev.polyphony.neo4j.VectorSimilarity;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.Neighbors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.neo4j.driver.Session;

/**
 * Embeddings in the embedded Neo4j: how fast {@link EmbeddingWriter} writes vectors onto existing nodes,
 * how long the vector index takes to come online, and how fast and how well it answers top-10 queries.
 * The vectors are the ANN benchmarks' clustered 64-d set ({@link AnnVectors}), one per {@code :Track}
 * node; queries come from the same mixture but are not rows. Recall@10 is measured against
 * {@link ExactIndex} (cosine, brute force). Latency is per query through the driver, Bolt and Cypher
 * ({@code db.index.vector.queryNodes}), one query at a time after a warm-up, for several numbers of
 * candidates the index searches for (the top 10 of them are kept).
 *
 * <p>Run (see {@link Neo4jImportComparison} for building the classpath):
 * <pre>
 * java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) \
 *     dev.polyphony.bench.Neo4jVectorBenchmark [size=100000] [queries=500]
 * </pre>
 */
public final class Neo4jVectorBenchmark {
  private static final int K = 10;
  private static final int WARMUP_QUERIES = 100;
  private static final int[] CANDIDATES = {10, 100};

  private Neo4jVectorBenchmark() {}

  public static void main(String[] args) throws IOException {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    EmbeddingTable table = AnnVectors.spec(size).table("track", Metric.COSINE);
    float[][] queries = AnnVectors.spec(size).queries(queryCount, AnnVectors.QUERY_SEED);
    float[][] warmup = AnnVectors.spec(size).queries(WARMUP_QUERIES, AnnVectors.QUERY_SEED + 1);
    System.out.printf("%,d x %d clustered vectors, %d queries, load average %s%n", size, table.dimension(),
        queryCount, Neo4jImportComparison.loadAverage());

    Path home = Files.createTempDirectory("polyphony-neo4j-vectors");
    try (Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(
        new EmbeddedNeo4jConfig(home, 0, EmbeddedNeo4jConfig.DEFAULT_PAGE_CACHE_BYTES)))) {
      new GraphImporter(target, GraphImportConfig.defaults()).importGraph(tracksOnly(table), ProgressTracker.NONE);

      EmbeddingWriteConfig config = EmbeddingWriteConfig.forTable(table);
      EmbeddingWriteResult written = new EmbeddingWriter(target).write(table, config, ProgressTracker.NONE);
      if (written.written() != size) {
        throw new IllegalStateException("wrote " + written.written() + " of " + size + " vectors");
      }
      System.out.printf("write:  %,d vectors in %.1f s = %,.0f vectors/s (%,d per transaction, %d at a time; "
          + "load %s)%n", written.written(), written.nanos() / 1e9, written.rowsPerSecond(), config.batchSize(),
          config.concurrency(), Neo4jImportComparison.loadAverage());

      VectorIndexes indexes = new VectorIndexes(target);
      VectorIndexSpec spec = new VectorIndexSpec(VectorIndexSpec.defaultName(config.label(), config.property()),
          config.label(), config.property(), table.dimension(), VectorSimilarity.forEmbeddings(table.metadata()));
      List<Neighbors> truth = new ArrayList<>(queryCount);
      try (ExactIndex exact = ExactIndex.build(table, Metric.COSINE, 1)) {
        for (float[] q : queries) {
          truth.add(exact.search(q, K));
        }
      }
      for (boolean quantized : new boolean[] {false, true}) {
        long t0 = System.nanoTime();
        VectorIndexSpec index = indexes.ensure(spec.withQuantization(quantized), Duration.ofHours(1));
        System.out.printf(Locale.ROOT, "index:  %s, online after %.1f s (%s, HNSW with Neo4j's default M and "
            + "efConstruction; load %s)%n", quantized ? "quantised" : "full vectors", (System.nanoTime() - t0) / 1e9,
            index.similarity().label(), Neo4jImportComparison.loadAverage());
        for (float[] q : warmup) {
          indexes.query(index.name(), q, K, K * 10);
        }
        for (int candidates : CANDIDATES) {
          measureQueries(indexes, index.name(), queries, truth, candidates);
        }
        try (Session s = target.session()) {
          s.run("DROP INDEX " + index.name()).consume();
        }
      }
    } finally {
      try (Stream<Path> files = Files.walk(home)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    System.out.println("load average at end: " + Neo4jImportComparison.loadAverage());
  }

  /** Latency and recall@K of the queries when the index searches for {@code candidates} nodes. */
  private static void measureQueries(VectorIndexes indexes, String index, float[][] queries, List<Neighbors> truth,
      int candidates) {
    int n = queries.length;
    long[] nanos = new long[n];
    double recallSum = 0;
    double recallMin = 1;
    for (int i = 0; i < n; i++) {
      long s = System.nanoTime();
      List<VectorMatch> found = indexes.query(index, queries[i], K, candidates);
      nanos[i] = System.nanoTime() - s;
      double recall = recall(found, truth.get(i));
      recallSum += recall;
      recallMin = Math.min(recallMin, recall);
    }
    Arrays.sort(nanos);
    double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
    System.out.printf(Locale.ROOT, "query:  top-%d of %4d candidates: recall@%d %.4f (worst %.2f), latency median "
        + "%.2f ms, p95 %.2f ms, mean %.2f ms (%,.0f queries/s one at a time; load %s)%n", K, candidates, K,
        recallSum / n, recallMin, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, mean, 1e3 / mean,
        Neo4jImportComparison.loadAverage());
  }

  /** Share of the exact top-k ids among the found ones. */
  private static double recall(List<VectorMatch> found, Neighbors truth) {
    Set<String> expected = new HashSet<>(truth.ids());
    long hits = found.stream().filter(m -> expected.contains(m.id())).count();
    return (double) hits / expected.size();
  }

  /** A graph of the table's ids as track nodes and nothing else. */
  private static HeteroGraph tracksOnly(EmbeddingTable table) {
    NodeType track = NodeType.of(table.nodeType());
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(track), List.of()));
    for (String id : table.ids()) {
      b.addNode(track, id);
    }
    return b.build();
  }
}
