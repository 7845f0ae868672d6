package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TailCreatorTest {
  private static final TailCreatorConfig BELOW_30 = TailCreatorConfig.defaults().withPercentile(30);

  @Test
  void creatorsBelowThePercentileOfSummedPopularityAreTheTail() {
    TailCreator tail = new TailCreator(TinyCatalog.catalog(), BELOW_30);
    // a0 170, a1 50, a2 35, a3 35, a4 2 -> percentiles 80, 60, 20, 20, 0
    assertThat(List.of(0, 1, 2, 3, 4)).extracting(tail::percentile).containsExactly(80.0, 60.0, 20.0, 20.0, 0.0);
    assertThat(List.of(0, 1, 2, 3, 4)).filteredOn(tail::isTail).containsExactly(2, 3, 4);
    assertThat(tail.qualifyingCount()).isEqualTo(4);

    List<Candidate> found = tail.generate(CandidateRequest.forSeedTrack("t0"), 3);
    assertThat(found).extracting(Candidate::id).containsExactly("t3", "t6", "t4");
    assertThat(found.get(0).reasons()).containsExactly(new Reason("tail-creator", "creator a2 below popularity"
        + " percentile 30 (percentile 20.00, sum popularity 35; cap 2 per creator); cos 0.60 to seed track t0"));
  }

  @Test
  void capLimitsTracksPerCreatorEvenWhenTheListEndsShort() {
    TailCreator capped = new TailCreator(TinyCatalog.catalog(), BELOW_30.withCapPerCreator(1));
    assertThat(capped.generate(CandidateRequest.forSeedTrack("t0"), 3)).extracting(Candidate::id)
        .containsExactly("t3", "t4");
  }

  @Test
  void meanPopularityIsTheAlternative() {
    TailCreator mean = new TailCreator(TinyCatalog.catalog(), BELOW_30.withAggregate(CreatorPopularity.MEAN));
    List<Candidate> found = mean.generate(CandidateRequest.forSeedTrack("t0"), 1);
    assertThat(found.get(0).reasons().get(0).explanation()).contains("mean popularity 17.5");
  }

  @Test
  void needsTheCreatorRelationAndAValidConfig() {
    assertThatThrownBy(() -> TailCreatorConfig.defaults().withPercentile(0))
        .hasMessage("percentile must be in (0, 100] (got 0.0)");
    assertThatThrownBy(() -> TailCreatorConfig.defaults().withCapPerCreator(0))
        .hasMessage("capPerCreator must be > 0 (got 0)");
    RetrievalCatalog catalog = TinyCatalog.catalog();
    RetrievalCatalog renamed = new RetrievalCatalog(catalog.tracks(), catalog.index(), catalog.graph(),
        new CatalogNames("track", "performed_by", "contains", "listened", "release_date", "popularity", "margin"));
    assertThatThrownBy(() -> new TailCreator(renamed, TailCreatorConfig.defaults()))
        .hasMessage("tail-creator needs the relation 'performed_by', which this graph lacks (relations: [contains,"
            + " by_artist, listened])");
  }
}
