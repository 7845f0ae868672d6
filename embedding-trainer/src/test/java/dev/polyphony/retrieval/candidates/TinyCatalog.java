package dev.polyphony.retrieval.candidates;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.retrieval.ExactIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built catalog with unit 2-d track vectors (cosine) and hand-set attributes.
 *
 * <pre>
 *   id  vector          cos to t0  released     popularity  margin  creator
 *   t0  ( 1.00,  0.00)   1.00      2020-01-01   90          0.10    a0
 *   t1  ( 0.96,  0.28)   0.96      2019-06-01   80          0.50    a0
 *   t2  ( 0.80,  0.60)   0.80      2020-01-10   10          0.90    a1
 *   t3  ( 0.60,  0.80)   0.60      2020-01-14   20          0.20    a2
 *   t4  ( 0.00,  1.00)   0.00      2018-01-01    5          0.70    a3
 *   t5  (-1.00,  0.00)  -1.00      2020-01-15   30          0.40    a3
 *   t6  ( 0.28,  0.96)   0.28      2019-12-20   15          -       a2
 *   t7  (-0.60,  0.80)  -0.60      2019-11-01   40          0.60    a1
 *   t8  graph only, no vector      -             2          -       a4
 *   t9  (-0.80, -0.60)  -0.80      table only, not in the graph
 * </pre>
 *
 * Creators by summed popularity: a0 170, a1 50, a2 35, a3 35, a4 2; rank percentiles 80, 60, 20, 20,
 * 0. Playlists: p0 = {t0, t1} (unit mean (0.98995, 0.14142): cos t2 0.877, t3 0.707, t6 0.413, t4
 * 0.141, t7 -0.481, t9 -0.877, t5 -0.990); p1 = {t8} (no track with a vector).
 *
 * <p>With engagement, {@code listened} edges (user to track) at noon UTC, the latest on 2020-01-15:
 * in the 7 days to 2020-01-15 vs the 7 days before, t2 3 vs 0, t3 2 vs 1, t4 1 vs 0, t1 1 vs 3.
 */
public final class TinyCatalog {
  static final NodeType TRACK = NodeType.of("track");
  static final NodeType PLAYLIST = NodeType.of("playlist");
  static final NodeType ARTIST = NodeType.of("artist");
  static final NodeType USER = NodeType.of("user");
  static final EdgeType CONTAINS = EdgeType.of(PLAYLIST, "contains", TRACK);
  static final EdgeType BY_ARTIST = EdgeType.of(TRACK, "by_artist", ARTIST);
  static final EdgeType LISTENED = EdgeType.of(USER, "listened", TRACK);

  private static final String[] DATES = {"2020-01-01", "2019-06-01", "2020-01-10", "2020-01-14", "2018-01-01",
      "2020-01-15", "2019-12-20", "2019-11-01", null};
  private static final int[] POPULARITY = {90, 80, 10, 20, 5, 30, 15, 40, 2};
  private static final float[] MARGIN = {0.1f, 0.5f, 0.9f, 0.2f, 0.7f, 0.4f, Float.NaN, 0.6f, Float.NaN};
  private static final int[] ARTIST_OF = {0, 0, 1, 2, 3, 3, 2, 1, 4};
  private static final long NOON_MILLIS = 12 * 3_600_000L;

  private TinyCatalog() {}

  public static EmbeddingTable table() {
    return new EmbeddingTable("track", List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t9"), 2,
        new float[] {1, 0, 0.96f, 0.28f, 0.8f, 0.6f, 0.6f, 0.8f, 0, 1, -1, 0, 0.28f, 0.96f, -0.6f, 0.8f,
            -0.8f, -0.6f},
        EmbeddingMetadata.of("tiny-model", Metric.COSINE, Normalization.NONE, Instant.EPOCH));
  }

  /** The graph with every attribute and timestamped listens. */
  public static HeteroGraph graph() {
    return graph(true, true);
  }

  public static HeteroGraph graph(boolean withListens, boolean withMargin) {
    List<EdgeType> edges = new ArrayList<>(List.of(CONTAINS, BY_ARTIST));
    if (withListens) {
      edges.add(LISTENED);
    }
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(TRACK, PLAYLIST, ARTIST, USER), edges));
    AttributeColumn.Builder released = b.attribute(TRACK, "release_date", AttributeKind.DATE);
    AttributeColumn.Builder popularity = b.attribute(TRACK, "popularity", AttributeKind.INT);
    AttributeColumn.Builder margin = withMargin ? b.attribute(TRACK, "margin", AttributeKind.FLOAT) : null;
    for (int a = 0; a < 5; a++) {
      b.addNode(ARTIST, "a" + a);
    }
    for (int t = 0; t < 9; t++) {
      int node = b.addNode(TRACK, "t" + t);
      if (DATES[t] != null) {
        released.setDate(node, LocalDate.parse(DATES[t]));
      }
      popularity.setInt(node, POPULARITY[t]);
      if (margin != null && !Float.isNaN(MARGIN[t])) {
        margin.setFloat(node, MARGIN[t]);
      }
      b.addEdge(BY_ARTIST, node, ARTIST_OF[t]);
    }
    int p0 = b.addNode(PLAYLIST, "p0");
    b.addEdge(CONTAINS, p0, 0);
    b.addEdge(CONTAINS, p0, 1);
    int p1 = b.addNode(PLAYLIST, "p1");
    b.addEdge(CONTAINS, p1, 8);
    if (withListens) {
      b.declareTimestamps(LISTENED);
      for (int u = 0; u < 5; u++) {
        b.addNode(USER, "u" + u);
      }
      listen(b, 0, 2, "2020-01-10");
      listen(b, 1, 2, "2020-01-12");
      listen(b, 2, 2, "2020-01-15");
      listen(b, 0, 3, "2020-01-09");
      listen(b, 1, 3, "2020-01-14");
      listen(b, 2, 3, "2020-01-05");
      listen(b, 0, 4, "2020-01-11");
      listen(b, 0, 1, "2020-01-13");
      listen(b, 1, 1, "2020-01-02");
      listen(b, 2, 1, "2020-01-03");
      listen(b, 3, 1, "2020-01-07");
      listen(b, 4, 0, "2019-10-01");
    }
    return b.build();
  }

  private static void listen(HeteroGraphBuilder b, int user, int track, String day) {
    b.addEdge(LISTENED, user, track, 1, LocalDate.parse(day).toEpochDay() * 86_400_000L + NOON_MILLIS);
  }

  /** The catalog over the full graph with an exact index. */
  static RetrievalCatalog catalog() {
    return catalog(graph());
  }

  static RetrievalCatalog catalog(HeteroGraph graph) {
    EmbeddingTable table = table();
    return new RetrievalCatalog(table, ExactIndex.build(table, Metric.COSINE, 1), graph);
  }
}
