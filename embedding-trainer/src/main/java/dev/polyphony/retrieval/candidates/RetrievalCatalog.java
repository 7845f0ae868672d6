package dev.polyphony.retrieval.candidates;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeType;
import dev.polyphony.retrieval.Neighbors;
import dev.polyphony.retrieval.VectorIndex;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What candidate generators work from: the track embeddings (every row is a track that can be
 * returned, including tracks embedded inductively after training), a {@link VectorIndex} over those
 * rows, and the catalog graph with the tracks' attributes and relations, joined by external track id.
 *
 * <p>A row whose id is not a track of the graph has no attributes: generators that filter on an
 * attribute never return it. A graph track without a row has no vector: it is never returned and does
 * not count towards a playlist's mean. Immutable; safe for concurrent use.
 */
public final class RetrievalCatalog {
  private final EmbeddingTable tracks;
  private final VectorIndex index;
  private final HeteroGraph graph;
  private final CatalogNames names;
  private final NodeType trackType;
  private final int[] nodeOfRow;
  private final int[] rowOfNode;

  /**
   * Joins {@code tracks}, {@code index} and {@code graph}. The index must hold the table's rows in
   * order (as {@code AnnIndex.build(tracks, ...)} does), and the table's node type must be
   * {@code names.trackType()}.
   */
  public RetrievalCatalog(EmbeddingTable tracks, VectorIndex index, HeteroGraph graph, CatalogNames names) {
    this.tracks = Objects.requireNonNull(tracks, "tracks");
    this.index = Objects.requireNonNull(index, "index");
    this.graph = Objects.requireNonNull(graph, "graph");
    this.names = Objects.requireNonNull(names, "names");
    if (!tracks.nodeType().equals(names.trackType())) {
      throw new IllegalArgumentException("embeddings are of node type '" + tracks.nodeType()
          + "', candidates are of node type '" + names.trackType() + "'");
    }
    if (index.size() != tracks.size() || index.dimension() != tracks.dimension()) {
      throw new IllegalArgumentException("index holds " + index.size() + " x " + index.dimension()
          + " vectors, the table " + tracks.size() + " x " + tracks.dimension());
    }
    for (int row = 0; row < tracks.size(); row++) {
      if (!index.id(row).equals(tracks.id(row))) {
        throw new IllegalArgumentException("index row " + row + " is '" + index.id(row) + "', table row "
            + row + " is '" + tracks.id(row) + "': the index was not built from this table");
      }
    }
    if (!graph.schema().hasNodeType(names.trackType())) {
      throw new IllegalArgumentException("the graph has no node type '" + names.trackType() + "' (it has "
          + graph.schema().nodeTypes().stream().map(NodeType::name).toList() + ")");
    }
    this.trackType = graph.schema().nodeType(names.trackType());
    IdMap graphIds = graph.ids(trackType);
    this.nodeOfRow = new int[tracks.size()];
    this.rowOfNode = new int[graphIds.size()];
    Arrays.fill(rowOfNode, -1);
    for (int row = 0; row < tracks.size(); row++) {
      int node = graphIds.indexOf(tracks.id(row));
      nodeOfRow[row] = node;
      if (node >= 0) {
        rowOfNode[node] = row;
      }
    }
  }

  /** A catalog with the {@link CatalogNames#defaults() default names}. */
  public RetrievalCatalog(EmbeddingTable tracks, VectorIndex index, HeteroGraph graph) {
    this(tracks, index, graph, CatalogNames.defaults());
  }

  public EmbeddingTable tracks() {
    return tracks;
  }

  public VectorIndex index() {
    return index;
  }

  public HeteroGraph graph() {
    return graph;
  }

  public CatalogNames names() {
    return names;
  }

  public NodeType trackType() {
    return trackType;
  }

  /** Number of rows (tracks that can be returned). */
  public int size() {
    return tracks.size();
  }

  /** The graph node of the track at {@code row}, or -1 when the graph does not have it. */
  public int node(int row) {
    return nodeOfRow[row];
  }

  /** The row of graph track {@code node}, or -1 when it has no vector. */
  public int row(int node) {
    return rowOfNode[node];
  }

  /** The track attribute {@code name}, if the graph has it. */
  public Optional<AttributeColumn> trackAttribute(String name) {
    return graph.attributes(trackType).find(name);
  }

  /**
   * The track attribute {@code name} of one of {@code kinds}; throws naming the attribute, the
   * generator that needs it and {@code howToSupply} when it is absent or of another kind.
   */
  public AttributeColumn requireTrackAttribute(String name, Set<AttributeKind> kinds, String generator,
      String howToSupply) {
    AttributeColumn column = trackAttribute(name).orElseThrow(() -> new IllegalArgumentException(generator
        + " needs the track attribute '" + name + "', which this graph lacks (track attributes: "
        + graph.attributes(trackType).names() + "); " + howToSupply));
    if (!kinds.contains(column.kind())) {
      throw new IllegalArgumentException(generator + " needs the track attribute '" + name + "' of kind "
          + kinds + ", the graph has " + column.kind());
    }
    return column;
  }

