package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;
import dev.polyphony.retrieval.ExactIndex;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrievalCatalogTest {
  private final RetrievalCatalog catalog = TinyCatalog.catalog();

  @Test
  void joinsRowsAndGraphTracksByExternalId() {
    assertThat(catalog.size()).isEqualTo(9);
    assertThat(catalog.node(0)).isZero();
    assertThat(catalog.node(8)).as("t9 is not in the graph").isEqualTo(-1);
    assertThat(catalog.row(8)).as("t8 has no vector").isEqualTo(-1);
    assertThat(catalog.row(7)).isEqualTo(7);
  }

  @Test
  void seedAndPlaylistTogetherWeighBothEquallyAndExcludeBoth() {
    ResolvedRequest resolved = catalog.resolve(new CandidateRequest("t4", "p0", Set.of("t9", "nope")));
    // seed (0, 1) + playlist mean (0.989949, 0.141421) = (0.989949, 1.141421), unit:
    double length = Math.hypot(0.989949, 1.141421);
    float[] query = resolved.query();
    assertThat(query[0]).isCloseTo((float) (0.989949 / length), within(1e-5f));
    assertThat(query[1]).isCloseTo((float) (1.141421 / length), within(1e-5f));
    assertThat(resolved.target()).isEqualTo("seed track t4 and playlist p0");
    assertThat(resolved.playlistTracks()).isEqualTo(2);
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)).filteredOn(resolved::excludes).containsExactly(0, 1, 4, 8);
  }

  @Test
  void refusesAnIndexOrTableThatDoesNotMatch() {
    EmbeddingTable other = new EmbeddingTable("track", List.of("x", "y"), 2, new float[] {1, 0, 0, 1},
        EmbeddingMetadata.of("m", Metric.COSINE, Normalization.NONE, Instant.EPOCH));
    assertThatThrownBy(() -> new RetrievalCatalog(TinyCatalog.table(), ExactIndex.build(other, Metric.COSINE, 1),
        TinyCatalog.graph())).hasMessage("index holds 2 x 2 vectors, the table 9 x 2");
    EmbeddingTable playlists = new EmbeddingTable("playlist", List.of("p0"), 2, new float[] {1, 0},
        EmbeddingMetadata.of("m", Metric.COSINE, Normalization.NONE, Instant.EPOCH));
    assertThatThrownBy(() -> new RetrievalCatalog(playlists, ExactIndex.build(playlists, Metric.COSINE, 1),
        TinyCatalog.graph())).hasMessage("embeddings are of node type 'playlist', candidates are of node type 'track'");
  }

  @Test
  void requestNeedsASeedOrAPlaylist() {
    assertThatThrownBy(() -> new CandidateRequest(null, null, Set.of()))
        .hasMessage("a request needs a seed track, a playlist or both (got neither)");
    assertThatThrownBy(() -> CandidateRequest.forSeedTrack(" ")).hasMessage("seed track must be non-blank (got ' ')");
    assertThat(CandidateRequest.forSeedTrack("t0").excluding(Set.of("t1")).exclusions()).containsExactly("t1");
  }
}
