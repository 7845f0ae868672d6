package dev.polyphony.retrieval.candidates;

import java.time.LocalDate;

/**
 * Parameters of {@link FreshContent}.
 *
 * @param windowDays length of the release window in days, ending at (and including) the reference
 *     date; > 0
 * @param referenceDate last day of the window, or null for the latest release date in the catalog
 */
public record FreshContentConfig(int windowDays, LocalDate referenceDate) {
  public static final int DEFAULT_WINDOW_DAYS = 30;

  public FreshContentConfig {
    if (windowDays <= 0) {
      throw new IllegalArgumentException("windowDays must be > 0 (got " + windowDays + ")");
    }
  }

  /** A 30-day window ending at the catalog's latest release date. */
  public static FreshContentConfig defaults() {
    return new FreshContentConfig(DEFAULT_WINDOW_DAYS, null);
  }

  public FreshContentConfig withWindowDays(int days) {
    return new FreshContentConfig(days, referenceDate);
  }

  public FreshContentConfig withReferenceDate(LocalDate date) {
    return new FreshContentConfig(windowDays, date);
  }
}
