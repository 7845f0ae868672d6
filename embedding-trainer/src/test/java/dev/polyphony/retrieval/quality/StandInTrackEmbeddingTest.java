package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five tracks with one feature and two artists: t0 (x 0, a0), t1 (x 2, a0), t2 (x 0, a1), t3 (x 2, no
 * artist), t4 (x 1, a0 and a1). Standardised, x is -1, 1, -1, 1, 0: the feature part of t1 is minus that
 * of t0, t2's equals t0's and t4's is zero.
 */
class StandInTrackEmbeddingTest {
  private static final NodeType TRACK = NodeType.of("track");
  private static final NodeType ARTIST = NodeType.of("artist");
  private static final EdgeType BY_ARTIST = EdgeType.of(TRACK, "by_artist", ARTIST);
  private static final float TOLERANCE = 1e-5f;

  private static HeteroGraph graph(boolean withFeatures) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(TRACK, ARTIST), List.of(BY_ARTIST)));
    if (withFeatures) {
      b.declareFeatures(TRACK, List.of("x"));
    }
    int a0 = b.addNode(ARTIST, "a0");
    int a1 = b.addNode(ARTIST, "a1");
    float[] x = {0, 2, 0, 2, 1};
    for (int t = 0; t < x.length; t++) {
      int node = b.addNode(TRACK, "t" + t);
      if (withFeatures) {
        b.setFeatures(TRACK, node, new float[] {x[t]});
      }
    }
    b.addEdge(BY_ARTIST, 0, a0);
    b.addEdge(BY_ARTIST, 1, a0);
    b.addEdge(BY_ARTIST, 2, a1);
    b.addEdge(BY_ARTIST, 4, a0);
    b.addEdge(BY_ARTIST, 4, a1);
    return b.build();
  }

  private static float[] minus(float[] a, float[] b) {
    float[] d = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return d;
  }

  private static float[] scaled(float[] a, float s) {
    float[] d = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] * s;
    }
    return d;
  }

  @Test
  void theFeaturePartIsALinearProjectionOfTheStandardisedFeatures() {
    EmbeddingTable content = new StandInTrackEmbedding(8, 0, 42).table(graph(true));
    assertThat(content.vector(1)).containsExactly(scaled(content.vector(0), -1), within(TOLERANCE));
    assertThat(content.vector(2)).containsExactly(content.vector(0));
    assertThat(content.vector(3)).containsExactly(content.vector(1));
    assertThat(content.vector(4)).containsExactly(new float[8], within(TOLERANCE));
  }

  @Test
  void theArtistPartIsOneVectorPerArtistAveragedOverATracksArtists() {
    HeteroGraph g = graph(true);
    EmbeddingTable content = new StandInTrackEmbedding(8, 0, 42).table(g);
    EmbeddingTable once = new StandInTrackEmbedding(8, 1, 42).table(g);
    EmbeddingTable twice = new StandInTrackEmbedding(8, 2, 42).table(g);
    float[] a0 = minus(once.vector(0), content.vector(0));
    float[] a1 = minus(once.vector(2), content.vector(2));
    assertThat(minus(once.vector(1), content.vector(1))).containsExactly(a0, within(TOLERANCE));
    assertThat(a0).isNotEqualTo(a1);
    assertThat(once.vector(3)).containsExactly(content.vector(3));
    float[] mean = scaled(minus(scaled(a0, -1), a1), -0.5f);
    assertThat(minus(once.vector(4), content.vector(4))).containsExactly(mean, within(TOLERANCE));
    assertThat(minus(twice.vector(0), content.vector(0))).containsExactly(scaled(a0, 2), within(TOLERANCE));
  }

  @Test
  void isLabelledAsAStandInAndFixedByItsSeed() {
    StandInTrackEmbedding standIn = StandInTrackEmbedding.defaults(7);
    EmbeddingTable table = standIn.table(graph(true));
    assertThat(table.nodeType()).isEqualTo("track");
    assertThat(table.ids()).containsExactly("t0", "t1", "t2", "t3", "t4");
    assertThat(table.dimension()).isEqualTo(64);
    assertThat(table.metadata().metric()).isEqualTo(Metric.COSINE);
    assertThat(table.metadata().normalization()).isEqualTo(Normalization.NONE);
    assertThat(table.metadata().modelHash()).isEqualTo("stand-in-audio-artist-d64-w1.0-seed7");
    assertThat(table.metadata().properties().get(StandInTrackEmbedding.STAND_IN_PROPERTY)).isEqualTo(
        "1 standardised track features projected to 64 dimensions by a seeded Gaussian matrix, plus a seeded"
            + " random vector per artist (weight 1.0); computed without training");
    assertThat(standIn.table(graph(true))).isEqualTo(table);
    assertThat(StandInTrackEmbedding.defaults(8).table(graph(true)).vector(0)).isNotEqualTo(table.vector(0));
  }

  @Test
  void needsFeaturesAndTheCreatorRelation() {
    assertThatThrownBy(() -> StandInTrackEmbedding.defaults(1).table(graph(false)))
        .hasMessage("the stand-in embedding needs features of 'track' nodes; the graph has none");
    HeteroGraphBuilder b = new HeteroGraphBuilder(new GraphSchema(List.of(TRACK), List.of()));
    b.declareFeatures(TRACK, List.of("x"));
    b.setFeatures(TRACK, b.addNode(TRACK, "t0"), new float[] {1});
    HeteroGraph noArtists = b.build();
    assertThatThrownBy(() -> StandInTrackEmbedding.defaults(1).table(noArtists))
        .hasMessage("the stand-in embedding needs the relation 'by_artist' from tracks to creators; the graph lacks it");
    assertThatThrownBy(() -> new StandInTrackEmbedding(0, 1, 1)).hasMessage("dimension must be > 0 (got 0)");
    assertThatThrownBy(() -> new StandInTrackEmbedding(4, -1, 1))
        .hasMessage("artistWeight must be finite and >= 0 (got -1.0)");
  }
}
