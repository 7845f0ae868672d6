package dev.polyphony.rank.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.RankingHead;
import dev.polyphony.rank.RankingTasks;
import dev.polyphony.rank.fusion.ScoreFusion;
import dev.polyphony.rank.session.FusionAction;
import dev.polyphony.rank.session.FusionPolicy;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.FreshContent;
import dev.polyphony.retrieval.candidates.FreshContentConfig;
import dev.polyphony.retrieval.candidates.Quota;
import dev.polyphony.retrieval.candidates.Reason;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import dev.polyphony.retrieval.candidates.SimilarTracks;
import dev.polyphony.retrieval.candidates.TinyCatalog;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankedRecommenderTest {
  private static final RankingTasks TASKS = RankingTasks.chain("click", "save");
  /** One feature per catalog row of the tiny catalog: t1 0.2, t2 0.9, t3 0.5, t6 0.7. */
  private static final float[] FEATURE = {0.1f, 0.2f, 0.9f, 0.5f, 0.3f, 0.3f, 0.7f, 0.3f, 0.3f};
  /** Tail flag per row: only t1. */
  private static final float[] TAIL = {0, 1, 0, 0, 0, 0, 0, 0, 0};

  /** A head whose click probability is the feature and whose save probability is half of it. */
  private static final RankingHead HEAD = new RankingHead() {
    @Override
    public String name() {
      return "half";
    }

    @Override
    public RankingTasks tasks() {
      return TASKS;
    }

    @Override
    public int featureCount() {
      return 1;
    }

    @Override
    public float[] predict(float[] features, int rows) {
      float[] out = new float[rows * 2];
      for (int r = 0; r < rows; r++) {
        out[2 * r] = features[r];
        out[2 * r + 1] = features[r] / 2;
      }
      return out;
    }
  };

  private static final CandidateFeatures FEATURES = new CandidateFeatures() {
    @Override
    public int featureCount() {
      return 1;
    }

    @Override
    public void fill(int row, float[] out, int offset) {
      out[offset] = FEATURE[row];
    }

    @Override
    public Set<ExposureTrait> traits() {
      return Set.of(ExposureTrait.TAIL_CREATOR);
    }

    @Override
    public float trait(ExposureTrait trait, int row) {
      return TAIL[row];
    }
  };

  /** Similar and fresh tracks for seed t0, 4 candidates: t1, t3, t2, t6 (t2 proposed by both). */
  private static CandidateBlender blender() {
    EmbeddingTable table = TinyCatalog.table();
    RetrievalCatalog catalog = new RetrievalCatalog(table, ExactIndex.build(table, Metric.COSINE, 1),
        TinyCatalog.graph());
    return new CandidateBlender(List.of(
        new CandidateBlender.Entry(new SimilarTracks(catalog), Quota.share(0.5)),
        new CandidateBlender.Entry(new FreshContent(catalog, FreshContentConfig.defaults()), Quota.share(0.5))));
  }

  @Test
  void ordersTheCandidatesByTheFusedScoreAndKeepsEveryReason() {
    ScoreFusion fusion = new ScoreFusion(new double[] {1, 1}, Map.of(ExposureTrait.TAIL_CREATOR, 5.0));
    RankedRecommender recommender = new RankedRecommender(blender(), HEAD, fusion, 4);

    Recommendation result = recommender.recommend("seed t0", CandidateRequest.forSeedTrack("t0"), FEATURES, 3);

    // fused = ln p + ln(p / 2) + 5 tail: t1 ln 0.2 + ln 0.1 + 5 = 1.088; t2 -0.904; t6 -1.743; t3 -2.079.
    assertThat(result.candidatesScored()).isEqualTo(4);
    assertThat(result.items()).extracting(RankedCandidate::id).containsExactly("t1", "t2", "t6");
    assertThat(result.items()).extracting(RankedCandidate::rank).containsExactly(1, 2, 3);
    assertThat(result.items().get(0).fusedScore()).isCloseTo(Math.log(0.2) + Math.log(0.1) + 5, within(1e-5));
    assertThat(result.items().get(1).fusedScore()).isCloseTo(Math.log(0.9) + Math.log(0.45), within(1e-5));
    assertThat(result.items().get(1).taskScores()).containsOnlyKeys("click", "save");
    assertThat(result.items().get(1).taskScores().get("save")).isCloseTo(0.45, within(1e-6));
    assertThat(result.items().get(1).candidate().reasons()).extracting(Reason::generator)
        .containsExactly("similar", "fresh");
    assertThat(result.tasks()).containsExactly("click", "save");
    assertThat(result.head()).isEqualTo("half");
    assertThat(result.shares()).extracting(CandidateBlender.GeneratorShare::generator)
        .containsExactly("similar", "fresh");
  }

  @Test
  void withoutTraitWeightsTheOrderIsTheProductOfTheTaskProbabilities() {
    RankedRecommender recommender = new RankedRecommender(blender(), HEAD, ScoreFusion.product(2), 4);
    Recommendation result = recommender.recommend("seed t0", CandidateRequest.forSeedTrack("t0"), FEATURES, 10);
    assertThat(result.items()).extracting(RankedCandidate::id).containsExactly("t2", "t6", "t3", "t1");
  }

  @Test
  void anUnknownIdIsAnErrorNamingIt() {
    RankedRecommender recommender = new RankedRecommender(blender(), HEAD, ScoreFusion.product(2), 4);
    assertThatThrownBy(() -> recommender.recommend("seed x", CandidateRequest.forSeedTrack("nope"), FEATURES, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seed track 'nope' has no embedding");
  }

  @Test
  void rejectsAFusionOfOtherTasksAndFeaturesOfOtherWidth() {
    assertThatThrownBy(() -> new RankedRecommender(blender(), HEAD, ScoreFusion.product(3), 4))
        .hasMessage("the fusion has 3 task weights, head 'half' 2 tasks");
    assertThatThrownBy(() -> new RankedRecommender(blender(), HEAD, ScoreFusion.product(2), 0))
        .hasMessage("candidates must be > 0 (got 0)");
    RankedRecommender recommender = new RankedRecommender(blender(), HEAD, ScoreFusion.product(2), 4);
    CandidateFeatures wide = new CandidateFeatures() {
      @Override
      public int featureCount() {
        return 2;
      }

      @Override
      public void fill(int row, float[] out, int offset) {}

      @Override
      public Set<ExposureTrait> traits() {
        return Set.of();
      }

      @Override
      public float trait(ExposureTrait trait, int row) {
        return 0;
      }
    };
    assertThatThrownBy(() -> recommender.recommend("seed t0", CandidateRequest.forSeedTrack("t0"), wide, 3))
        .hasMessage("the candidate features have 2 columns, head 'half' reads 1");
  }

  @Test
  void aFusionPolicyChoosesTheFusionFromTheFirstRequestsState() {
    List<FusionAction> actions = List.of(new FusionAction(ScoreFusion.product(2), 0),
        new FusionAction(new ScoreFusion(new double[] {1, 1}, Map.of(ExposureTrait.TAIL_CREATOR, 5.0)), 0));
    float[][] seen = new float[1][];
    FusionPolicy tailWhenTheBestIsSure = new FusionPolicy() {
      @Override
      public List<FusionAction> actions() {
        return actions;
      }

      @Override
      public double[] probabilities(float[] state) {
        seen[0] = state;
        return state[7] > 0.8f ? new double[] {0, 1} : new double[] {1, 0};
      }

      @Override
      public String name() {
        return "tail when sure";
      }
    };
    RankedRecommender recommender = new RankedRecommender(blender(), HEAD, ScoreFusion.product(2), 4)
        .withFusionPolicy(tailWhenTheBestIsSure);

    Recommendation result = recommender.recommend("seed t0", CandidateRequest.forSeedTrack("t0"), FEATURES, 3);

    // The best click probability among t1 0.2, t3 0.5, t2 0.9, t6 0.7 is 0.9: the tail action, as in the first test.
    assertThat(result.items()).extracting(RankedCandidate::id).containsExactly("t1", "t2", "t6");
    assertThat(result.fusion()).isEqualTo(actions.get(1).fusion());
    // bias, first, step, fit, diversity, fresh, last click rate, best click, top concentration (one genre).
    assertThat(seen[0]).containsExactly(1f, 1f, 0f, 0f, 0f, 0f, 0f, 0.9f, 1f);

    FusionPolicy threeTasks = dev.polyphony.rank.session.FixedFusionPolicy.of("three",
        new FusionAction(ScoreFusion.product(3), 0));
    assertThatThrownBy(() -> new RankedRecommender(blender(), HEAD, ScoreFusion.product(2), 4)
        .withFusionPolicy(threeTasks)).hasMessage("fusion policy 'three' weighs 3 tasks, head 'half' has 2");
  }
}
