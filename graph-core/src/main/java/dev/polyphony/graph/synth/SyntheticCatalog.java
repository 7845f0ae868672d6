package dev.polyphony.graph.synth;

import static dev.polyphony.graph.synth.SyntheticSchema.*;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.GraphMemoryEstimate;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.AliasTable;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Generates a synthetic music catalog with planted structure, for tests, benchmarks and scale runs
 * where no real data of that size is at hand. Schema: {@link SyntheticSchema}.
 *
 * <p>Planted structure:
 * <ul>
 *   <li>Genres are communities: every artist has a genre, its tracks inherit it, a playlist draws each
 *       track from its own genre with probability {@code playlistGenreFocus} and from the whole
 *       catalog otherwise; users have a preferred genre the same way.
 *   <li>Heavy tails: track popularity, tracks per artist, playlist lengths and play counts follow Pareto
 *       laws (exponents below), genre sizes a Zipf law; sampling uses alias tables.
 *   <li>Audio features around per-genre and per-artist centroids ({@link AudioFeatureModel}).
 *   <li>Release dates over {@code releaseYears} with volume growing over time, plus a fresh tail in the
 *       last {@code freshTailDays}; fresh tracks are rarer in playlists (they had little time).
 *   <li>Listens timestamped in the listen window, never before release; planted trending tracks draw
 *       a fixed share of listen draws, concentrated towards the end of the window (growing engagement).
 *   <li>Margin per track scattered around a per-artist level; popularity 0..100 derived from playlist
 *       inclusions and plays on a log scale.
 * </ul>
 *
 * <p>Deterministic: one seed gives one catalog. Each stage draws from its own stream split from the
 * seed in a fixed order. Node ids are {@code t<i>}, {@code p<i>}, {@code a<i>}, {@code u<i>}, and dense
 * index {@code i} is the node with id {@code <prefix>i}. Edges go straight into the builder's
 * preallocated primitive buffers; nothing is allocated per edge.
 */
public final class SyntheticCatalog {
  /** Genre names; beyond these, genres are named {@code genre_<i>}. The first six are the Spotify data's. */
  private static final String[] GENRE_NAMES = {"pop", "rap", "rock", "latin", "r&b", "edm", "indie", "jazz",
      "classical", "country", "metal", "folk", "reggae", "blues", "soul", "punk", "k-pop", "ambient", "house",
      "techno", "gospel", "funk", "disco", "afrobeat"};
  /** Genre {@code g} has weight {@code (g + 1)^-GENRE_ZIPF}. */
  private static final double GENRE_ZIPF = 0.7;
  /** Pareto tail index of tracks per artist. */
  private static final double ARTIST_SIZE_ALPHA = 1.6;
  /** Pareto tail index of track popularity. */
  private static final double TRACK_POPULARITY_ALPHA = 1.2;
  /** Pareto tail index of playlist lengths (finite variance above 2). */
  private static final double PLAYLIST_LENGTH_ALPHA = 2.2;
  /** Pareto tail index of play counts per (user, track). */
  private static final double PLAY_COUNT_ALPHA = 1.5;
  private static final int MAX_PLAY_COUNT = 10_000;
  /** Popularity weight of fresh tracks relative to older ones. */
  private static final double FRESH_POPULARITY_FACTOR = 0.2;
  /** Share of listen draws reserved for trending tracks (which also win ordinary draws). */
  private static final double TRENDING_LISTEN_SHARE = 0.1;
  /** Listen times of trending tracks are {@code end - span * u^TRENDING_SKEW}: density grows towards the end. */
  private static final double TRENDING_SKEW = 3;
  /** Spread of a track's margin around its artist's level. */
  private static final double MARGIN_SPREAD = 0.1;
  /** A playlist inclusion counts like this many plays towards popularity. */
  private static final int PLAYS_PER_INCLUSION = 10;
  /** Draws allowed per wanted track before a playlist or user gives up on distinct tracks. */
  private static final int ATTEMPTS_PER_TRACK = 20;
  private static final int PROGRESS_BLOCK = 10_000;
  private static final long DAY_MILLIS = 86_400_000L;
  /** Heap bytes per node id: a short string, its slot in the id array and in the hash index. */
  private static final long ID_BYTES = 80;

