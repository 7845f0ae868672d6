package dev.polyphony.neo4j;

import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.time.LocalDate;
import java.util.List;

/** Small hand-built catalogs for the Neo4j tests. */
final class TestGraphs {
  static final NodeType TRACK = NodeType.of("track");
  static final NodeType PLAYLIST = NodeType.of("playlist");
  static final NodeType ARTIST = NodeType.of("artist");
  static final NodeType USER = NodeType.of("user");
  static final EdgeType CONTAINS = EdgeType.of(PLAYLIST, "contains", TRACK);
  static final EdgeType BY_ARTIST = EdgeType.of(TRACK, "by_artist", ARTIST);
  static final EdgeType LISTENED = EdgeType.of(USER, "listened", TRACK);
  static final GraphSchema SCHEMA = new GraphSchema(List.of(TRACK, PLAYLIST, ARTIST, USER),
      List.of(CONTAINS, BY_ARTIST, LISTENED));

  private TestGraphs() {}

  /**
   * Three tracks with two features and four attributes (t3 has no genre), two playlists, one artist,
   * one user: 4 contains, 3 by_artist, 2 weighted and timestamped listened edges.
   */
  static HeteroGraph catalog() {
    return catalogBuilder().build();
  }

  static HeteroGraphBuilder catalogBuilder() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(SCHEMA);
    b.declareWeights(LISTENED).declareTimestamps(LISTENED);
    b.declareFeatures(TRACK, List.of("energy", "tempo"));
    int t1 = b.addNode(TRACK, "t1");
    int t2 = b.addNode(TRACK, "t2");
    int t3 = b.addNode(TRACK, "t3");
    b.setFeatures(TRACK, t1, new float[] {0.5f, 120f});
    b.setFeatures(TRACK, t2, new float[] {0.25f, 90.5f});
    b.setFeatures(TRACK, t3, new float[] {1f, 60f});
    b.attribute(TRACK, "release_date", AttributeKind.DATE).setDate(t1, LocalDate.of(2020, 2, 29))
        .setDate(t2, LocalDate.of(1999, 12, 31)).setDate(t3, LocalDate.of(2024, 1, 1));
    b.attribute(TRACK, "popularity", AttributeKind.INT).setInt(t1, 71).setInt(t2, 5).setInt(t3, 0);
    b.attribute(TRACK, "margin", AttributeKind.FLOAT).setFloat(t1, 0.1f).setFloat(t2, 0.75f).setFloat(t3, 0.3f);
    b.attribute(TRACK, "genre", AttributeKind.STRING).setString(t1, "rock").setString(t2, "pop");
    int p1 = b.addNode(PLAYLIST, "p1");
    int p2 = b.addNode(PLAYLIST, "p2");
    int a1 = b.addNode(ARTIST, "a1");
    int u1 = b.addNode(USER, "u1");
    b.addEdge(CONTAINS, p1, t1).addEdge(CONTAINS, p1, t2).addEdge(CONTAINS, p2, t2).addEdge(CONTAINS, p2, t3);
    b.addEdge(BY_ARTIST, t1, a1).addEdge(BY_ARTIST, t2, a1).addEdge(BY_ARTIST, t3, a1);
    b.addEdge(LISTENED, u1, t1, 3f, 1_000L).addEdge(LISTENED, u1, t3, 1f, 2_000L);
    return b;
  }
}
