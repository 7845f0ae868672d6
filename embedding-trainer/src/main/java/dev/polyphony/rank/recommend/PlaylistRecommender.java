package dev.polyphony.rank.recommend;

import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;
import static dev.polyphony.graph.io.SpotifySongsSchema.PLAYLIST;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.embedding.Metric;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.data.PlaylistFeatureSpace;
import dev.polyphony.rank.data.PlaylistImpressions;
import dev.polyphony.rank.data.PlaylistImpressionsConfig;
import dev.polyphony.retrieval.ExactIndex;
import dev.polyphony.retrieval.candidates.CandidateBlender;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.FreshContent;
import dev.polyphony.retrieval.candidates.FreshContentConfig;
import dev.polyphony.retrieval.candidates.PlaylistContinuation;
import dev.polyphony.retrieval.candidates.Quota;
import dev.polyphony.retrieval.candidates.RetrievalCatalog;
import dev.polyphony.retrieval.candidates.TailCreator;
import dev.polyphony.retrieval.candidates.TailCreatorConfig;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * End-to-end continuation of a playlist in a catalog of the Spotify songs schema. Built once from the graph and
 * track embeddings: the {@link PlaylistImpressions} and a {@link TrainedHead} with its fusion weights. Then per
 * playlist: the {@code playlist} continuation (60% of the candidates), {@code tail-creator} (20%) and
 * {@code fresh} (20%) generators over the embeddings blended, ranked by the head with the playlist's profile
 * made of all its tracks, ordered by the fused score. Deterministic under the configured seeds.
 */
public final class PlaylistRecommender {
  private static final double CONTINUATION_SHARE = 0.6;
  private static final double TAIL_SHARE = 0.2;
  private static final double FRESH_SHARE = 0.2;

  private final HeteroGraph graph;
  private final RetrievalCatalog catalog;
  private final PlaylistFeatureSpace space;
  private final TrainedHead head;
  private final RankedRecommender recommender;

  private PlaylistRecommender(HeteroGraph graph, RetrievalCatalog catalog, PlaylistFeatureSpace space,
      TrainedHead head, RankedRecommender recommender) {
    this.graph = graph;
    this.catalog = catalog;
    this.space = space;
    this.head = head;
    this.recommender = recommender;
  }

  /** Builds the impressions, trains the head and searches the fusion; epochs are progress stages. */
  public static PlaylistRecommender train(HeteroGraph graph, EmbeddingTable tracks,
      PlaylistImpressionsConfig impressions, RecommenderConfig config, ProgressTracker progress) {
    Objects.requireNonNull(config, "config");
    progress.begin("playlist impressions", -1);
    PlaylistImpressions built = PlaylistImpressions.build(graph, tracks, impressions);
    progress.end();
    TrainedHead head = TrainedHead.fit(built.log(), config, progress);
    RetrievalCatalog catalog = new RetrievalCatalog(tracks, ExactIndex.build(tracks, Metric.COSINE, 1), graph);
    CandidateBlender blender = new CandidateBlender(List.of(
        new CandidateBlender.Entry(new PlaylistContinuation(catalog), Quota.share(CONTINUATION_SHARE)),
        new CandidateBlender.Entry(new TailCreator(catalog, TailCreatorConfig.defaults()), Quota.share(TAIL_SHARE)),
        new CandidateBlender.Entry(new FreshContent(catalog, FreshContentConfig.defaults()),
            Quota.share(FRESH_SHARE))));
    return new PlaylistRecommender(graph, catalog, built.features(), head, new RankedRecommender(blender,
        head.model(), head.fusion(), config.candidates()));
  }

  /**
   * The best {@code k} tracks to continue the playlist with external id {@code playlistId}.
   *
   * @throws IllegalArgumentException for an unknown playlist
   */
  public Recommendation recommend(String playlistId, int k) {
    int playlist = requirePlaylist(graph, playlistId);
    CsrAdjacency contains = graph.out(CONTAINS);
    PlaylistFeatureSpace.Profile profile = space.profile(contains.neighbors(playlist));
    return recommender.recommend("playlist " + playlistId, CandidateRequest.forPlaylist(playlistId),
        features(profile), k);
  }

  /**
   * The node of the playlist with external id {@code playlistId}.
   *
   * @throws IllegalArgumentException naming the id when the graph has no such playlist
   */
  public static int requirePlaylist(HeteroGraph graph, String playlistId) {
    int node = graph.ids(PLAYLIST).indexOf(playlistId);
    if (node < 0) {
      throw new IllegalArgumentException("no playlist '" + playlistId + "' in the catalog (" + graph.nodeCount(PLAYLIST)
          + " playlists; ids are the playlist_id column)");
    }
    return node;
  }

  /** This recommender ordering lists with the fusion {@code policy} chooses ({@link RankedRecommender#withFusionPolicy}). */
  public PlaylistRecommender withFusionPolicy(dev.polyphony.rank.session.FusionPolicy policy) {
    return new PlaylistRecommender(graph, catalog, space, head, recommender.withFusionPolicy(policy));
  }

  public RetrievalCatalog catalog() {
    return catalog;
  }

  public RankedRecommender ranked() {
    return recommender;
  }

  /** The head, how its training went and its fusion. */
  public TrainedHead head() {
    return head;
  }

  /** The feature rows of a playlist's profile with every candidate track (catalog rows); traits: tail, fresh. */
  private CandidateFeatures features(PlaylistFeatureSpace.Profile profile) {
    return new CandidateFeatures() {
      @Override
      public int featureCount() {
        return space.featureCount();
      }

      @Override
      public void fill(int row, float[] out, int offset) {
        space.fill(profile, node(row), out, offset);
      }

      @Override
      public Set<ExposureTrait> traits() {
        return Set.of(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH);
      }

      @Override
      public float trait(ExposureTrait trait, int row) {
        return switch (trait) {
          case TAIL_CREATOR -> space.tail(node(row));
          case FRESH -> space.fresh(node(row));
          case MARGIN -> throw new IllegalArgumentException("playlist candidates have no trait margin");
        };
      }

      private int node(int row) {
        int node = catalog.node(row);
        if (node < 0) {
          throw new IllegalStateException("candidate row " + row + " ('" + catalog.tracks().id(row)
              + "') is not a track of the graph");
        }
        return node;
      }
    };
  }
}
