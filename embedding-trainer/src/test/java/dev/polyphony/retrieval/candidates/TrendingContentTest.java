package dev.polyphony.retrieval.candidates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendingContentTest {
  /** 7-day windows, top 40% by trend, trend weight 0.5. */
  private static final TrendingContentConfig WEEK =
      TrendingContentConfig.defaults().withWindowDays(7).withTopShare(0.4);

  @Test
  void engagementGrowthIsTheSmoothedRatioOfTheRecentWindowToThePreviousOne() {
    TrendingContent trending = new TrendingContent(TinyCatalog.catalog(), WEEK);
    assertThat(trending.signal()).isEqualTo(TrendingContent.Signal.ENGAGEMENT_GROWTH);
    assertThat(trending.referenceDate()).isEqualTo(LocalDate.of(2020, 1, 15));
    // growth: t1 2/4, t2 4/1, t3 3/2, t4 2/1, the other five tracks 1/1; 9 graph tracks
    assertThat(trending.trend(2)).isCloseTo(8 / 9.0, within(1e-12));
    assertThat(trending.trend(4)).isCloseTo(7 / 9.0, within(1e-12));
    assertThat(trending.trend(3)).isCloseTo(6 / 9.0, within(1e-12));
    assertThat(trending.trend(0)).isCloseTo(1 / 9.0, within(1e-12));
    assertThat(trending.trend(1)).isZero();
    assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8)).filteredOn(trending::isTrending).containsExactly(2, 3, 4);

    List<Candidate> found = trending.generate(CandidateRequest.forSeedTrack("t0"), 3);
    assertThat(found).extracting(Candidate::id).containsExactly("t2", "t3", "t4");
    assertThat(found).extracting(Candidate::score).satisfiesExactly(
        s -> assertThat(s).isCloseTo(0.5 * 0.8 + 0.5 * 8 / 9.0, within(1e-6)),
        s -> assertThat(s).isCloseTo(0.5 * 0.6 + 0.5 * 6 / 9.0, within(1e-6)),
        s -> assertThat(s).isCloseTo(0.5 * 7 / 9.0, within(1e-6)));
    assertThat(found).extracting(c -> c.reasons().get(0).explanation()).containsExactly(
        "'listened' up 4.00x: 3 in the 7 days to 2020-01-15 vs 0 in the 7 days before; trend 0.89;"
            + " cos 0.80 to seed track t0",
        "'listened' up 1.50x: 2 in the 7 days to 2020-01-15 vs 1 in the 7 days before; trend 0.67;"
            + " cos 0.60 to seed track t0",
        "'listened' up 2.00x: 1 in the 7 days to 2020-01-15 vs 0 in the 7 days before; trend 0.78;"
            + " cos 0.00 to seed track t0");
  }

  @Test
  void trendWeightTradesRelevanceForGrowth() {
    TrendingContent byTrend = new TrendingContent(TinyCatalog.catalog(), WEEK.withTrendWeight(1));
    assertThat(byTrend.generate(CandidateRequest.forSeedTrack("t0"), 3)).extracting(Candidate::id)
        .containsExactly("t2", "t4", "t3");
  }

  @Test
  void withoutTimestampedEngagementPopularityForAgeIsTheProxy() {
    TrendingContent proxy = new TrendingContent(TinyCatalog.catalog(TinyCatalog.graph(false, true)), WEEK);
    assertThat(proxy.signal()).isEqualTo(TrendingContent.Signal.POPULARITY_FOR_AGE);
    assertThat(proxy.referenceDate()).isEqualTo(LocalDate.of(2020, 1, 15));
    // popularity / ln(2 + days): t4 0.76 < t6 4.50 < t2 5.14 < t7 9.21 < t1 14.71 < t3 18.20 < t0 32.46
    // < t5 43.28; t8 has no release date. Top 40%: t3, t0, t5; t0 is the seed.
    assertThat(proxy.trend(3)).isCloseTo(5 / 8.0, within(1e-12));
    assertThat(proxy.trend(8)).isNaN();
    List<Candidate> found = proxy.generate(CandidateRequest.forSeedTrack("t0"), 3);
    assertThat(found).extracting(Candidate::id).containsExactly("t3", "t5");
    assertThat(found.get(0).score()).isCloseTo(0.5 * 0.6 + 0.5 * 5 / 8.0, within(1e-6));
    assertThat(found.get(0).reasons().get(0).explanation()).isEqualTo("popularity 20 at 1 day since release"
        + " 2020-01-14 (popularity / ln(2 + days) = 18.20); trend 0.63; cos 0.60 to seed track t0");
    assertThat(found.get(1).reasons().get(0).explanation()).startsWith("popularity 30 at 0 days since release");
  }

  @Test
  void proxyWithoutPopularityNamesWhatIsMissing() {
    dev.polyphony.graph.HeteroGraphBuilder b = new dev.polyphony.graph.HeteroGraphBuilder(
        TinyCatalog.graph(false, true).schema());
    b.addNode(TinyCatalog.TRACK, "t0");
    RetrievalCatalog bare = TinyCatalog.catalog(b.build());
    assertThatThrownBy(() -> new TrendingContent(bare, WEEK)).hasMessageContaining(
        "trending needs the track attribute 'popularity'").hasMessageContaining("without timestamped 'listened'");
  }

  @Test
  void configRejectsOutOfRangeValues() {
    assertThatThrownBy(() -> WEEK.withTopShare(0)).hasMessage("topShare must be in (0, 1] (got 0.0)");
    assertThatThrownBy(() -> WEEK.withTrendWeight(1.5)).hasMessage("trendWeight must be in [0, 1] (got 1.5)");
  }
}
