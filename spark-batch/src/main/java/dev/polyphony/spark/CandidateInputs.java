package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.retrieval.BlockedExactIndex;
import dev.polyphony.retrieval.candidates.BlendPlan;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CatalogNames;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything an executor needs to compute blended candidate lists, broadcast once: the track embeddings
 * ({@code tracks x dimension} floats, row-major, plus ids), the catalog graph as snapshot bytes, the
 * {@link BlendPlan}, and the {@link CatalogNames} of every query type. The heavy structures (the graph, an
 * {@link ExactIndex} over the vectors, one {@link RetrievalCatalog} and {@link CandidateBlender} per query type)
 * are built on first use, once per executor JVM, and shared by its tasks (the blenders are thread-safe).
 */
final class CandidateInputs implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String nodeType;
  private final String[] ids;
  private final int dimension;
  private final float[] values;
  // EmbeddingMetadata is not serializable: its parts travel instead.
  private final String modelHash;
  private final Metric metric;
  private final Normalization normalization;
  private final Instant createdAt;
  private final TreeMap<String, String> properties;
  private final byte[] graphSnapshot;
  private final BlendPlan plan;
  private final LinkedHashMap<String, CatalogNames> namesByQueryType;
  private transient volatile Built built;

  /** What an executor builds from the broadcast: one index, and a catalog and blender per query type. */
  private record Built(BlockedExactIndex index, Map<String, RetrievalCatalog> catalogs,
      Map<String, CandidateBlender> blenders) {}

  /**
   * @param namesByQueryType per query type ({@code playlist}, {@code user}), the names whose
   *     {@link CatalogNames#playlistRelation()} leads from a query node to its tracks
   */
  CandidateInputs(EmbeddingTable tracks, byte[] graphSnapshot, BlendPlan plan,
      Map<String, CatalogNames> namesByQueryType) {
    this.nodeType = tracks.nodeType();
    this.ids = tracks.ids().toArray(String[]::new);
    this.dimension = tracks.dimension();
    this.values = new float[tracks.size() * tracks.dimension()];
    tracks.valuesView().get(values);
    this.modelHash = tracks.metadata().modelHash();
    this.metric = tracks.metadata().metric();
    this.normalization = tracks.metadata().normalization();
    this.createdAt = tracks.metadata().createdAt();
    this.properties = new TreeMap<>(tracks.metadata().properties());
    this.graphSnapshot = Objects.requireNonNull(graphSnapshot, "graphSnapshot");
    this.plan = Objects.requireNonNull(plan, "plan");
    this.namesByQueryType = new LinkedHashMap<>(namesByQueryType);
  }

  /** The graph as snapshot bytes, for the broadcast. */
  static byte[] snapshotBytes(HeteroGraph graph) throws IOException {
    Path file = Files.createTempFile("polyphony-graph", ".snap");
    try {
      GraphSnapshot.write(graph, file);
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** Bytes the broadcast carries: the vectors ({@code tracks x dimension x 4}), the ids and the snapshot. */
  long bytes() {
    long idBytes = Arrays.stream(ids).mapToLong(id -> 40L + 2L * id.length()).sum();
    return 4L * values.length + idBytes + graphSnapshot.length;
  }

  /** The blender of {@code queryType}; throws naming the type when the inputs have none for it. */
  CandidateBlender blender(String queryType) {
    return known(queryType, built().blenders());
  }

  /** The catalog of {@code queryType} (its relation leads from a query node to its tracks). */
  RetrievalCatalog catalog(String queryType) {
    return known(queryType, built().catalogs());
  }

  /** The index every catalog searches. */
  BlockedExactIndex index() {
    return built().index();
  }

  /** Query vectors to score together: about 64 MB of prepared scores, between 1 and 64 queries. */
  int queryBlock() {
    return (int) Math.max(1, Math.min(64, (16L << 20) / Math.max(1, ids.length)));
  }

  private static <T> T known(String queryType, Map<String, T> byType) {
    T value = byType.get(queryType);
    if (value == null) {
      throw new IllegalArgumentException("no catalog for query type '" + queryType + "' (types: " + byType.keySet()
          + ")");
    }
    return value;
  }

  private Built built() {
    Built b = built;
    if (b == null) {
      synchronized (this) {
        b = built;
        if (b == null) {
          b = build();
          built = b;
        }
      }
    }
    return b;
  }

  private Built build() {
    EmbeddingTable tracks = new EmbeddingTable(nodeType, List.of(ids), dimension, values.clone(),
        new EmbeddingMetadata(modelHash, metric, normalization, createdAt, properties));
    HeteroGraph graph = readGraph();
    BlockedExactIndex index = BlockedExactIndex.build(tracks, metric, BlockedExactIndex.DEFAULT_BLOCK_ROWS);
    Map<String, RetrievalCatalog> catalogs = new LinkedHashMap<>();
    Map<String, CandidateBlender> blenders = new LinkedHashMap<>();
    namesByQueryType.forEach((type, names) -> {
      RetrievalCatalog catalog = new RetrievalCatalog(tracks, index, graph, names);
      catalogs.put(type, catalog);
      blenders.put(type, plan.blender(catalog));
    });
    return new Built(index, Map.copyOf(catalogs), Map.copyOf(blenders));
  }

  private HeteroGraph readGraph() {
    try {
      Path file = Files.createTempFile("polyphony-graph", ".snap");
      try {
        Files.write(file, graphSnapshot);
        return GraphSnapshot.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the broadcast graph snapshot", e);
    }
  }
}
