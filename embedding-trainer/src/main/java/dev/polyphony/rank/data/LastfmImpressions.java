package dev.polyphony.rank.data;

import static dev.polyphony.graph.io.LastfmSchema.ARTIST;
import static dev.polyphony.graph.io.LastfmSchema.LISTENED;
import static dev.polyphony.graph.io.LastfmSchema.TAGGED;
import static dev.polyphony.graph.io.LastfmSchema.USER;

import dev.polyphony.eval.TopKSelector;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.AliasTable;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Ranking impressions from the HetRec 2011 Last.fm 2K data (graph of
 * {@link dev.polyphony.graph.io.LastfmSchema}), free of leaks from the held-out listens.
 *
 * <p>Per user with at least {@code minArtists} listened artists, a random {@code holdOutFraction} of them
 * (at least one; seeded per user) is held out: the future. Everything the features see comes from the
 * remaining training pairs only:
 * <ul>
 *   <li>stand-in embeddings, until the trainer provides Last.fm ones: a rank-{@code factors} truncated SVD
 *       ({@link TruncatedSvd}) of the training matrix of {@code log(1 + plays)}, each user's row scaled to
 *       unit length; user vector {@code U sqrt(S)}, artist vector {@code V sqrt(S)}, so their dot product is
 *       the low-rank score;
 *   <li>artist popularity: training listeners and plays; tail flag below the {@code tailPercentile}
 *       quantile of listeners among artists with a training listener.
 * </ul>
 * Impressions of a user: the {@code candidatesPerUser} best-scored artists with a training listener that
 * the user has not listened to in training (the retrieval stage), the user's held-out artists, and
 * {@code explorationPerUser} artists drawn by training listeners + 1 (so a low score or a rare artist does
 * not betray a held-out one), in artist order. Labels, funnel {@code listened -> heavy} plus
 * {@code tagged}: listened = the pair is held out; heavy = listened with plays at or above the user's median
 * over all their listened artists; tagged = the user tagged the artist (tagging does not need a listen in
 * this data, so it has no parent). Features: user and artist vectors, their element-wise and dot products,
 * log training listeners and plays of the artist, the tail flag, and log of the user's training artists.
 *
 * <p>A property of this impression space: held-out artists enter it whatever their score, retrieved ones
 * because their score is among the user's best, so a modest score or popularity hints at a held-out
 * artist. The exploration draws blunt this without removing it; the listened task's AUC measures ranking
 * within this space, not retrieval quality.
 */
public final class LastfmImpressions {
  public static final String LISTENED_TASK = "listened";
  public static final String HEAVY_TASK = "heavy";
  public static final String TAGGED_TASK = "tagged";
  public static final RankingTasks TASKS = new RankingTasks(List.of(LISTENED_TASK, HEAVY_TASK, TAGGED_TASK),
      new int[] {-1, 0, -1});
  private static final int SVD_OVERSAMPLING = 10;
  private static final int SVD_POWER_ITERATIONS = 3;
  private static final int EXPLORATION_ATTEMPTS = 20;

  /**
   * Counts of a build.
   *
   * @param users users with impressions
   * @param impressions impressions
   * @param heldOutPairs held-out (user, artist) pairs, all of them impressions
   * @param retrievedHeldOut held-out pairs the retrieval stage found
   * @param retrieved impressions from the retrieval stage
   * @param explored impressions from exploration
   */
  public record Summary(int users, int impressions, int heldOutPairs, int retrievedHeldOut, int retrieved, int explored) {}

  private final ImpressionLog log;
  private final Summary summary;

  private LastfmImpressions(ImpressionLog log, Summary summary) {
    this.log = log;
    this.summary = summary;
  }

  public ImpressionLog log() {
    return log;
  }

  public Summary summary() {
    return summary;
  }

  /** Feature names for {@code factors} embedding dimensions. */
  public static List<String> featureNames(int factors) {
    List<String> names = new ArrayList<>();
    for (String part : List.of("user_", "artist_", "product_")) {
      for (int i = 0; i < factors; i++) {
        names.add(part + i);
      }
    }
    names.addAll(List.of("dot", "log_listeners", "log_plays", "tail_creator", "log_user_artists"));
    return names;
  }

