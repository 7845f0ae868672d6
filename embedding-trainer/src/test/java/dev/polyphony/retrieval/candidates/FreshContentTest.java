package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.retrieval.ExactIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreshContentTest {
  private final RetrievalCatalog catalog = TinyCatalog.catalog();

  @Test
  void defaultWindowEndsAtTheLatestReleaseAndRanksByRelevance() {
    FreshContent fresh = new FreshContent(catalog, FreshContentConfig.defaults());
    assertThat(fresh.referenceDate()).isEqualTo(LocalDate.of(2020, 1, 15));
    // released in (2019-12-16, 2020-01-15]: t0, t2, t3, t5, t6
    assertThat(fresh.freshCount()).isEqualTo(5);
    List<Candidate> found = fresh.generate(CandidateRequest.forSeedTrack("t0"), 3);
    assertThat(found).extracting(Candidate::id).containsExactly("t2", "t3", "t6");
    assertThat(found).extracting(c -> c.reasons().get(0).explanation()).containsExactly(
        "released 2020-01-10, within 30 days of 2020-01-15; cos 0.80 to seed track t0",
        "released 2020-01-14, within 30 days of 2020-01-15; cos 0.60 to seed track t0",
        "released 2019-12-20, within 30 days of 2020-01-15; cos 0.28 to seed track t0");
  }

  @Test
  void windowIncludesTheReferenceDayAndExcludesItsFirstDayBefore() {
    FreshContent week = new FreshContent(catalog, FreshContentConfig.defaults().withWindowDays(7));
    assertThat(week.generate(CandidateRequest.forSeedTrack("t0"), 5)).extracting(Candidate::id)
        .containsExactly("t2", "t3", "t5");
    FreshContent fiveDays = new FreshContent(catalog, FreshContentConfig.defaults().withWindowDays(5));
    assertThat(fiveDays.generate(CandidateRequest.forSeedTrack("t0"), 5)).extracting(Candidate::id)
        .containsExactly("t3", "t5");
  }

  @Test
  void explicitReferenceDateMovesTheWindow() {
    FreshContent december = new FreshContent(catalog, new FreshContentConfig(30, LocalDate.of(2019, 12, 31)));
    assertThat(december.generate(CandidateRequest.forPlaylist("p0"), 5)).extracting(Candidate::id)
        .containsExactly("t6");
  }

  @Test
  void aTrackEmbeddedAfterTrainingIsFreshLikeAnyRow() {
    // t9 has a vector but no graph node, so no release date: never fresh.
    FreshContent fresh = new FreshContent(catalog, FreshContentConfig.defaults());
    assertThat(fresh.generate(CandidateRequest.forSeedTrack("t5"), 9)).extracting(Candidate::id)
        .containsExactly("t6", "t3", "t2", "t0").doesNotContain("t9");
  }

  @Test
  void missingReleaseDatesAreAnErrorNamingTheAttribute() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(TinyCatalog.graph().schema());
    b.addNode(TinyCatalog.TRACK, "t0");
    HeteroGraph bare = b.build();
    EmbeddingTable table = TinyCatalog.table();
    RetrievalCatalog withoutDates = new RetrievalCatalog(table, ExactIndex.build(table, Metric.COSINE, 1), bare);
    assertThatThrownBy(() -> new FreshContent(withoutDates, FreshContentConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("fresh needs the track attribute 'release_date', which this graph lacks");
    assertThatThrownBy(() -> FreshContentConfig.defaults().withWindowDays(0))
        .hasMessage("windowDays must be > 0 (got 0)");
  }
}
