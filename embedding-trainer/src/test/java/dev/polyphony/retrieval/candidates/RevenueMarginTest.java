package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevenueMarginTest {
  @Test
  void rescoresRelevanceWithMarginAndSkipsTracksWithoutOne() {
    RevenueMargin margin =
        new RevenueMargin(TinyCatalog.catalog(), RevenueMarginConfig.defaults().withMarginWeight(0.5));
    List<Candidate> found = margin.generate(CandidateRequest.forSeedTrack("t0"), 6);
    // 0.5 cos + 0.5 margin: t2 0.85, t1 0.73, t3 0.40, t4 0.35, t7 0.00, t5 -0.30; t6 has no margin
    assertThat(found).extracting(Candidate::id).containsExactly("t2", "t1", "t3", "t4", "t7", "t5");
    assertThat(found.get(0).score()).isCloseTo(0.85, within(1e-6));
    assertThat(found.get(0).reasons()).containsExactly(new Reason("revenue-margin",
        "margin 0.90; cos 0.80 to seed track t0; 0.5 x 0.80 + 0.5 x 0.90 = 0.85"));
  }

  @Test
  void zeroWeightIsPureRelevance() {
    RevenueMargin margin = new RevenueMargin(TinyCatalog.catalog(), RevenueMarginConfig.defaults().withMarginWeight(0));
    assertThat(margin.generate(CandidateRequest.forSeedTrack("t0"), 3)).extracting(Candidate::id)
        .containsExactly("t1", "t2", "t3");
  }

  @Test
  void aGraphWithoutMarginsIsAnErrorThatSaysHowToSupplyThem() {
    RetrievalCatalog noMargin = TinyCatalog.catalog(TinyCatalog.graph(true, false));
    assertThatThrownBy(() -> new RevenueMargin(noMargin, RevenueMarginConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("revenue-margin needs the track attribute 'margin', which this graph lacks (track attributes:"
            + " [release_date, popularity]); add a float column 'margin' to tracks (generic format: attributes:"
            + " [{column: ..., kind: float, name: margin}]) or use a synthetic catalog, which has one");
    assertThatThrownBy(() -> RevenueMarginConfig.defaults().withMarginWeight(-0.1))
        .hasMessage("marginWeight must be in [0, 1] (got -0.1)");
  }
}
