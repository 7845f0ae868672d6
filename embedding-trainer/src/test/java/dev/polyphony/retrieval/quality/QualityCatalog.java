package dev.polyphony.retrieval.quality;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationQueries;
import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A hand-built training graph with unit 2-d track vectors given by their angle, and warm queries over it.
 *
 * <pre>
 *   track angle  creator (sum popularity)  popularity  released     tail  fresh
 *   t0      0°   c0 (90)                   50          2019-01-01
 *   t1     20°   c0                        40          2018-05-01
 *   t2     10°   c1 (60)                   60          2020-03-01          yes
 *   t3     50°   c2 (5)                     5          2019-06-01   yes
 *   t4     30°   c3 (50)                   30          2017-01-01               (not a candidate)
 *   t5     90°   c4 (10)                   10          2020-02-15   yes    yes
 *   t6    120°   c5 (80)                   35          2019-12-01
 *   t7    230°   c5                        45          2020-02-10          yes
 *   t8     graph only, no vector; c3       20          2015-01-01
 *   x9      5°   table only, not in the graph
 * </pre>
 * Creators by popularity c2 5, c4 10, c3 50, c1 60, c5 80, c0 90: rank percentiles 0, 16.7, 33.3, ...,
 * so c2 and c4 are below the 20th: tail tracks t3 and t5. Fresh: released in the 30 days to the latest
 * date 2020-03-01, i.e. from 2020-02-01: t2, t5, t7.
 *
 * <p>Training playlists: p0 = {t0, t1} (mean at 10°: cos t2 1.000, x9 0.996, t4 0.940, t3 0.766, t5
 * 0.174, t6 -0.342, t7 -0.766); p1 = {t5, t6} (mean at 105°: t3 0.574, t4 0.423, t1 0.087, t2 -0.087,
 * x9 -0.174, t0 -0.259, t7 -0.574); p2 = {t8} (no vector). Warm candidates: every graph track but t4;
 * the embedded ones are t0-t3, t5-t7 (7 tracks). Queries: p0 relevant {t2, t6}, p1 {t7}, p2 {t0}.
 */
final class QualityCatalog {
  static final NodeType TRACK = NodeType.of("track");
  static final NodeType PLAYLIST = NodeType.of("playlist");
  static final NodeType ARTIST = NodeType.of("artist");
  static final EdgeType CONTAINS = EdgeType.of(PLAYLIST, "contains", TRACK);
  static final EdgeType BY_ARTIST = EdgeType.of(TRACK, "by_artist", ARTIST);

  private static final double[] ANGLES = {0, 20, 10, 50, 30, 90, 120, 230};
  private static final int[] CREATOR = {0, 0, 1, 2, 3, 4, 5, 5, 3};
  private static final int[] POPULARITY = {50, 40, 60, 5, 30, 10, 35, 45, 20};
  private static final String[] RELEASED = {"2019-01-01", "2018-05-01", "2020-03-01", "2019-06-01", "2017-01-01",
      "2020-02-15", "2019-12-01", "2020-02-10", "2015-01-01"};

  private QualityCatalog() {}

  static EmbeddingTable table() {
    List<String> ids = new ArrayList<>();
    float[] values = new float[2 * (ANGLES.length + 1)];
    for (int t = 0; t < ANGLES.length; t++) {
      ids.add("t" + t);
      values[2 * t] = (float) Math.cos(Math.toRadians(ANGLES[t]));
      values[2 * t + 1] = (float) Math.sin(Math.toRadians(ANGLES[t]));
    }
    ids.add("x9");
    values[2 * ANGLES.length] = (float) Math.cos(Math.toRadians(5));
    values[2 * ANGLES.length + 1] = (float) Math.sin(Math.toRadians(5));
    return new EmbeddingTable("track", ids, 2, values,
        EmbeddingMetadata.of("quality-model", Metric.COSINE, Normalization.NONE, Instant.EPOCH));
  }

  static HeteroGraph graph() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(TRACK, PLAYLIST, ARTIST),
        List.of(CONTAINS, BY_ARTIST)));
    AttributeColumn.Builder released = b.attribute(TRACK, "release_date", AttributeKind.DATE);
    AttributeColumn.Builder popularity = b.attribute(TRACK, "popularity", AttributeKind.INT);
    for (int c = 0; c < 6; c++) {
      b.addNode(ARTIST, "c" + c);
    }
    for (int t = 0; t < 9; t++) {
      int node = b.addNode(TRACK, "t" + t);
      released.setDate(node, LocalDate.parse(RELEASED[t]));
      popularity.setInt(node, POPULARITY[t]);
      b.addEdge(BY_ARTIST, node, CREATOR[t]);
    }
    int[][] playlists = {{0, 1}, {5, 6}, {8}};
    for (int p = 0; p < playlists.length; p++) {
      int node = b.addNode(PLAYLIST, "p" + p);
      for (int t : playlists[p]) {
        b.addEdge(CONTAINS, node, t);
      }
    }
    return b.build();
  }

  static EvaluationQueries queries() {
    BitSet candidates = new BitSet();
    candidates.set(0, 9);
    candidates.clear(4);
    return new EvaluationQueries(EvaluationProtocol.WARM, new int[] {0, 1, 2}, new int[] {0, 2, 3, 4},
        new int[] {2, 6, 7, 0}, candidates, 0);
  }

  static RetrievalCatalog catalog() {
    EmbeddingTable table = table();
    return new RetrievalCatalog(table, ExactIndex.build(table, Metric.COSINE, 1), graph());
  }
}
