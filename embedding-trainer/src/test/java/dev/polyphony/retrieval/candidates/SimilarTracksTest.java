package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.retrieval.AnnIndex;
import dev.polyphony.retrieval.AnnIndexConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimilarTracksTest {
  private final SimilarTracks similar = new SimilarTracks(TinyCatalog.catalog());

  @Test
  void returnsTheSeedsNearestNeighboursWithoutTheSeed() {
    List<Candidate> found = similar.generate(CandidateRequest.forSeedTrack("t0"), 3);
    assertThat(found).extracting(Candidate::id).containsExactly("t1", "t2", "t3");
    assertThat(found).extracting(Candidate::row).containsExactly(1, 2, 3);
    assertThat(found.get(0).score()).isCloseTo(0.96, within(1e-6));
    assertThat(found).extracting(c -> c.reasons().toString()).containsExactly(
        "[similar: similar to seed track t0 (cos 0.96)]",
        "[similar: similar to seed track t0 (cos 0.80)]",
        "[similar: similar to seed track t0 (cos 0.60)]");
  }

  @Test
  void leavesOutExcludedIdsAndThePlaylistsTracks() {
    CandidateRequest request = new CandidateRequest("t0", "p0", Set.of("t2", "unknown"));
    assertThat(similar.generate(request, 3)).extracting(Candidate::id).containsExactly("t3", "t6", "t4");
  }

  @Test
  void aTableRowMissingFromTheGraphIsStillSimilar() {
    assertThat(similar.generate(CandidateRequest.forSeedTrack("t5"), 2)).extracting(Candidate::id)
        .containsExactly("t9", "t7");
  }

  @Test
  void needsASeedTrackWithAnEmbedding() {
    assertThatThrownBy(() -> similar.generate(CandidateRequest.forPlaylist("p0"), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("similar needs a seed track (the request names"
            + " playlist 'p0' only)");
    assertThatThrownBy(() -> similar.generate(CandidateRequest.forSeedTrack("t8"), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seed track 't8' has no embedding (9 tracks are embedded)");
    assertThatThrownBy(() -> similar.generate(CandidateRequest.forSeedTrack("t0"), 0))
        .hasMessage("k must be > 0 (got 0)");
  }

  @Test
  void theVoyagerIndexGivesTheSameList() {
    EmbeddingTable table = TinyCatalog.table();
    try (AnnIndex ann = AnnIndex.build(table, AnnIndexConfig.defaults(Metric.COSINE).withThreads(1))) {
      SimilarTracks overAnn = new SimilarTracks(new RetrievalCatalog(table, ann, TinyCatalog.graph()));
      List<Candidate> found = overAnn.generate(CandidateRequest.forSeedTrack("t0"), 8);
      assertThat(found).extracting(Candidate::id).containsExactly("t1", "t2", "t3", "t6", "t4", "t7", "t9", "t5");
    }
  }
}
