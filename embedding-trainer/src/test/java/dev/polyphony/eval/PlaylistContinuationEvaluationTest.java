package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.split.ColdStartSplit;
import dev.polyphony.graph.split.ColdStartSplitConfig;
import dev.polyphony.graph.split.ColdStartSplitResult;
import dev.polyphony.graph.split.PlaylistContinuationSplit;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitResult;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The protocol on a small synthetic catalog, checked against recounts made directly from the splits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaylistContinuationEvaluationTest {
  private static final long SEED = 7;
  private HeteroGraph graph;
  private EvaluationConfig config;
  private PlaylistContinuationEvaluation evaluation;

  @BeforeAll
  void generate() {
    graph = SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(1_500).playlists(120).creators(150)
        .users(0).listensPerUser(0).genres(6).meanPlaylistLength(20).seed(SEED).build());
    config = new EvaluationConfig(new PlaylistContinuationSplitConfig("contains", 5, 0.2, SEED),
        new ColdStartSplitConfig("track", List.of("contains"), 0.1, true, SEED), 2);
    evaluation = new PlaylistContinuationEvaluation(graph, config);
  }

  @Test
  void queriesMatchARecountOfTheSplits() {
    PlaylistContinuationSplitResult continuation = new PlaylistContinuationSplit(graph, config.continuation()).compute();
    CsrAdjacency trainingTrackPlaylists = continuation.training().in(continuation.heldOut().type());
    List<Integer> warmPlaylists = new ArrayList<>();
    int warmRelevant = 0;
    for (int i = 0; i < continuation.playlistCount(); i++) {
      int n = 0;
      for (int t : continuation.heldOutTracksOf(i)) {
        n += trainingTrackPlaylists.degree(t) > 0 ? 1 : 0;
      }
      if (n > 0) {
        warmPlaylists.add(continuation.playlists()[i]);
        warmRelevant += n;
      }
    }
    EvaluationQueries warm = evaluation.queries(EvaluationProtocol.WARM);
    assertThat(warm.playlists()).containsExactly(warmPlaylists.stream().mapToInt(Integer::intValue).toArray());
    assertThat(warm.relevantCount()).isEqualTo(warmRelevant).isPositive();
    EvaluationQueries all = evaluation.queries(EvaluationProtocol.CONTINUATION_ALL_TRACKS);
    assertThat(all.playlists()).containsExactly(continuation.playlists());
    assertThat(all.relevant()).containsExactly(continuation.heldOutTracks());
    assertThat(warmRelevant).isLessThan(continuation.heldOutCount());

    ColdStartSplitResult coldStart = new ColdStartSplit(graph, config.coldStart()).compute();
    CsrAdjacency source = graph.out(continuation.heldOut().type());
    IntOpenHashSet coldTracks = new IntOpenHashSet(coldStart.coldNodes());
    int coldQueries = 0;
    int coldRelevant = 0;
    int withoutSeeds = 0;
    for (int p = 0; p < source.rowCount(); p++) {
      int cold = 0;
      for (int t : source.neighbors(p)) {
        cold += coldTracks.contains(t) ? 1 : 0;
      }
      if (cold > 0 && cold < source.degree(p)) {
        coldQueries++;
        coldRelevant += cold;
      } else if (cold > 0) {
        withoutSeeds++;
      }
    }
    for (EvaluationProtocol protocol : List.of(EvaluationProtocol.COLD, EvaluationProtocol.COLD_ALL_TRACKS)) {
      EvaluationQueries q = evaluation.queries(protocol);
      assertThat(q.queryCount()).isEqualTo(coldQueries).isPositive();
      assertThat(q.relevantCount()).isEqualTo(coldRelevant);
      assertThat(q.playlistsWithoutSeeds()).isEqualTo(withoutSeeds);
    }
    assertThat(evaluation.queries(EvaluationProtocol.COLD).candidates().stream().toArray())
        .containsExactly(coldStart.coldNodes());
    assertThat(evaluation.coldStartCatalog().training().equals(coldStart.training())).isTrue();
    assertThat(evaluation.coldStartCatalog().inference().equals(coldStart.inference())).isTrue();
  }

  @Test
  void recommendationsComeFromTheCandidatesAndNeverRepeatTrainingTracks() {
    for (EvaluationProtocol protocol : EvaluationProtocol.values()) {
      PlaylistCatalog catalog = protocol.coldStart() ? evaluation.coldStartCatalog() : evaluation.continuationCatalog();
      FittedRecommender model = new ItemCooccurrenceKnnRecommender(ItemCooccurrenceKnnConfig.defaults()).fit(catalog);
      EvaluationQueries queries = evaluation.queries(protocol);
      for (int q = 0; q < queries.queryCount(); q++) {
        int p = queries.playlists()[q];
        int[] top = model.recommend(p, 50, queries.candidates());
        assertThat(top).hasSize(Math.min(50, queries.candidates().cardinality() - overlap(catalog, p, queries)));
        for (int t : top) {
          assertThat(catalog.playlistTracks().contains(p, t)).as("%s playlist %d track %d", protocol, p, t).isFalse();
          assertThat(queries.candidates().get(t)).isTrue();
        }
      }
    }
  }

  private static int overlap(PlaylistCatalog catalog, int playlist, EvaluationQueries queries) {
    int n = 0;
    for (int t : catalog.playlistTracks().neighbors(playlist)) {
      n += queries.candidates().get(t) ? 1 : 0;
    }
    return n;
  }

  /** Knows the source graph: training tracks score 2 (and must be skipped), held-out tracks 1. */
  private final class Oracle implements PlaylistRecommender {
    @Override
    public String name() {
      return "oracle";
    }

    @Override
    public Object parameters() {
      return Map.of();
    }

    @Override
    public FittedRecommender fit(PlaylistCatalog catalog, ProgressTracker progress) {
      CsrAdjacency source = graph.out(catalog.relation());
      return new FittedRecommender() {
        @Override
        public PlaylistCatalog catalog() {
          return catalog;
        }

        @Override
        public void score(int playlist, float[] scores) {
          for (int t = 0; t < scores.length; t++) {
            scores[t] = (source.contains(playlist, t) ? 1 : 0) + (catalog.playlistTracks().contains(playlist, t) ? 1 : 0);
          }
        }
      };
    }
  }

  @Test
  void anOracleOfTheHeldOutTracksRanksEveryRelevantTrackFirst() {
    for (EvaluationResult r : evaluation.evaluate(new Oracle())) {
      EvaluationQueries q = evaluation.queries(r.protocol());
      double recallAt10 = 0;
      for (int i = 0; i < q.queryCount(); i++) {
        int n = q.relevantOf(i).length;
        recallAt10 += Math.min(10, n) / (double) n;
      }
      assertThat(r.queries()).isEqualTo(q.queryCount());
      assertThat(r.recallAt10()).as("%s", r.protocol()).isCloseTo(recallAt10 / q.queryCount(), within(1e-12));
      assertThat(r.recallAt50()).as("%s", r.protocol()).isEqualTo(1.0);
      assertThat(r.ndcgAt50()).as("%s", r.protocol()).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void coldTracksLookAlikeToRecommendersWithoutContent() {
    List<EvaluationResult> popularity = evaluation.evaluate(new PopularityRecommender());
    List<EvaluationResult> bpr = evaluation.evaluate(new BprRecommender(new BprConfig(8, 5, 0.05, 0.01, SEED)));
    EvaluationResult a = popularity.get(EvaluationProtocol.COLD.ordinal());
    EvaluationResult b = bpr.get(EvaluationProtocol.COLD.ordinal());
    assertThat(a.protocol()).isEqualTo(EvaluationProtocol.COLD);
    // every cold track ties (0 for popularity, -Infinity for BPR), so both rank cold tracks by id
    assertThat(new double[] {b.recallAt10(), b.recallAt50(), b.ndcgAt50()})
        .containsExactly(a.recallAt10(), a.recallAt50(), a.ndcgAt50());
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    var oneThread = new EvaluationConfig(config.continuation(), config.coldStart(), 1);
    PlaylistRecommender knn = new ItemCooccurrenceKnnRecommender(new ItemCooccurrenceKnnConfig(50, 1000, 2));
    PlaylistRecommender content = new ContentKnnRecommender(ContentKnnConfig.allColumns());
    assertThat(new PlaylistContinuationEvaluation(graph, oneThread).evaluate(List.of(knn, content)).results())
        .isEqualTo(evaluation.evaluate(List.of(knn, content)).results());
  }

  @Test
  void mismatchedSettingsAreRejected() {
    assertThatThrownBy(() -> new EvaluationConfig(config.continuation(),
        new ColdStartSplitConfig("track", List.of("by_artist"), 0.1, true, SEED), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'contains' (got [by_artist])");
    assertThatThrownBy(() -> new EvaluationConfig(config.continuation(), config.coldStart(), 0))
        .hasMessageContaining("threads must be >= 1 (got 0)");
    var playlistsCold = new EvaluationConfig(config.continuation(),
        new ColdStartSplitConfig("playlist", List.of("contains"), 0.1, true, SEED), 1);
    assertThatThrownBy(() -> new PlaylistContinuationEvaluation(graph, playlistsCold))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(got 'playlist')");
  }
}
