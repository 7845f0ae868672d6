package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.split.EdgeList;
import dev.polyphony.graph.split.EdgeRemoval;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryEvaluatorTest {
  private static final double EPS = 1e-12;

  /**
   * The fixture without p0 -> t2, p2 -> t4, p3 -> t5. Training popularity: t0 2, t1 3, t2 0, t3 2, t4 1,
   * t5 0, t6 0. Popularity continues p0 (training t0, t1) with t3 t4 t2 t5 t6, p2 (t1, t3) with
   * t0 t4 t2 t5 t6 and p3 (t4) with t1 t0 t3 t2 t5 t6.
   */
  @Test
  void popularityOnTheFixtureScoresExactly() {
    EdgeRemoval removal = EvalFixture.without(new int[] {0, 2}, new int[] {2, 4}, new int[] {3, 5});
    PlaylistCatalog catalog = PlaylistCatalog.of(removal.build(), "contains");
    EdgeList heldOut = removal.removedEdges(catalog.relation());
    BitSet warmTracks = new BitSet();
    for (int t : new int[] {0, 1, 3, 4}) {
      warmTracks.set(t);
    }
    BitSet all = new BitSet();
    all.set(0, 7);
    EvaluationQueries warm = EvaluationQueries.fromHeldOut(EvaluationProtocol.WARM, heldOut, warmTracks, catalog);
    EvaluationQueries every = EvaluationQueries.fromHeldOut(EvaluationProtocol.CONTINUATION_ALL_TRACKS, heldOut, all, catalog);

    FittedRecommender model = new PopularityRecommender().fit(catalog);
    List<EvaluationResult> results = new QueryEvaluator(2).evaluate("popularity", model, List.of(warm, every),
        "evaluate", ProgressTracker.NONE);

    // warm: p2 among {t0, t4}: t4 second
    double second = 1 / (Math.log(3) / Math.log(2));
    assertThat(results.get(0)).isEqualTo(new EvaluationResult("popularity", EvaluationProtocol.WARM, 1, 1, 1, 1, second));
    // all tracks: p0 finds t2 third, p2 t4 second, p3 t5 fifth
    EvaluationResult r = results.get(1);
    assertThat(r.queries()).isEqualTo(3);
    assertThat(r.relevant()).isEqualTo(3);
    assertThat(r.recallAt10()).isEqualTo(1.0);
    assertThat(r.recallAt50()).isEqualTo(1.0);
    assertThat(r.ndcgAt50()).isCloseTo((0.5 + second + 1 / (Math.log(6) / Math.log(2))) / 3, within(EPS));
  }

  @Test
  void aQuerySetWithoutQueriesScoresZero() {
    PlaylistCatalog catalog = EvalFixture.playlistCatalog();
    EvaluationQueries none = new EvaluationQueries(EvaluationProtocol.COLD, new int[0], new int[] {0}, new int[0],
        new BitSet(), 0);
    List<EvaluationResult> results = new QueryEvaluator(1).evaluate("popularity",
        new PopularityRecommender().fit(catalog), List.of(none), "evaluate", ProgressTracker.NONE);
    assertThat(results).containsExactly(new EvaluationResult("popularity", EvaluationProtocol.COLD, 0, 0, 0, 0, 0));
  }
}
