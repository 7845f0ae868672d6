package dev.polyphony.graph.split;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

/**
 * A hand-built catalog small enough to check every split by hand. Dense ids equal the numbers in the
 * names (playlists p0..p3, tracks t0..t5, artists a0..a1).
 *
 * <pre>
 * contains (weight, timestamp)             genre     by_artist
 *   p0 -> t0 (1, 100) t1 (2, 200) t2 (3, 300) t3 (4, 400)   rock      t0, t1, t5 -> a0
 *   p1 -> t1 (5, 500) t3 (6, 600)                           pop       t2, t3, t4 -> a1
 *   p2 -> t0 (7, 700) t2 (8, 800) t4 (9, 900)               rock
 *   p3 -> t4 (10, 1000)                                     (null)
 * release_date: t0 2010-01-01, t1 2015-06-01, t2 2020-01-01, t3 null, t4 2021-03-05, t5 2022-02-02
 * t5 is in no playlist.
 * </pre>
 */
final class SplitFixture {
  static final GraphSchema SCHEMA;
  static final NodeType PLAYLIST;
  static final NodeType TRACK;
  static final NodeType ARTIST;
  static final EdgeType CONTAINS;
  static final EdgeType BY_ARTIST;

  static {
    GraphSchema.Builder b = GraphSchema.builder();
    PLAYLIST = b.node("playlist");
    TRACK = b.node("track");
    ARTIST = b.node("artist");
    CONTAINS = b.edge(PLAYLIST, "contains", TRACK);
    BY_ARTIST = b.edge(TRACK, "by_artist", ARTIST);
    SCHEMA = b.build();
  }

  /** One edge of the fixture; weight and timestamp are 0 for {@code by_artist}. */
  record Edge(EdgeType type, int src, int dst, float weight, long timestamp) {}

  static final List<Edge> EDGES = List.of(
      new Edge(CONTAINS, 0, 0, 1, 100), new Edge(CONTAINS, 0, 1, 2, 200),
      new Edge(CONTAINS, 0, 2, 3, 300), new Edge(CONTAINS, 0, 3, 4, 400),
      new Edge(CONTAINS, 1, 1, 5, 500), new Edge(CONTAINS, 1, 3, 6, 600),
      new Edge(CONTAINS, 2, 0, 7, 700), new Edge(CONTAINS, 2, 2, 8, 800), new Edge(CONTAINS, 2, 4, 9, 900),
      new Edge(CONTAINS, 3, 4, 10, 1000),
      new Edge(BY_ARTIST, 0, 0, 0, 0), new Edge(BY_ARTIST, 1, 0, 0, 0), new Edge(BY_ARTIST, 5, 0, 0, 0),
      new Edge(BY_ARTIST, 2, 1, 0, 0), new Edge(BY_ARTIST, 3, 1, 0, 0), new Edge(BY_ARTIST, 4, 1, 0, 0));

  private SplitFixture() {}

  static HeteroGraph catalog() {
    return catalogWith(e -> true);
  }

  /** The catalog with only the edges {@code keep} accepts: an oracle built independently of the splits. */
  static HeteroGraph catalogWith(Predicate<Edge> keep) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(SCHEMA);
    b.declareWeights(CONTAINS).declareTimestamps(CONTAINS);
    b.declareFeatures(TRACK, List.of("energy"));
    for (int p = 0; p < 4; p++) {
      b.addNode(PLAYLIST, "p" + p);
    }
    for (int t = 0; t < 6; t++) {
      b.addNode(TRACK, "t" + t);
      b.setFeatures(TRACK, t, new float[] {0.1f * (t + 1)});
    }
    b.addNode(ARTIST, "a0");
    b.addNode(ARTIST, "a1");
    AttributeColumn.Builder genre = b.attribute(PLAYLIST, "genre", AttributeKind.STRING);
    genre.setString(0, "rock").setString(1, "pop").setString(2, "rock");
    AttributeColumn.Builder released = b.attribute(TRACK, "release_date", AttributeKind.DATE);
    released.setDate(0, LocalDate.of(2010, 1, 1)).setDate(1, LocalDate.of(2015, 6, 1))
        .setDate(2, LocalDate.of(2020, 1, 1)).setDate(4, LocalDate.of(2021, 3, 5))
        .setDate(5, LocalDate.of(2022, 2, 2));
    for (Edge e : EDGES) {
      if (!keep.test(e)) {
        continue;
      }
      if (e.type().equals(CONTAINS)) {
        b.addEdge(CONTAINS, e.src(), e.dst(), e.weight(), e.timestamp());
      } else {
        b.addEdge(e.type(), e.src(), e.dst());
      }
    }
    return b.build();
  }
}