  /** The attribute kinds that hold a number. */
  static Set<AttributeKind> numeric() {
    return EnumSet.of(AttributeKind.INT, AttributeKind.FLOAT);
  }

  /** The relation {@code relation} if the graph has it. */
  public Optional<EdgeType> relation(String relation) {
    return graph.schema().hasRelation(relation) ? Optional.of(graph.schema().edgeType(relation)) : Optional.empty();
  }

  /** The relation {@code relation}; throws naming it and the generator that needs it when absent. */
  public EdgeType requireRelation(String relation, String generator) {
    return relation(relation).orElseThrow(() -> new IllegalArgumentException(generator + " needs the relation '"
        + relation + "', which this graph lacks (relations: " + graph.schema().edgeTypes().stream()
        .map(EdgeType::relation).toList() + ")"));
  }

  /**
   * Looks up the request's seed track and playlist. The playlist's vector is the mean of its tracks'
   * vectors (unit rows under cosine, raw rows under inner product) scaled to unit length.
   *
   * @throws IllegalArgumentException when the seed track has no vector, the playlist is not in the
   *     graph, or none of its tracks has a vector
   */
  public ResolvedRequest resolve(CandidateRequest request) {
    BitSet excluded = new BitSet(size());
    float[] seed = null;
    if (request.hasSeedTrack()) {
      int row = tracks.rowOf(request.seedTrack());
      if (row < 0) {
        throw new IllegalArgumentException("seed track '" + request.seedTrack() + "' has no embedding ("
            + size() + " tracks are embedded)");
      }
      float[] v = tracks.vector(row);
      if (length(v) == 0) {
        throw new IllegalArgumentException("seed track '" + request.seedTrack() + "' has a zero vector");
      }
      seed = unit(v);
      excluded.set(row);
    }
    float[] playlist = null;
    int members = 0;
    if (request.hasPlaylist()) {
      EdgeType contains = requireRelation(names.playlistRelation(), "a playlist request");
      IdMap playlists = graph.ids(contains.src());
      int node = playlists.indexOf(request.playlist());
      if (node < 0) {
        throw new IllegalArgumentException("no " + contains.src().name() + " '" + request.playlist()
            + "' in the graph");
      }
      CsrAdjacency out = graph.out(contains);
      float[] sum = new float[tracks.dimension()];
      for (int i = out.start(node); i < out.end(node); i++) {
        int row = rowOfNode[out.target(i)];
        if (row < 0) {
          continue;
        }
        excluded.set(row);
        float[] v = tracks.vector(row);
        if (index.metric() == Metric.COSINE) {
          v = unit(v);
        }
        for (int c = 0; c < v.length; c++) {
          sum[c] += v[c];
        }
        members++;
      }
      if (members == 0) {
        throw new IllegalArgumentException(contains.src().name() + " '" + request.playlist() + "' has "
            + out.degree(node) + " tracks, none with an embedding");
      }
      if (length(sum) == 0) {
        throw new IllegalArgumentException("the tracks of " + contains.src().name() + " '" + request.playlist()
            + "' cancel out: their mean vector is zero");
      }
      playlist = unit(sum);
    }
    for (String id : request.exclusions()) {
      int row = tracks.rowOf(id);
      if (row >= 0) {
        excluded.set(row);
      }
    }
    float[] query;
    if (seed != null && playlist != null) {
      float[] both = new float[seed.length];
      for (int c = 0; c < both.length; c++) {
        both[c] = seed[c] + playlist[c];
      }
      query = length(both) == 0 ? seed : unit(both);
    } else {
      query = seed != null ? seed : playlist;
    }
    return new ResolvedRequest(request, seed, playlist, members, query, excluded);
  }

  /** The {@code k} most relevant rows to {@code query} among the rows {@code allowed} accepts. */
  Neighbors search(float[] query, int k, IntPredicate allowed) {
    return index.search(query, k, allowed);
  }

  /** The short name of the index's similarity for reasons: {@code cos} or {@code ip}. */
  String similarityLabel() {
    return index.metric() == Metric.COSINE ? "cos" : "ip";
  }

  /** {@code "cos 0.91 to seed track t7"}. */
  String relevance(double score, ResolvedRequest resolved) {
    return similarityLabel() + " " + Numbers.fixed2(score) + " to " + resolved.target();
  }

  private static double length(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    return Math.sqrt(sum);
  }

  private static float[] unit(float[] v) {
    double length = length(v);
    if (length == 0) {
      throw new IllegalArgumentException("a vector of length 0 has no direction");
    }
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) (v[i] / length);
    }
    return out;
  }

  /** The latest date in a DATE column; throws naming {@code generator} when no row has one. */
  static LocalDate latestDate(AttributeColumn dates, String generator) {
    long latest = Long.MIN_VALUE;
    for (int node = 0; node < dates.size(); node++) {
      if (dates.isPresent(node)) {
        latest = Math.max(latest, dates.getEpochDay(node));
      }
    }
    if (latest == Long.MIN_VALUE) {
      throw new IllegalArgumentException(generator + " needs dates, but no track has a '" + dates.name()
          + "' value");
    }
    return LocalDate.ofEpochDay(latest);
  }
}
