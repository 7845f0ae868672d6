package dev.polyphony.rank.recommend;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.ImpressionSplit;
import dev.polyphony.rank.RankTrainResult;
import dev.polyphony.rank.RankingModel;
import dev.polyphony.rank.RankingTrainer;
import dev.polyphony.rank.compare.ComparisonDatasets;
import dev.polyphony.rank.data.LastfmFeatureSpace;
import dev.polyphony.rank.data.LastfmImpressions;
import dev.polyphony.rank.fusion.CrossEntropyMethod;
import dev.polyphony.rank.fusion.FusionSearch;
import dev.polyphony.rank.fusion.LongTermObjective;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.Quota;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * End-to-end recommendation of artists to a Last.fm HetRec user. Built once from the graph: the
 * {@link LastfmImpressions} (their stand-in embeddings are the ones retrieval and features use), a ranking
 * head trained on the impressions' training users and stopped early on the validation users, and the fusion
 * weights the cross-entropy method finds on the validation users for the long-term objective. Then per user:
 * {@link TasteArtists} (60% of the candidates), {@link FriendsArtists} (20%) and {@link PopularArtists} (20%)
 * blended, ranked by the head, ordered by the fused score. Deterministic under the configured seeds.
 */
public final class LastfmRecommender {
  private static final double TASTE_SHARE = 0.6;
  private static final double FRIENDS_SHARE = 0.2;
  private static final double POPULAR_SHARE = 0.2;

  private final LastfmCatalog catalog;
  private final RankedRecommender recommender;
  private final RankTrainResult training;
  private final LongTermObjective.Value validation;

  private LastfmRecommender(LastfmCatalog catalog, RankedRecommender recommender, RankTrainResult training,
      LongTermObjective.Value validation) {
    this.catalog = catalog;
    this.recommender = recommender;
    this.training = training;
    this.validation = validation;
  }

  /** Builds the impressions of {@code graph}, trains the head and searches the fusion; epochs are progress stages. */
  public static LastfmRecommender train(HeteroGraph graph, LastfmRecommenderConfig config, ProgressTracker progress) {
    Objects.requireNonNull(config, "config");
    progress.begin("Last.fm impressions", -1);
    LastfmImpressions built = LastfmImpressions.build(graph, config.impressions());
    progress.end();
    ImpressionSplit split = ImpressionSplit.byQuery(built.log(), ComparisonDatasets.TRAIN_FRACTION,
        ComparisonDatasets.VALIDATION_FRACTION, config.splitSeed());
    long seed = config.training().seed();
    RankingModel model = RankingModel.forTraining(config.head(), split.train(), seed);
    RankTrainResult result = new RankingTrainer(config.training()).train(model, split.train(), split.validation(),
        progress);
    progress.begin("fusion search", -1);
    ImpressionLog validation = split.validation();
    LongTermObjective objective = LongTermObjective.deepEngagement(validation.tasks(), config.ndcgK(),
        config.credits());
    FusionSearch.Found found = new FusionSearch(CrossEntropyMethod.defaults(seed)).search(validation,
        model.predict(validation), objective);
    progress.end();
    LastfmCatalog catalog = new LastfmCatalog(graph, built.features());
    CandidateBlender blender = new CandidateBlender(List.of(
        new CandidateBlender.Entry(new TasteArtists(catalog), Quota.share(TASTE_SHARE)),
        new CandidateBlender.Entry(new FriendsArtists(catalog), Quota.share(FRIENDS_SHARE)),
        new CandidateBlender.Entry(new PopularArtists(catalog), Quota.share(POPULAR_SHARE))));
    return new LastfmRecommender(catalog, new RankedRecommender(blender, model, found.fusion(), config.candidates()),
        result, found.value());
  }

  /**
   * The best {@code k} artists for the user with external id {@code userId}.
   *
   * @throws IllegalArgumentException for an unknown user
   */
  public Recommendation recommend(String userId, int k) {
    var request = LastfmCatalog.request(userId);
    int user = catalog.user(request);
    return recommender.recommend("user " + userId, request, features(catalog.space(), user), k);
  }

  public LastfmCatalog catalog() {
    return catalog;
  }

  public RankedRecommender ranked() {
    return recommender;
  }

  /** How the head's training went. */
  public RankTrainResult training() {
    return training;
  }

  /** The long-term objective the fusion reaches on the validation users. */
  public LongTermObjective.Value validation() {
    return validation;
  }

  /** The feature rows of {@code user} with every candidate artist; trait: the tail flag. */
  static CandidateFeatures features(LastfmFeatureSpace space, int user) {
    return new CandidateFeatures() {
      @Override
      public int featureCount() {
        return space.featureCount();
      }

      @Override
      public void fill(int row, float[] out, int offset) {
        space.fill(user, row, out, offset);
      }

      @Override
      public Set<ExposureTrait> traits() {
        return Set.of(ExposureTrait.TAIL_CREATOR);
      }

      @Override
      public float trait(ExposureTrait trait, int row) {
        if (trait != ExposureTrait.TAIL_CREATOR) {
          throw new IllegalArgumentException("Last.fm candidates have no trait " + trait.label());
        }
        return space.tail(row);
      }
    };
  }
}
