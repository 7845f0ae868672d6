package dev.polyphony.retrieval.candidates;

import java.time.LocalDate;

/**
 * Parameters of {@link TrendingContent}.
 *
 * @param windowDays length in days of the recent window and of the previous window it is compared
 *     with; > 0
 * @param smoothing added to both window counts before their ratio, so that 1 listen after 0 is not an
 *     infinite growth; > 0
 * @param trendWeight weight of the trend in the score {@code (1 - w) relevance + w trend}; in [0, 1]
 * @param topShare share of the catalog, by trend, that counts as trending; in (0, 1]
 * @param pool the most relevant trending tracks re-ranked by the blended score; > 0 (at least
 *     {@code k} are taken)
 * @param referenceDate last day of the recent window (proxy: the day ages are counted to), or null
 *     for the last day with engagement (proxy: the latest release date)
 */
public record TrendingContentConfig(int windowDays, double smoothing, double trendWeight, double topShare,
    int pool, LocalDate referenceDate) {
  public static final int DEFAULT_WINDOW_DAYS = 28;
  public static final double DEFAULT_SMOOTHING = 1;
  public static final double DEFAULT_TREND_WEIGHT = 0.5;
  public static final double DEFAULT_TOP_SHARE = 0.1;
  public static final int DEFAULT_POOL = 500;

  public TrendingContentConfig {
    if (windowDays <= 0) {
      throw new IllegalArgumentException("windowDays must be > 0 (got " + windowDays + ")");
    }
    if (!(smoothing > 0) || Double.isInfinite(smoothing)) {
      throw new IllegalArgumentException("smoothing must be finite and > 0 (got " + smoothing + ")");
    }
    if (!(trendWeight >= 0 && trendWeight <= 1)) {
      throw new IllegalArgumentException("trendWeight must be in [0, 1] (got " + trendWeight + ")");
    }
    if (!(topShare > 0 && topShare <= 1)) {
      throw new IllegalArgumentException("topShare must be in (0, 1] (got " + topShare + ")");
    }
    if (pool <= 0) {
      throw new IllegalArgumentException("pool must be > 0 (got " + pool + ")");
    }
  }

  /** 28-day windows, smoothing 1, trend weight 0.5, top 10%, pool 500, reference from the data. */
  public static TrendingContentConfig defaults() {
    return new TrendingContentConfig(DEFAULT_WINDOW_DAYS, DEFAULT_SMOOTHING, DEFAULT_TREND_WEIGHT,
        DEFAULT_TOP_SHARE, DEFAULT_POOL, null);
  }

  public TrendingContentConfig withWindowDays(int days) {
    return new TrendingContentConfig(days, smoothing, trendWeight, topShare, pool, referenceDate);
  }

  public TrendingContentConfig withTrendWeight(double weight) {
    return new TrendingContentConfig(windowDays, smoothing, weight, topShare, pool, referenceDate);
  }

  public TrendingContentConfig withTopShare(double share) {
    return new TrendingContentConfig(windowDays, smoothing, trendWeight, share, pool, referenceDate);
  }

  public TrendingContentConfig withReferenceDate(LocalDate date) {
    return new TrendingContentConfig(windowDays, smoothing, trendWeight, topShare, pool, date);
  }
}
