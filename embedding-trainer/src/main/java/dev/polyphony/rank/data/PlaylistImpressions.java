package dev.polyphony.rank.data;

import static dev.polyphony.graph.io.SpotifySongsSchema.CONTAINS;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.eval.TopKSelector;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.AliasTable;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Ranking impressions of playlist continuation in a catalog of the Spotify songs schema, free of leaks from
 * the held-out tracks: per playlist with at least {@code minTracks} tracks, a random {@code holdOutFraction}
 * (at least one; seeded per playlist) is held out as its continuation, and its {@link PlaylistFeatureSpace}
 * profile is made of the remaining tracks only. The track embeddings must not have seen the playlists (the
 * stand-in embedding from audio features and creators does not).
 *
 * <p>Impressions of a playlist: the {@code candidatesPerPlaylist} tracks of best cosine to its profile that are
 * not among its remaining tracks (the retrieval stage, as the {@code playlist} candidate generator finds them),
 * its held-out tracks, and {@code explorationPerPlaylist} tracks drawn by popularity + 1, in track order.
 * Labels, funnel {@code added -> hit}: added = the track is held out; hit = added and its popularity is at or
 * above the median popularity of all the playlist's tracks (a continuation that does at least as well as the
 * playlist's typical track). Traits: tail creator and fresh, as in the feature space.
 */
public final class PlaylistImpressions {
  public static final String ADDED_TASK = "added";
  public static final String HIT_TASK = "hit";
  public static final RankingTasks TASKS = RankingTasks.chain(ADDED_TASK, HIT_TASK);

  /**
   * Counts of a build.
   *
   * @param playlists playlists with impressions
   * @param impressions impressions
   * @param heldOutPairs held-out (playlist, track) pairs, all of them impressions
   * @param retrievedHeldOut held-out pairs the retrieval stage found
   */
  public record Summary(int playlists, int impressions, int heldOutPairs, int retrievedHeldOut) {}

  private final ImpressionLog log;
  private final Summary summary;
  private final PlaylistFeatureSpace features;

  private PlaylistImpressions(ImpressionLog log, Summary summary, PlaylistFeatureSpace features) {
    this.log = log;
    this.summary = summary;
    this.features = features;
  }

  public ImpressionLog log() {
    return log;
  }

  public Summary summary() {
    return summary;
  }

  public PlaylistFeatureSpace features() {
    return features;
  }

  /** Builds the impressions of {@code graph} with track embeddings {@code tracks}. */
  public static PlaylistImpressions build(HeteroGraph graph, EmbeddingTable tracks, PlaylistImpressionsConfig config) {
    Objects.requireNonNull(config, "config");
    PlaylistFeatureSpace space = new PlaylistFeatureSpace(graph, tracks, config);
    CsrAdjacency contains = graph.out(CONTAINS);
    int playlists = contains.rowCount();
    int n = space.tracks();
    boolean[] evaluated = new boolean[playlists];
    boolean[] heldOut = HeldOutInteractions.select(contains, config.minTracks(), config.holdOutFraction(),
        config.seed(), evaluated);
    double[] weights = new double[n];
    for (int t = 0; t < n; t++) {
      weights[t] = space.popularity(t) + 1.0;
    }
    AliasTable exploration = new AliasTable(weights);
    TopKSelector retrieval = new TopKSelector(config.candidatesPerPlaylist());
    List<String> names = PlaylistFeatureSpace.featureNames(tracks.dimension());
    ImpressionLog.Builder out = new ImpressionLog.Builder(TASKS, names,
        EnumSet.of(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH), false);
    float[] row = new float[names.size()];
    float[] scores = new float[n];
    int withImpressions = 0;
    int heldOutPairs = 0;
    int retrievedHeldOut = 0;
    for (int p = 0; p < playlists; p++) {
      if (!evaluated[p]) {
        continue;
      }
      IntArrayList training = new IntArrayList();
      IntOpenHashSet held = new IntOpenHashSet();
      float[] popularities = new float[contains.degree(p)];
      for (int e = contains.start(p); e < contains.end(p); e++) {
        int t = contains.target(e);
        popularities[e - contains.start(p)] = space.popularity(t);
        if (heldOut[e]) {
          held.add(t);
        } else {
          training.add(t);
        }
      }
      double median = LastfmImpressions.median(popularities);
      int[] known = training.toIntArray(); // CSR rows are ascending, so this is sorted
      PlaylistFeatureSpace.Profile profile = space.profile(known);
      for (int t = 0; t < n; t++) {
        scores[t] = space.cosine(profile, t);
      }
      BitSet shown = new BitSet(n);
      for (int t : retrieval.select(scores, null, known)) {
        shown.set(t);
        if (held.contains(t)) {
          retrievedHeldOut++;
        }
      }
      for (int t : held) {
        shown.set(t);
      }
      SplittableRandom r = new SplittableRandom(SeedDerivation.derive(config.seed(), -2, p));
      HeldOutInteractions.explore(exploration, r, config.explorationPerPlaylist(), shown, new IntOpenHashSet(known));
      heldOutPairs += held.size();
      withImpressions++;
      for (int t = shown.nextSetBit(0); t >= 0; t = shown.nextSetBit(t + 1)) {
        byte added = (byte) (held.contains(t) ? 1 : 0);
        byte hit = (byte) (added == 1 && space.popularity(t) >= median ? 1 : 0);
        space.fill(profile, t, row, 0);
        out.add(p, t, row, new byte[] {added, hit}, new float[] {space.tail(t), space.fresh(t)}, null);
      }
    }
    ImpressionLog log = out.build();
    return new PlaylistImpressions(log, new Summary(withImpressions, log.rows(), heldOutPairs, retrievedHeldOut), space);
  }
}