  private final SyntheticCatalogConfig config;
  private final ProgressTracker progress;
  private final HeteroGraphBuilder builder = new HeteroGraphBuilder(SCHEMA);
  private final AliasTable genrePick;
  private final AudioFeatureModel audio;
  private final SplittableRandom artistRandom;
  private final SplittableRandom trackRandom;
  private final SplittableRandom playlistRandom;
  private final SplittableRandom listenRandom;

  private int[] artistGenre;
  private float[][] artistCentroid;
  private float[] artistMargin;
  private double[] artistWeight;
  private int[] trackGenre;
  private int[] releaseDay;
  private double[] trackWeight;
  private int[] trending;
  private boolean[] isTrending;
  private AliasTable[] genreTrackPick;
  /** {@code genreTracks[g][i]}: the track drawn when {@code genreTrackPick[g]} returns {@code i}. */
  private int[][] genreTracks;
  private AliasTable trackPick;
  /** {@code seen[t] == stamp} when track t is already in the current playlist or user history. */
  private int[] seen;
  private int[] inclusions;
  private long[] plays;

  private SyntheticCatalog(SyntheticCatalogConfig config, ProgressTracker progress) {
    this.config = config;
    this.progress = progress;
    SplittableRandom root = new SplittableRandom(config.seed());
    SplittableRandom genreRandom = root.split();
    artistRandom = root.split();
    trackRandom = root.split();
    playlistRandom = root.split();
    listenRandom = root.split();
    double[] genreWeights = new double[config.genres()];
    for (int g = 0; g < genreWeights.length; g++) {
      genreWeights[g] = Math.pow(g + 1, -GENRE_ZIPF);
    }
    genrePick = new AliasTable(genreWeights);
    audio = new AudioFeatureModel(config.genres(), genreRandom);
  }

  public static HeteroGraph generate(SyntheticCatalogConfig config) {
    return generate(config, ProgressTracker.NONE);
  }

  /** Generates the catalog of {@code config}, reporting one stage per node type and the adjacency build. */
  public static HeteroGraph generate(SyntheticCatalogConfig config, ProgressTracker progress) {
    GraphMemoryEstimate estimate = estimateMemory(config);
    long heap = Runtime.getRuntime().maxMemory();
    if (estimate.peakBuildBytes() > heap) {
      throw new IllegalStateException(String.format("the catalog needs about %.0f MiB while building but the"
          + " heap allows %.0f MiB: raise -Xmx or generate fewer nodes and edges", estimate.peakBuildBytes()
          / 1048576.0, heap / 1048576.0));
    }
    return new SyntheticCatalog(config, progress).run();
  }

  /**
   * Memory of the catalog {@code config} describes, from its expected counts, before anything is
   * allocated: {@code graphBytes} counts adjacency and features (as {@link GraphMemoryEstimate} does);
   * {@code peakBuildBytes} adds the edge buffers, the largest sort, the generator's own arrays, ids
   * and attributes. {@link #generate} fails fast when the peak exceeds the heap.
   */
  public static GraphMemoryEstimate estimateMemory(SyntheticCatalogConfig config) {
    long t = config.tracks();
    long contains = config.expectedPlaylistEdges();
    long listens = config.expectedListenEdges();
    long graph = GraphMemoryEstimate.relationBytes(config.playlists(), t, contains, false, false)
        + GraphMemoryEstimate.relationBytes(t, config.creators(), t, false, false)
        + GraphMemoryEstimate.relationBytes(config.users(), t, listens, true, true)
        + 4L * AudioFeatureModel.COLUMNS * t;
    long buffered = contains * GraphMemoryEstimate.bufferedEdgeBytes(false, false)
        + t * GraphMemoryEstimate.bufferedEdgeBytes(false, false)
        + listens * GraphMemoryEstimate.bufferedEdgeBytes(true, true)
        + 4L * AudioFeatureModel.COLUMNS * t;
    long largestSort = 8 * Math.max(Math.max(contains, listens), t);
    long nodes = t + config.playlists() + config.creators() + config.users();
    long idsAndAttributes = ID_BYTES * nodes + 24 * t + 8L * (config.playlists() + config.creators() + config.users());
    long working = 60L * t + (4L * AudioFeatureModel.COLUMNS + 40) * config.creators();
    return new GraphMemoryEstimate(graph, graph + buffered + largestSort + working + idsAndAttributes);
  }