  /** Builds the impressions of {@code graph}. */
  public static LastfmImpressions build(HeteroGraph graph, LastfmImpressionsConfig config) {
    Objects.requireNonNull(graph, "graph");
    Objects.requireNonNull(config, "config");
    int users = graph.nodeCount(USER);
    int artists = graph.nodeCount(ARTIST);
    CsrAdjacency listened = graph.out(LISTENED);
    CsrAdjacency tagged = graph.out(TAGGED);

    boolean[] heldOut = new boolean[listened.edgeCount()];
    boolean[] evaluated = new boolean[users];
    for (int u = 0; u < users; u++) {
      int degree = listened.degree(u);
      if (degree < config.minArtists()) {
        continue;
      }
      evaluated[u] = true;
      int[] positions = new int[degree];
      for (int i = 0; i < degree; i++) {
        positions[i] = listened.start(u) + i;
      }
      SplittableRandom r = new SplittableRandom(SeedDerivation.derive(config.seed(), u));
      for (int i = degree - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = positions[i];
        positions[i] = positions[j];
        positions[j] = t;
      }
      int hold = Math.max(1, (int) Math.round(config.holdOutFraction() * degree));
      for (int i = 0; i < hold; i++) {
        heldOut[positions[i]] = true;
      }
    }

    // Training statistics: nothing below reads a held-out pair.
    int[] listeners = new int[artists];
    double[] plays = new double[artists];
    int[] userArtists = new int[users];
    int[] offsets = new int[users + 1];
    IntArrayList columns = new IntArrayList();
    DoubleArrayList values = new DoubleArrayList();
    for (int u = 0; u < users; u++) {
      double squares = 0;
      int rowStart = columns.size();
      for (int e = listened.start(u); e < listened.end(u); e++) {
        if (!heldOut[e]) {
          int a = listened.target(e);
          double w = Math.log1p(listened.weight(e));
          listeners[a]++;
          plays[a] += listened.weight(e);
          userArtists[u]++;
          columns.add(a);
          values.add(w);
          squares += w * w;
        }
      }
      double norm = squares > 0 ? Math.sqrt(squares) : 1;
      for (int i = rowStart; i < columns.size(); i++) {
        values.set(i, values.getDouble(i) / norm);
      }
      offsets[u + 1] = columns.size();
    }
    double[] matrixValues = values.toDoubleArray();
    int k = config.factors();
    TruncatedSvd.Result svd = TruncatedSvd.compute(new TruncatedSvd.SparseMatrix(users, artists, offsets,
        columns.toIntArray(), matrixValues), k, SVD_OVERSAMPLING, SVD_POWER_ITERATIONS,
        SeedDerivation.derive(config.seed(), -1));
    float[] userVectors = scaledVectors(svd.u(), svd.values(), users, k);
    float[] artistVectors = scaledVectors(svd.v(), svd.values(), artists, k);
    float[] tail = tailFlags(listeners, config.tailPercentile());

    BitSet known = new BitSet(artists);
    double[] explorationWeights = new double[artists];
    for (int a = 0; a < artists; a++) {
      if (listeners[a] > 0) {
        known.set(a);
      }
      explorationWeights[a] = listeners[a] + 1.0;
    }
    AliasTable exploration = new AliasTable(explorationWeights);
    TopKSelector retrieval = new TopKSelector(config.candidatesPerUser());

    List<String> names = featureNames(k);
    ImpressionLog.Builder out = new ImpressionLog.Builder(TASKS, names, EnumSet.of(ExposureTrait.TAIL_CREATOR), false);
    float[] row = new float[names.size()];
    float[] scores = new float[artists];
    int usersWithImpressions = 0;
    int heldOutPairs = 0;
    int retrievedHeldOut = 0;
    int retrievedCount = 0;
    int exploredCount = 0;
    for (int u = 0; u < users; u++) {
      if (!evaluated[u]) {
        continue;
      }
      IntArrayList trainingArtists = new IntArrayList();
      IntOpenHashSet heldOutArtists = new IntOpenHashSet();
      float[] userPlays = new float[listened.degree(u)];
      for (int e = listened.start(u); e < listened.end(u); e++) {
        userPlays[e - listened.start(u)] = listened.weight(e);
        if (heldOut[e]) {
          heldOutArtists.add(listened.target(e));
        } else {
          trainingArtists.add(listened.target(e));
        }
      }
      double median = median(userPlays);
      for (int a = 0; a < artists; a++) {
        scores[a] = dot(userVectors, u, artistVectors, a, k);
      }
      int[] excluded = trainingArtists.toIntArray(); // CSR rows are ascending, so this is sorted
      int[] retrieved = retrieval.select(scores, known, excluded);
      BitSet shown = new BitSet(artists);
      for (int a : retrieved) {
        shown.set(a);
        retrievedCount++;
        if (heldOutArtists.contains(a)) {
          retrievedHeldOut++;
        }
      }
      for (int a : heldOutArtists) {
        shown.set(a);
      }
      SplittableRandom r = new SplittableRandom(SeedDerivation.derive(config.seed(), -2, u));
      IntOpenHashSet training = new IntOpenHashSet(excluded);
      int drawn = 0;
      for (int attempt = 0; drawn < config.explorationPerUser()
          && attempt < EXPLORATION_ATTEMPTS * config.explorationPerUser(); attempt++) {
        int a = exploration.sample(r);
        if (!shown.get(a) && !training.contains(a)) {
          shown.set(a);
          drawn++;
        }
      }
      exploredCount += drawn;
      heldOutPairs += heldOutArtists.size();
      usersWithImpressions++;
      for (int a = shown.nextSetBit(0); a >= 0; a = shown.nextSetBit(a + 1)) {
        byte listen = (byte) (heldOutArtists.contains(a) ? 1 : 0);
        byte heavy = 0;
        if (listen == 1) {
          int e = position(listened, u, a);
          heavy = (byte) (listened.weight(e) >= median ? 1 : 0);
        }
        byte tag = (byte) (tagged.contains(u, a) ? 1 : 0);
        fill(row, userVectors, u, artistVectors, a, k, listeners[a], plays[a], tail[a], userArtists[u]);
        out.add(u, a, row, new byte[] {listen, heavy, tag}, new float[] {tail[a]}, null);
      }
    }
    ImpressionLog log = out.build();
    return new LastfmImpressions(log, new Summary(usersWithImpressions, log.rows(), heldOutPairs, retrievedHeldOut,
        retrievedCount, exploredCount));
  }

