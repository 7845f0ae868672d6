package dev.polyphony.rank.sequence;

/**
 * The time scales of {@link BehaviourSequences}: the last {@code lastEvents} events, the events of the last
 * {@code recentDays} days, and all history, each before the impression.
 *
 * @param lastEvents events of the short-term window, {@code > 0}
 * @param recentDays days of the mid-term window, {@code > 0}
 */
public record SequenceWindows(int lastEvents, int recentDays) {
  static final long DAY_MILLIS = 86_400_000L;

  public SequenceWindows {
    if (lastEvents <= 0) {
      throw new IllegalArgumentException("lastEvents must be > 0 (got " + lastEvents + ")");
    }
    if (recentDays <= 0) {
      throw new IllegalArgumentException("recentDays must be > 0 (got " + recentDays + ")");
    }
  }

  /** The last 5 events and the last 7 days. */
  public static SequenceWindows defaults() {
    return new SequenceWindows(5, 7);
  }
}