  /** The name of genre {@code g}. */
  public static String genreName(int g) {
    return g < GENRE_NAMES.length ? GENRE_NAMES[g] : "genre_" + g;
  }

  private HeteroGraph run() {
    builder.declareFeatures(TRACK, AUDIO_FEATURES);
    builder.declareWeights(LISTENED).declareTimestamps(LISTENED);
    builder.expectEdges(BY_ARTIST, config.tracks());
    builder.expectEdges(CONTAINS, withSlack(config.expectedPlaylistEdges()));
    builder.expectEdges(LISTENED, withSlack(config.expectedListenEdges()));
    generateArtists();
    generateTracks();
    indexTracksByGenre();
    seen = new int[config.tracks()];
    inclusions = new int[config.tracks()];
    plays = new long[config.tracks()];
    generatePlaylists();
    generateListens();
    setPopularity();
    releaseWorkingArrays();
    return builder.build(progress);
  }

  private void generateArtists() {
    int artists = config.creators();
    AttributeColumn.Builder genre = builder.attribute(ARTIST, GENRE, AttributeKind.STRING);
    artistGenre = new int[artists];
    artistCentroid = new float[artists][];
    artistMargin = new float[artists];
    artistWeight = new double[artists];
    SplittableRandom r = artistRandom;
    progress.begin("generate artists", artists);
    for (int a = 0; a < artists; a++) {
      builder.addNode(ARTIST, "a" + a);
      int g = a < config.genres() ? a : genrePick.sample(r); // every genre gets an artist
      artistGenre[a] = g;
      genre.setString(a, genreName(g));
      artistCentroid[a] = audio.artistCentroid(g, r);
      artistMargin[a] = (float) (0.05 + 0.45 * r.nextDouble());
      artistWeight[a] = pareto(r, ARTIST_SIZE_ALPHA);
      step(a);
    }
    finish(artists);
  }

  private void generateTracks() {
    int tracks = config.tracks();
    int artists = config.creators();
    AttributeColumn.Builder genre = builder.attribute(TRACK, GENRE, AttributeKind.STRING);
    AttributeColumn.Builder released = builder.attribute(TRACK, RELEASE_DATE, AttributeKind.DATE);
    AttributeColumn.Builder margin = builder.attribute(TRACK, MARGIN, AttributeKind.FLOAT);
    AttributeColumn.Builder trend = builder.attribute(TRACK, TRENDING, AttributeKind.INT);
    AliasTable artistPick = new AliasTable(artistWeight);
    artistWeight = null;
    long start = config.startDate().toEpochDay();
    long end = config.endDate().toEpochDay();
    long freshStart = end - config.freshTailDays();
    trackGenre = new int[tracks];
    releaseDay = new int[tracks];
    trackWeight = new double[tracks];
    isTrending = new boolean[tracks];
    int trendingCount = 0;
    float[] row = new float[AudioFeatureModel.COLUMNS];
    SplittableRandom r = trackRandom;
    progress.begin("generate tracks", tracks);
    for (int t = 0; t < tracks; t++) {
      builder.addNode(TRACK, "t" + t);
      int a = t < artists ? t : artistPick.sample(r); // every artist gets a track
      int g = artistGenre[a];
      trackGenre[t] = g;
      builder.addEdge(BY_ARTIST, t, a);
      genre.setString(t, genreName(g));
      boolean fresh = r.nextDouble() < config.freshTailFraction();
      // Older releases: density grows linearly over the span (sqrt of a uniform), as catalogs grow.
      long day = fresh
          ? freshStart + (long) (r.nextDouble() * config.freshTailDays())
          : start + (long) (Math.sqrt(r.nextDouble()) * (freshStart - start));
      releaseDay[t] = (int) Math.min(day, end - 1);
      released.setDate(t, LocalDate.ofEpochDay(releaseDay[t]));
      trackWeight[t] = pareto(r, TRACK_POPULARITY_ALPHA) * (fresh ? FRESH_POPULARITY_FACTOR : 1);
      margin.setFloat(t, (float) clamp01(artistMargin[a] + MARGIN_SPREAD * r.nextGaussian()));
      isTrending[t] = r.nextDouble() < config.trendingFraction();
      trendingCount += isTrending[t] ? 1 : 0;
      trend.setInt(t, isTrending[t] ? 1 : 0);
      audio.track(artistCentroid[a], r, row);
      builder.setFeatures(TRACK, t, row);
      step(t);
    }
    finish(tracks);
    artistCentroid = null;
    artistGenre = null;
    trending = new int[trendingCount];
    for (int t = 0, k = 0; t < tracks; t++) {
      if (isTrending[t]) {
        trending[k++] = t;
      }
    }
  }

