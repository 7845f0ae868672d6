package dev.polyphony.retrieval.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateGenerators;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.Quota;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlendQualityTest {
  private static final double EPS = 1e-12;
  private static final Set<String> TAIL = Set.of("t3", "t5");
  private static final Set<String> FRESH = Set.of("t2", "t5", "t7");
  private static final Set<String> NOT_CANDIDATES = Set.of("t4", "x9");

  private final RetrievalCatalog catalog = QualityCatalog.catalog();

  private BlendQualityResult compute(int k) {
    return new BlendQuality(catalog, QualityCatalog.queries(), BlendQualityConfig.defaults().withListLength(k),
        ProgressTracker.NONE).compute();
  }

  @Test
  void pureRelevanceListsHaveTheHandComputedRecallSharesAndCoverage() {
    // p0 continues with t2, t3, t5 (t4 is no candidate, x9 not in the graph): 1 of {t2, t6} found;
    // p1 with t3, t1, t2 (t4 skipped again): none of {t7}. p2 has no embedded track and is skipped.
    ListQuality relevance = compute(3).relevance();
    assertThat(relevance.lists()).isEqualTo(2);
    assertThat(relevance.meanLength()).isEqualTo(3.0);
    assertThat(relevance.recall()).isCloseTo((0.5 + 0) / 2, within(EPS));
    assertThat(relevance.tailShare()).isCloseTo((2 / 3.0 + 1 / 3.0) / 2, within(EPS));
    assertThat(relevance.freshShare()).isCloseTo((2 / 3.0 + 1 / 3.0) / 2, within(EPS));
    assertThat(relevance.distinctTracks()).isEqualTo(4);
    assertThat(relevance.coverage()).isCloseTo(4 / 7.0, within(EPS));
  }

  @Test
  void reportsTheQueriesTheCandidatesAndWhatTheCatalogueHolds() {
    BlendQualityResult result = compute(3);
    assertThat(result.listLength()).isEqualTo(3);
    assertThat(result.queries()).isEqualTo(2);
    assertThat(result.skippedQueries()).isEqualTo(1);
    assertThat(result.candidateTracks()).isEqualTo(7);
    assertThat(result.catalogueTailShare()).isCloseTo(2 / 7.0, within(EPS));
    assertThat(result.catalogueFreshShare()).isCloseTo(3 / 7.0, within(EPS));
    assertThat(result.freshDefinition()).isEqualTo("released in the 30 days to 2020-03-01");
    assertThat(result.tailDefinition()).startsWith("all creators below popularity percentile 20");
  }

  @Test
  void leavesOutTheGeneratorTheCatalogCannotServeAndSharesTheListAmongTheOthers() {
    BlendQualityResult result = compute(4);
    assertThat(result.omitted()).hasSize(1);
    assertThat(result.omitted().get(0).name()).isEqualTo("revenue-margin");
    assertThat(result.omitted().get(0).reason()).contains("needs the track attribute 'margin'");
    assertThat(result.generators()).extracting(BlendQualityResult.BlendedGenerator::name)
        .containsExactly("playlist", "fresh", "trending", "tail-creator");
    assertThat(result.generators()).allSatisfy(g -> assertThat(g.quota()).isEqualTo(0.25));
    long placed = result.generators().stream().mapToLong(BlendQualityResult.BlendedGenerator::placed).sum();
    assertThat(placed).isEqualTo(Math.round(result.blended().meanLength() * result.blended().lists()));
    assertThat(result.generators().stream().mapToDouble(BlendQualityResult.BlendedGenerator::share).sum())
        .isCloseTo(1.0, within(EPS));
  }

  @Test
  void blendedListsAreTheBlendersOwnListsScoredOnTheSameRelevantSets() {
    int k = 4;
    CandidateBlender blender = new CandidateBlender(List.of("playlist", "fresh", "trending", "tail-creator").stream()
        .map(name -> new CandidateBlender.Entry(CandidateGenerators.create(name, catalog), Quota.share(0.25)))
        .toList());
    Set<String> exclusions = Set.of("t4", "x9");
    List<List<String>> lists = new ArrayList<>();
    for (String playlist : List.of("p0", "p1")) {
      lists.add(blender.blend(new CandidateRequest(null, playlist, exclusions), k).candidates().stream()
          .map(Candidate::id).toList());
    }
    List<Set<String>> relevant = List.of(Set.of("t2", "t6"), Set.of("t7"));
    double recall = 0;
    double tail = 0;
    double fresh = 0;
    Set<String> distinct = new HashSet<>();
    for (int q = 0; q < 2; q++) {
      List<String> list = lists.get(q);
      assertThat(list).hasSize(k).doesNotContainAnyElementsOf(NOT_CANDIDATES);
      recall += list.stream().filter(relevant.get(q)::contains).count() / (double) relevant.get(q).size();
      tail += list.stream().filter(TAIL::contains).count() / (double) list.size();
      fresh += list.stream().filter(FRESH::contains).count() / (double) list.size();
      distinct.addAll(list);
    }
    ListQuality blended = compute(k).blended();
    assertThat(blended.lists()).isEqualTo(2);
    assertThat(blended.recall()).isCloseTo(recall / 2, within(EPS));
    assertThat(blended.tailShare()).isCloseTo(tail / 2, within(EPS));
    assertThat(blended.freshShare()).isCloseTo(fresh / 2, within(EPS));
    assertThat(blended.distinctTracks()).isEqualTo(distinct.size());
    assertThat(blended.coverage()).isCloseTo(distinct.size() / 7.0, within(EPS));
  }

  @Test
  void twoRunsGiveEqualResults() {
    assertThat(compute(5)).isEqualTo(compute(5));
  }

  @Test
  void rejectsBadConfigurations() {
    assertThatThrownBy(() -> new BlendQualityConfig(List.of("playlist", "nope"), 50))
        .hasMessageStartingWith("unknown generator 'nope' (expected one of similar, playlist");
    assertThatThrownBy(() -> new BlendQualityConfig(List.of("fresh", "fresh"), 50))
        .hasMessage("generator 'fresh' is listed twice");
    assertThatThrownBy(() -> new BlendQualityConfig(List.of(), 50))
        .hasMessage("generators must name at least one generator (got none)");
    assertThatThrownBy(() -> new BlendQualityConfig(List.of("playlist"), 0))
        .hasMessage("listLength must be > 0 (got 0)");
  }
}