  /** Rows of {@code vectors} times {@code sqrt(values)}, as floats. */
  private static float[] scaledVectors(double[] vectors, double[] values, int rows, int k) {
    float[] out = new float[rows * k];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < k; c++) {
        out[r * k + c] = (float) (vectors[r * k + c] * Math.sqrt(values[c]));
      }
    }
    return out;
  }

  private static float[] tailFlags(int[] listeners, double percentile) {
    IntArrayList counts = new IntArrayList();
    for (int c : listeners) {
      if (c > 0) {
        counts.add(c);
      }
    }
    int[] sorted = counts.toIntArray();
    Arrays.sort(sorted);
    int threshold = sorted.length == 0 ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(percentile * sorted.length))];
    float[] tail = new float[listeners.length];
    for (int a = 0; a < listeners.length; a++) {
      tail[a] = listeners[a] < threshold ? 1f : 0f;
    }
    return tail;
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(float[] values) {
    float[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
  }

  private static int position(CsrAdjacency adjacency, int u, int a) {
    int lo = adjacency.start(u);
    int hi = adjacency.end(u) - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int t = adjacency.target(mid);
      if (t < a) {
        lo = mid + 1;
      } else if (t > a) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    throw new IllegalStateException("user " + u + " has no listened edge to artist " + a);
  }

  private static float dot(float[] users, int u, float[] artists, int a, int k) {
    float s = 0;
    for (int c = 0; c < k; c++) {
      s += users[u * k + c] * artists[a * k + c];
    }
    return s;
  }

  private static void fill(float[] row, float[] users, int u, float[] artists, int a, int k, int listeners,
      double plays, float tail, int userArtists) {
    float dot = 0;
    for (int c = 0; c < k; c++) {
      float x = users[u * k + c];
      float y = artists[a * k + c];
      row[c] = x;
      row[k + c] = y;
      row[2 * k + c] = x * y;
      dot += x * y;
    }
    row[3 * k] = dot;
    row[3 * k + 1] = (float) Math.log1p(listeners);
    row[3 * k + 2] = (float) Math.log1p(plays);
    row[3 * k + 3] = tail;
    row[3 * k + 4] = (float) Math.log1p(userArtists);
  }
}
