package dev.polyphony.rank.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.graph.io.SpotifySongsSchema;
import dev.polyphony.graph.testing.Datasets;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.retrieval.quality.StandInTrackEmbedding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaylistImpressionsTest {
  private static HeteroGraph graph;
  private static EmbeddingTable tracks;

  @BeforeAll
  static void read() throws Exception {
    graph = new SpotifySongsReader().read(Datasets.spotifySongsZip(), new RejectReport()).graph();
    tracks = new StandInTrackEmbedding(16, 1, 1).table(graph);
  }

  @Test
  void everyHeldOutTrackIsAnImpressionAndHitsAreAddedTracks() {
    PlaylistImpressions built = PlaylistImpressions.build(graph, tracks, PlaylistImpressionsConfig.defaults());
    ImpressionLog log = built.log();
    PlaylistImpressions.Summary s = built.summary();

    // 3 of the 471 playlists have fewer than 5 tracks.
    assertThat(s.playlists()).isEqualTo(468);
    assertThat(log.queryCount()).isEqualTo(468);
    assertThat(log.featureCount()).isEqualTo(3 * 16 + 6);
    assertThat(log.traits()).containsExactly(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH);
    long added = 0;
    long hits = 0;
    CsrAdjacency contains = graph.out(SpotifySongsSchema.CONTAINS);
    for (int r = 0; r < log.rows(); r++) {
      added += log.label(r, 0);
      hits += log.label(r, 1);
      if (log.label(r, 0) == 1) {
        assertThat(contains.contains(log.query(r), log.item(r))).isTrue();
      }
    }
    assertThat(added).isEqualTo(s.heldOutPairs());
    assertThat(hits).isPositive().isLessThan(added);
    // 20% of each playlist, at least one: about a fifth of the playlist edges.
    assertThat((double) s.heldOutPairs() / contains.edgeCount()).isBetween(0.19, 0.21);
    assertThat(s.retrievedHeldOut()).isLessThan(s.heldOutPairs());
  }

  @Test
  void oneSeedGivesTheSameImpressions() {
    PlaylistImpressionsConfig config = PlaylistImpressionsConfig.defaults();
    ImpressionLog a = PlaylistImpressions.build(graph, tracks, config).log();
    ImpressionLog b = PlaylistImpressions.build(graph, tracks, config).log();
    assertThat(b.rows()).isEqualTo(a.rows());
    assertThat(java.util.Arrays.equals(b.features(), a.features())).isTrue();
    for (int r = 0; r < a.rows(); r++) {
      assertThat(b.item(r)).isEqualTo(a.item(r));
      assertThat(b.label(r, 1)).isEqualTo(a.label(r, 1));
    }
  }

  @Test
  void theProfileFeaturesSeeOnlyTheRemainingTracks() {
    PlaylistFeatureSpace space = PlaylistImpressions.build(graph, tracks, PlaylistImpressionsConfig.defaults())
        .features();
    int[] members = graph.out(SpotifySongsSchema.CONTAINS).neighbors(0);
    PlaylistFeatureSpace.Profile all = space.profile(members);
    PlaylistFeatureSpace.Profile one = space.profile(new int[] {members[0]});
    float[] row = new float[space.featureCount()];
    space.fill(one, members[0], row, 0);
    // A profile of one track: cosine 1 with itself, every other track of the profile by its creator.
    assertThat(row[3 * 16]).isCloseTo(1f, org.assertj.core.api.Assertions.within(1e-5f));
    assertThat(row[3 * 16 + 2]).isEqualTo(1f);
    assertThat(row[3 * 16 + 3]).isEqualTo((float) Math.log1p(1));
    assertThat(all.size()).isEqualTo(members.length);
  }
}
