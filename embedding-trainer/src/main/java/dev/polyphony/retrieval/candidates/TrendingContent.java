package dev.polyphony.retrieval.candidates;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.retrieval.Neighbors;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trending Content: tracks whose engagement grows fastest, blended with relevance to the request.
 *
 * <h2>Trend signal</h2>
 * <ul>
 *   <li><b>Engagement growth</b>, when the graph has timestamped engagement edges into tracks (the
 *       relation {@link CatalogNames#engagementRelation()}, e.g. synthetic catalogs' {@code listened},
 *       timestamps in epoch milliseconds): with {@code r} and {@code p} the edges of a track timestamped
 *       in the recent window {@code [end - W, end)} and the previous window {@code [end - 2W, end - W)},
 *       growth is the smoothed ratio {@code (r + s) / (p + s)}. Only tracks with {@code r > p} can
 *       trend. {@code end} is the day after the reference date, by default just after the latest
 *       engagement timestamp.</li>
 *   <li><b>Popularity for age</b> otherwise, a documented proxy for catalogs without engagement times:
 *       {@code popularity / ln(2 + days since release)} on the reference date (by default the latest
 *       release date), so a track that is already popular a few days after release outranks an old hit
 *       of the same popularity. Tracks released after the reference date, or without popularity or
 *       release date, have no signal.</li>
 * </ul>
 *
 * <h2>Ranking</h2>
 * The trend of a track is the share of tracks with a signal whose signal is smaller than its own, in
 * [0, 1). Tracks with trend at least
 * {@code 1 - topShare} are trending. The {@code max(k, pool)} trending tracks most relevant to the
 * request (filtered vector search) are re-ranked by {@code (1 - w) relevance + w trend}.
 */
public final class TrendingContent implements CandidateGenerator {
  public static final String NAME = "trending";
  private static final long DAY_MILLIS = 86_400_000L;

  /** Where the trend signal comes from. */
  public enum Signal {
    /** Timestamped engagement, recent window against the previous one. */
    ENGAGEMENT_GROWTH,
    /** Popularity relative to age: the proxy without engagement times. */
    POPULARITY_FOR_AGE
  }

  private final RetrievalCatalog catalog;
  private final TrendingContentConfig config;
  private final Signal signal;
  private final LocalDate reference;
  /** Per graph track: the signal, NaN when the track has none. */
  private final double[] signals;
  /** Per graph track: the trend percentile, NaN without signal. */
  private final double[] trend;
  /** Per graph track: whether it trends. */
  private final boolean[] trending;
  private final int[] recent;
  private final int[] previous;
  private final AttributeColumn popularity;
  private final AttributeColumn released;
  private final String engagementName;

  public TrendingContent(RetrievalCatalog catalog, TrendingContentConfig config) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.config = Objects.requireNonNull(config, "config");
    int nodes = catalog.graph().nodeCount(catalog.trackType());
    signals = new double[nodes];
    Arrays.fill(signals, Double.NaN);
    Optional<EdgeType> engagement = catalog.relation(catalog.names().engagementRelation())
        .filter(e -> e.dst().equals(catalog.trackType()) && catalog.graph().in(e).hasTimestamps()
            && catalog.graph().edgeCount(e) > 0);
    engagementName = catalog.names().engagementRelation();
    if (engagement.isPresent()) {
      signal = Signal.ENGAGEMENT_GROWTH;
      popularity = null;
      released = null;
      CsrAdjacency in = catalog.graph().in(engagement.get());
      long end = config.referenceDate() != null
          ? (config.referenceDate().toEpochDay() + 1) * DAY_MILLIS
          : latestTimestamp(in) + 1;
      reference = LocalDate.ofEpochDay(Math.floorDiv(end - 1, DAY_MILLIS));
      long window = config.windowDays() * DAY_MILLIS;
      recent = new int[nodes];
      previous = new int[nodes];
      for (int node = 0; node < nodes; node++) {
        for (int i = in.start(node); i < in.end(node); i++) {
          long t = in.timestamp(i);
          if (t >= end - window && t < end) {
            recent[node]++;
          } else if (t >= end - 2 * window && t < end - window) {
            previous[node]++;
          }
        }
        signals[node] = (recent[node] + config.smoothing()) / (previous[node] + config.smoothing());
      }
    } else {
      signal = Signal.POPULARITY_FOR_AGE;
      recent = null;
      previous = null;
      String missing = "without timestamped '" + engagementName + "' edges into " + catalog.trackType().name()
          + " the trend is popularity for age; give tracks '" + catalog.names().popularity() + "' and '"
          + catalog.names().releaseDate() + "'";
      popularity = catalog.requireTrackAttribute(catalog.names().popularity(), RetrievalCatalog.numeric(), NAME,
          missing);
      released = catalog.requireTrackAttribute(catalog.names().releaseDate(), EnumSet.of(AttributeKind.DATE),
          NAME, missing);
      reference = config.referenceDate() != null
          ? config.referenceDate()
          : RetrievalCatalog.latestDate(released, NAME);
      for (int node = 0; node < nodes; node++) {
        if (popularity.isPresent(node) && released.isPresent(node)) {
          long days = reference.toEpochDay() - released.getEpochDay(node);
          if (days >= 0) {
            signals[node] = popularity.getFloat(node) / Math.log(2 + days);
          }
        }
      }
    }
    trend = Numbers.shareBelow(signals);
    trending = new boolean[nodes];
    for (int node = 0; node < nodes; node++) {
      trending[node] = trend[node] >= 1 - config.topShare()
          && (signal != Signal.ENGAGEMENT_GROWTH || recent[node] > previous[node]);
    }
  }

  private static long latestTimestamp(CsrAdjacency in) {
    long latest = Long.MIN_VALUE;
    for (int i = 0; i < in.edgeCount(); i++) {
      latest = Math.max(latest, in.timestamp(i));
    }
    return latest;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Where the trend signal comes from in this catalog. */
  public Signal signal() {
    return signal;
  }

  /** The last day of the recent window (engagement) or the day ages are counted to (proxy). */
  public LocalDate referenceDate() {
    return reference;
  }

  /** The trend of graph track {@code node} in [0, 1], or NaN when it has no signal. */
  public double trend(int node) {
    return trend[node];
  }

  /** Whether graph track {@code node} trends. */
  public boolean isTrending(int node) {
    return trending[node];
  }

  @Override
  public List<Candidate> generate(CandidateRequest request, int k) {
    Numbers.checkK(k);
    ResolvedRequest resolved = catalog.resolve(request);
    Neighbors pool = catalog.search(resolved.query(), Math.max(k, config.pool()), resolved.allowed(row -> {
      int node = catalog.node(row);
      return node >= 0 && trending[node];
    }));
    double w = config.trendWeight();
    // Reasons are formatted for the k kept tracks only: formatting is what costs most in a pool of 500.
    record Scored(int rank, int row, double score) {}
    List<Scored> scored = new ArrayList<>(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      int row = pool.row(i);
      scored.add(new Scored(i, row, (1 - w) * pool.score(i) + w * trend[catalog.node(row)]));
    }
    // Numbers.BEST_FIRST on the scores alone: higher score first, then the lower row.
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::row));
    List<Candidate> best = new ArrayList<>(Math.min(k, scored.size()));
    for (Scored s : scored.subList(0, Math.min(k, scored.size()))) {
      int node = catalog.node(s.row());
      best.add(Candidate.of(s.row(), pool.id(s.rank()), s.score(), new Reason(NAME, evidence(node) + "; trend "
          + Numbers.fixed2(trend[node]) + "; " + catalog.relevance(pool.score(s.rank()), resolved))));
    }
    return best;
  }

  private String evidence(int node) {
    if (signal == Signal.ENGAGEMENT_GROWTH) {
      return "'" + engagementName + "' up " + Numbers.fixed2(signals[node]) + "x: " + recent[node] + " in the "
          + config.windowDays() + " days to " + reference + " vs " + previous[node] + " in the "
          + config.windowDays() + " days before";
    }
    long days = reference.toEpochDay() - released.getEpochDay(node);
    return "popularity " + Numbers.compact(popularity.getFloat(node)) + " at " + days
        + (days == 1 ? " day" : " days") + " since release " + released.getDate(node) + " (popularity / ln(2 + days) = " + Numbers.fixed2(signals[node]) + ")";
  }
}
