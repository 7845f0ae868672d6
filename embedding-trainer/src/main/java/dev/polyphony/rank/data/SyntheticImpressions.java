package dev.polyphony.rank.data;

import static dev.polyphony.graph.synth.SyntheticSchema.ARTIST;
import static dev.polyphony.graph.synth.SyntheticSchema.BY_ARTIST;
import static dev.polyphony.graph.synth.SyntheticSchema.GENRE;
import static dev.polyphony.graph.synth.SyntheticSchema.MARGIN;
import static dev.polyphony.graph.synth.SyntheticSchema.POPULARITY;
import static dev.polyphony.graph.synth.SyntheticSchema.PREFERRED_GENRE;
import static dev.polyphony.graph.synth.SyntheticSchema.RELEASE_DATE;
import static dev.polyphony.graph.synth.SyntheticSchema.TRACK;
import static dev.polyphony.graph.synth.SyntheticSchema.USER;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeAttributes;
import dev.polyphony.graph.sample.AliasTable;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.rank.ExposureTrait;
import dev.polyphony.rank.ImpressionLog;
import dev.polyphony.rank.RankingTasks;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Impression logs over a synthetic catalog ({@link dev.polyphony.graph.synth.SyntheticCatalog}) with a
 * known funnel impression -> click -> save -> subscribe, so the true probability of every step is known
 * on the entire impression space.
 *
 * <p>Latent factors: per genre a centroid {@code mu_g ~ N(0, I_k)}; user {@code u = 0.7 mu_pref + 0.7 e},
 * track {@code v = 0.7 mu_genre + 0.7 e}, {@code e ~ N(0, I_k)}. Task affinities
 * {@code a_t = u' R_t v / sqrt(k)} with {@code R_click = I} and {@code R_t = rho I + sqrt(1 - rho^2) G_t},
 * {@code G_t} Gaussian with variance {@code 1/k}, so {@code rho} sets how related the steps are. With
 * {@code z} the track's standardised log popularity:
 * <pre>
 *   logit p(click)             = clickBias     + signal a_click + 0.5 z
 *   logit p(save | click)      = saveBias      + signal a_save  - 0.3 z + 0.5 fresh
 *   logit p(subscribe | save)  = subscribeBias + signal a_sub   + 0.5 tail
 * </pre>
 * (popular tracks draw clicks more than saves; fresh tracks are saved more; tail creators win
 * subscribers). Labels are drawn down the funnel, so a save implies a click and a subscription a save.
 *
 * <p>Impressions: each of the first {@code users} users sees {@code impressionsPerUser} distinct tracks,
 * drawn by popularity ({@code 1 + popularity}) from the preferred genre with probability
 * {@code genreFocus}, else from the whole catalog. Features show the factors through noise, as learned
 * embeddings would: {@code u + s e'}, {@code v + s e'} (one draw per user and per track), their element-wise
 * product and dot product, and the track's standardised log popularity, fresh flag, tail-creator flag and
 * margin. Exposure traits: tail creator, fresh, margin.
 *
 * <p>Deterministic: one catalog and one config give one log. Genre centroids, task matrices, tracks and
 * users draw from their own streams split from the seed; user {@code u}'s impressions from the stream
 * {@code seed / u}.
 */
public final class SyntheticImpressions {
  public static final String CLICK = "click";
  public static final String SAVE = "save";
  public static final String SUBSCRIBE = "subscribe";
  /** The funnel click -> save -> subscribe. */
  public static final RankingTasks TASKS = RankingTasks.chain(CLICK, SAVE, SUBSCRIBE);

  private static final double CENTROID_SHARE = 0.7;
  private static final double OWN_SHARE = 0.7;
  private static final double CLICK_POPULARITY = 0.5;
  private static final double SAVE_POPULARITY = -0.3;
  private static final double SAVE_FRESH = 0.5;
  private static final double SUBSCRIBE_TAIL = 0.5;
  private static final int ATTEMPTS_PER_IMPRESSION = 20;

  private final HeteroGraph catalog;
  private final SyntheticImpressionsConfig config;
  private final int k;

  private SyntheticImpressions(HeteroGraph catalog, SyntheticImpressionsConfig config) {
    this.catalog = catalog;
    this.config = config;
    this.k = config.latentDim();
  }

  /**
   * Generates the log of {@code config} over {@code catalog}.
   *
   * @throws IllegalArgumentException when the catalog lacks a synthetic catalog's relation or attributes, or has
   *     fewer users than asked for
   */
  public static ImpressionLog generate(HeteroGraph catalog, SyntheticImpressionsConfig config) {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(config, "config");
    return new SyntheticImpressions(catalog, config).run();
  }

  /** Names of the feature columns for latent dimension {@code k}. */
  public static List<String> featureNames(int k) {
    List<String> names = new ArrayList<>();
    for (String part : List.of("user_", "item_", "product_")) {
      for (int i = 0; i < k; i++) {
        names.add(part + i);
      }
    }
    names.addAll(List.of("dot", "popularity", "fresh", "tail_creator", "margin"));
    return names;
  }

  private ImpressionLog run() {
    int tracks = catalog.nodeCount(TRACK);
    int catalogUsers = catalog.nodeCount(USER);
    if (config.users() > catalogUsers) {
      throw new IllegalArgumentException("the config asks for " + config.users() + " users but the catalog has "
          + catalogUsers);
    }
    NodeAttributes trackAttributes = catalog.attributes(TRACK);
    AttributeColumn trackGenre = require(trackAttributes, GENRE, "track");
    AttributeColumn popularity = require(trackAttributes, POPULARITY, "track");
    AttributeColumn margin = require(trackAttributes, MARGIN, "track");
    AttributeColumn released = require(trackAttributes, RELEASE_DATE, "track");
    AttributeColumn preferred = require(catalog.attributes(USER), PREFERRED_GENRE, "user");
    if (!catalog.schema().edgeTypes().contains(BY_ARTIST)) {
      throw new IllegalArgumentException("the catalog lacks the relation " + BY_ARTIST);
    }

    Map<String, Integer> genreIndex = new HashMap<>();
    int[] genreOfTrack = new int[tracks];
    for (int t = 0; t < tracks; t++) {
      genreOfTrack[t] = genreIndex.computeIfAbsent(String.valueOf(trackGenre.getString(t)), g -> genreIndex.size());
    }
    int[] genreOfUser = new int[config.users()];
    for (int u = 0; u < genreOfUser.length; u++) {
      genreOfUser[u] = genreIndex.computeIfAbsent(String.valueOf(preferred.getString(u)), g -> genreIndex.size());
    }

    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom genreRandom = root.split();
    SplittableRandom taskRandom = root.split();
    SplittableRandom trackRandom = root.split();
    SplittableRandom userRandom = root.split();
    long impressionSeed = root.nextLong();

    double[][] centroid = new double[genreIndex.size()][k];
    for (double[] c : centroid) {
      for (int i = 0; i < k; i++) {
        c[i] = genreRandom.nextGaussian();
      }
    }
    double[][] saveRelation = relation(taskRandom);
    double[][] subscribeRelation = relation(taskRandom);

    double[] trackFactors = new double[tracks * k];
    float[] trackObserved = new float[tracks * k];
    for (int t = 0; t < tracks; t++) {
      factor(centroid[genreOfTrack[t]], trackRandom, trackFactors, trackObserved, t);
    }
    double[] userFactors = new double[config.users() * k];
    float[] userObserved = new float[config.users() * k];
    for (int u = 0; u < config.users(); u++) {
      factor(centroid[genreOfUser[u]], userRandom, userFactors, userObserved, u);
    }

    float[] popularityZ = standardizedLogPopularity(popularity, tracks);
    float[] fresh = freshFlags(released, tracks);
    float[] tail = tailCreatorFlags(popularity, tracks);
    float[] marginOf = new float[tracks];
    for (int t = 0; t < tracks; t++) {
      marginOf[t] = margin.isPresent(t) ? Math.max(0f, Math.min(1f, margin.getFloat(t))) : 0f;
    }

    AliasTable everything = popularityTable(popularity, null);
    AliasTable[] byGenre = new AliasTable[genreIndex.size()];
    int[][] genreTracks = tracksByGenre(genreOfTrack, genreIndex.size());
    for (int g = 0; g < byGenre.length; g++) {
      byGenre[g] = genreTracks[g].length == 0 ? null : popularityTable(popularity, genreTracks[g]);
    }

    List<String> names = featureNames(k);
    ImpressionLog.Builder log = new ImpressionLog.Builder(TASKS, names,
        EnumSet.of(ExposureTrait.TAIL_CREATOR, ExposureTrait.FRESH, ExposureTrait.MARGIN), true);
    float[] row = new float[names.size()];
    double[] rotated = new double[k];
    int[] seenStamp = new int[tracks];
    for (int u = 0; u < config.users(); u++) {
      SplittableRandom r = new SplittableRandom(SeedDerivation.derive(impressionSeed, u));
      int shown = 0;
      for (int attempt = 0; shown < config.impressionsPerUser()
          && attempt < ATTEMPTS_PER_IMPRESSION * config.impressionsPerUser(); attempt++) {
        int g = genreOfUser[u];
        int t = byGenre[g] != null && r.nextDouble() < config.genreFocus()
            ? genreTracks[g][byGenre[g].sample(r)] : everything.sample(r);
        if (seenStamp[t] == u + 1) {
          continue;
        }
        seenStamp[t] = u + 1;
        shown++;
        double click = affinity(userFactors, u, trackFactors, t, null, rotated);
        double save = affinity(userFactors, u, trackFactors, t, saveRelation, rotated);
        double subscribe = affinity(userFactors, u, trackFactors, t, subscribeRelation, rotated);
        float pClick = sigmoid(config.clickBias() + config.signal() * click + CLICK_POPULARITY * popularityZ[t]);
        float pSave = sigmoid(config.saveBias() + config.signal() * save + SAVE_POPULARITY * popularityZ[t]
            + SAVE_FRESH * fresh[t]);
        float pSubscribe = sigmoid(config.subscribeBias() + config.signal() * subscribe + SUBSCRIBE_TAIL * tail[t]);
        byte clicked = (byte) (r.nextDouble() < pClick ? 1 : 0);
        byte saved = (byte) (clicked == 1 && r.nextDouble() < pSave ? 1 : 0);
        byte subscribed = (byte) (saved == 1 && r.nextDouble() < pSubscribe ? 1 : 0);
        fillFeatures(row, userObserved, u, trackObserved, t, popularityZ[t], fresh[t], tail[t], marginOf[t]);
        log.add(u, t, row, new byte[] {clicked, saved, subscribed}, new float[] {tail[t], fresh[t], marginOf[t]},
            new float[] {pClick, pSave, pSubscribe});
      }
    }
    return log.build();
  }

  private static AttributeColumn require(NodeAttributes attributes, String name, String type) {
    return attributes.find(name).orElseThrow(() -> new IllegalArgumentException("the catalog's " + type
        + " nodes lack the attribute '" + name + "' of a synthetic catalog"));
  }

  /** {@code rho I + sqrt(1 - rho^2) G}, {@code G_ij ~ N(0, 1/k)}. */
  private double[][] relation(SplittableRandom random) {
    double rho = config.taskCorrelation();
    double rest = Math.sqrt(1 - rho * rho);
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i][j] = (i == j ? rho : 0) + rest * random.nextGaussian() / Math.sqrt(k);
      }
    }
    return m;
  }

  /** Latent factor {@code 0.7 centroid + 0.7 e} of entity {@code i} and its noisy observed copy. */
  private void factor(double[] centroid, SplittableRandom random, double[] latent, float[] observed, int i) {
    for (int d = 0; d < k; d++) {
      double v = CENTROID_SHARE * centroid[d] + OWN_SHARE * random.nextGaussian();
      latent[i * k + d] = v;
      observed[i * k + d] = (float) (v + config.featureNoise() * random.nextGaussian());
    }
  }

  /** {@code u' R v / sqrt(k)}, with {@code R = I} when {@code relation} is null. */
  private double affinity(double[] users, int u, double[] items, int t, double[][] relation, double[] scratch) {
    double sum = 0;
    if (relation == null) {
      for (int d = 0; d < k; d++) {
        sum += users[u * k + d] * items[t * k + d];
      }
    } else {
      for (int i = 0; i < k; i++) {
        double rv = 0;
        for (int j = 0; j < k; j++) {
          rv += relation[i][j] * items[t * k + j];
        }
        scratch[i] = rv;
      }
      for (int d = 0; d < k; d++) {
        sum += users[u * k + d] * scratch[d];
      }
    }
    return sum / Math.sqrt(k);
  }

  private void fillFeatures(float[] row, float[] users, int u, float[] items, int t, float popularityZ, float fresh,
      float tail, float margin) {
    double dot = 0;
    for (int d = 0; d < k; d++) {
      float a = users[u * k + d];
      float b = items[t * k + d];
      row[d] = a;
      row[k + d] = b;
      row[2 * k + d] = a * b;
      dot += a * b;
    }
    row[3 * k] = (float) (dot / Math.sqrt(k));
    row[3 * k + 1] = popularityZ;
    row[3 * k + 2] = fresh;
    row[3 * k + 3] = tail;
    row[3 * k + 4] = margin;
  }

  private static float[] standardizedLogPopularity(AttributeColumn popularity, int tracks) {
    double[] v = new double[tracks];
    double mean = 0;
    for (int t = 0; t < tracks; t++) {
      v[t] = Math.log1p(popularity.isPresent(t) ? Math.max(0, popularity.getInt(t)) : 0);
      mean += v[t] / tracks;
    }
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean) / tracks;
    }
    double std = var > 1e-12 ? Math.sqrt(var) : 1;
    float[] z = new float[tracks];
    for (int t = 0; t < tracks; t++) {
      z[t] = (float) ((v[t] - mean) / std);
    }
    return z;
  }

  /** 1 for tracks released within {@code freshDays} of the catalog's last release date. */
  private float[] freshFlags(AttributeColumn released, int tracks) {
    long last = Long.MIN_VALUE;
    for (int t = 0; t < tracks; t++) {
      if (released.isPresent(t)) {
        last = Math.max(last, released.getEpochDay(t));
      }
    }
    float[] fresh = new float[tracks];
    for (int t = 0; t < tracks; t++) {
      fresh[t] = released.isPresent(t) && released.getEpochDay(t) > last - config.freshDays() ? 1f : 0f;
    }
    return fresh;
  }

  /** 1 for tracks whose creator's summed popularity is below the {@code tailPercentile} quantile of creators. */
  private float[] tailCreatorFlags(AttributeColumn popularity, int tracks) {
    int creators = catalog.nodeCount(ARTIST);
    CsrAdjacency byArtist = catalog.out(BY_ARTIST);
    double[] total = new double[creators];
    for (int t = 0; t < tracks; t++) {
      for (int e = byArtist.start(t); e < byArtist.end(t); e++) {
        total[byArtist.target(e)] += popularity.isPresent(t) ? popularity.getInt(t) : 0;
      }
    }
    double[] sorted = total.clone();
    Arrays.sort(sorted);
    double threshold = creators == 0 ? 0 : sorted[(int) Math.min(creators - 1, Math.floor(config.tailPercentile() * creators))];
    float[] tail = new float[tracks];
    for (int t = 0; t < tracks; t++) {
      for (int e = byArtist.start(t); e < byArtist.end(t); e++) {
        if (total[byArtist.target(e)] < threshold) {
          tail[t] = 1f;
        }
      }
    }
    return tail;
  }

  private static AliasTable popularityTable(AttributeColumn popularity, int[] tracks) {
    int n = tracks == null ? popularity.size() : tracks.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      int t = tracks == null ? i : tracks[i];
      w[i] = 1 + (popularity.isPresent(t) ? Math.max(0, popularity.getInt(t)) : 0);
    }
    return new AliasTable(w);
  }

  private static int[][] tracksByGenre(int[] genreOfTrack, int genres) {
    IntArrayList[] lists = new IntArrayList[genres];
    for (int g = 0; g < genres; g++) {
      lists[g] = new IntArrayList();
    }
    for (int t = 0; t < genreOfTrack.length; t++) {
      lists[genreOfTrack[t]].add(t);
    }
    int[][] out = new int[genres][];
    for (int g = 0; g < genres; g++) {
      out[g] = lists[g].toIntArray();
    }
    return out;
  }

  private static float sigmoid(double x) {
    return (float) (1 / (1 + Math.exp(-x)));
  }
}