  /** Tracks of each genre and alias tables over their popularity weights (counting sort by genre). */
  private void indexTracksByGenre() {
    int genres = config.genres();
    int[] count = new int[genres];
    for (int g : trackGenre) {
      count[g]++;
    }
    int[][] tracksOfGenre = new int[genres][];
    for (int g = 0; g < genres; g++) {
      tracksOfGenre[g] = new int[count[g]];
    }
    int[] fill = new int[genres];
    for (int t = 0; t < trackGenre.length; t++) {
      int g = trackGenre[t];
      tracksOfGenre[g][fill[g]++] = t;
    }
    genreTrackPick = new AliasTable[genres];
    for (int g = 0; g < genres; g++) {
      double[] w = new double[count[g]];
      for (int i = 0; i < w.length; i++) {
        w[i] = trackWeight[tracksOfGenre[g][i]];
      }
      genreTrackPick[g] = new AliasTable(w);
    }
    genreTracks = tracksOfGenre;
    trackPick = new AliasTable(trackWeight);
    trackWeight = null;
  }

  private void generatePlaylists() {
    int playlists = config.playlists();
    AttributeColumn.Builder genre = builder.attribute(PLAYLIST, GENRE, AttributeKind.STRING);
    // Pareto with minimum x_min has mean x_min * alpha / (alpha - 1).
    double minLength = config.meanPlaylistLength() * (PLAYLIST_LENGTH_ALPHA - 1) / PLAYLIST_LENGTH_ALPHA;
    SplittableRandom r = playlistRandom;
    progress.begin("generate playlists", playlists);
    for (int p = 0; p < playlists; p++) {
      builder.addNode(PLAYLIST, "p" + p);
      int g = genrePick.sample(r);
      genre.setString(p, genreName(g));
      int length = (int) Math.min(config.tracks(), Math.max(1, Math.round(minLength * pareto(r, PLAYLIST_LENGTH_ALPHA))));
      int stamp = p + 1;
      int added = 0;
      for (long attempts = (long) ATTEMPTS_PER_TRACK * length; added < length && attempts > 0; attempts--) {
        int t = pickTrack(r, g);
        if (seen[t] != stamp) {
          seen[t] = stamp;
          builder.addEdge(CONTAINS, p, t);
          inclusions[t]++;
          added++;
        }
      }
      step(p);
    }
    finish(playlists);
  }

