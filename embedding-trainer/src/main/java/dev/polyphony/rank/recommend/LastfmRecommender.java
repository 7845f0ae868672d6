package dev.polyphony.rank.recommend;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.data.LastfmFeatureSpace;
import dev.polyphony.rank.data.LastfmImpressions;
import dev.polyphony.rank.data.LastfmImpressionsConfig;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.Quota;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * End-to-end recommendation of artists to a Last.fm HetRec user. Built once from the graph: the
 * {@link LastfmImpressions} (their stand-in embeddings are the ones retrieval and features use) and a
 * {@link TrainedHead} with its fusion weights. Then per user:
 * {@link TasteArtists} (60% of the candidates), {@link FriendsArtists} (20%) and {@link PopularArtists} (20%)
 * blended, ranked by the head, ordered by the fused score. Deterministic under the configured seeds.
 */
public final class LastfmRecommender {
  private static final double TASTE_SHARE = 0.6;
  private static final double FRIENDS_SHARE = 0.2;
  private static final double POPULAR_SHARE = 0.2;

  private final LastfmCatalog catalog;
  private final TrainedHead head;
  private final RankedRecommender recommender;

  private LastfmRecommender(LastfmCatalog catalog, TrainedHead head, RankedRecommender recommender) {
    this.catalog = catalog;
    this.head = head;
    this.recommender = recommender;
  }

  /** Builds the impressions of {@code graph}, trains the head and searches the fusion; epochs are progress stages. */
  public static LastfmRecommender train(HeteroGraph graph, LastfmImpressionsConfig impressions,
      RecommenderConfig config, ProgressTracker progress) {
    Objects.requireNonNull(config, "config");
    progress.begin("Last.fm impressions", -1);
    LastfmImpressions built = LastfmImpressions.build(graph, impressions);
    progress.end();
    TrainedHead head = TrainedHead.fit(built.log(), config, progress);
    LastfmCatalog catalog = new LastfmCatalog(graph, built.features());
    CandidateBlender blender = new CandidateBlender(List.of(
        new CandidateBlender.Entry(new TasteArtists(catalog), Quota.share(TASTE_SHARE)),
        new CandidateBlender.Entry(new FriendsArtists(catalog), Quota.share(FRIENDS_SHARE)),
        new CandidateBlender.Entry(new PopularArtists(catalog), Quota.share(POPULAR_SHARE))));
    return new LastfmRecommender(catalog, head, new RankedRecommender(blender, head.model(), head.fusion(),
        config.candidates()));
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

  /** The head, how its training went and its fusion. */
  public TrainedHead head() {
    return head;
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