  private void generateListens() {
    int users = config.users();
    AttributeColumn.Builder preferred = builder.attribute(USER, PREFERRED_GENRE, AttributeKind.STRING);
    double mean = config.listensPerUser();
    // Listens per user: geometric on {1, 2, ...} with mean `mean` (none at all when the mean is 0).
    double logMiss = mean > 1 ? Math.log1p(-1 / mean) : 0;
    long windowStart = config.listenWindowStartMillis();
    long windowEnd = config.listenWindowEndMillis();
    SplittableRandom r = listenRandom;
    progress.begin("generate listens", users);
    for (int u = 0; u < users; u++) {
      builder.addNode(USER, "u" + u);
      int g = genrePick.sample(r);
      preferred.setString(u, genreName(g));
      int wanted = mean == 0 ? 0
          : mean == 1 ? 1
          : (int) Math.min(config.tracks(), 1 + Math.floor(Math.log(1 - r.nextDouble()) / logMiss));
      int stamp = config.playlists() + u + 1;
      int added = 0;
      for (long attempts = (long) ATTEMPTS_PER_TRACK * wanted; added < wanted && attempts > 0; attempts--) {
        int t = trending.length > 0 && r.nextDouble() < TRENDING_LISTEN_SHARE
            ? trending[r.nextInt(trending.length)]
            : pickTrack(r, g);
        if (seen[t] == stamp) {
          continue;
        }
        seen[t] = stamp;
        int count = (int) Math.min(MAX_PLAY_COUNT, Math.floor(pareto(r, PLAY_COUNT_ALPHA)));
        long from = Math.max(windowStart, releaseDay[t] * DAY_MILLIS);
        long span = windowEnd - from;
        double x = isTrending[t] ? 1 - Math.pow(r.nextDouble(), TRENDING_SKEW) : r.nextDouble();
        long time = Math.min(windowEnd - 1, from + (long) (x * span));
        builder.addEdge(LISTENED, u, t, count, time);
        plays[t] += count;
        added++;
      }
      step(u);
    }
    finish(users);
  }

  /** Lets the adjacency build reuse the generator's memory. */
  private void releaseWorkingArrays() {
    trackGenre = null;
    releaseDay = null;
    isTrending = null;
    trending = null;
    genreTrackPick = null;
    genreTracks = null;
    trackPick = null;
    seen = null;
    inclusions = null;
    plays = null;
  }

  /** Popularity 0..100: log of (inclusions * PLAYS_PER_INCLUSION + plays), scaled by the catalog's maximum. */
  private void setPopularity() {
    AttributeColumn.Builder popularity = builder.attribute(TRACK, POPULARITY, AttributeKind.INT);
    double max = 0;
    for (int t = 0; t < plays.length; t++) {
      max = Math.max(max, engagement(t));
    }
    double scale = max > 0 ? 100 / Math.log1p(max) : 0;
    for (int t = 0; t < plays.length; t++) {
      popularity.setInt(t, (int) Math.round(Math.log1p(engagement(t)) * scale));
    }
  }

  private double engagement(int t) {
    return (double) inclusions[t] * PLAYS_PER_INCLUSION + plays[t];
  }

  /** A track from genre {@code g} with probability playlistGenreFocus, else from the whole catalog. */
  private int pickTrack(SplittableRandom r, int g) {
    return r.nextDouble() < config.playlistGenreFocus()
        ? genreTracks[g][genreTrackPick[g].sample(r)]
        : trackPick.sample(r);
  }

  private void step(int i) {
    if ((i + 1) % PROGRESS_BLOCK == 0) {
      progress.step(PROGRESS_BLOCK);
    }
  }

  /** Reports the steps of the last partial block and ends the stage. */
  private void finish(int total) {
    progress.step(total % PROGRESS_BLOCK);
    progress.end();
  }

  /** A Pareto draw with minimum 1 and tail index {@code alpha}. */
  private static double pareto(SplittableRandom r, double alpha) {
    return Math.pow(1 - r.nextDouble(), -1 / alpha);
  }

  private static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static int withSlack(long expected) {
    return (int) Math.min(Integer.MAX_VALUE / 2, expected + expected / 50 + 1024);
  }
}
