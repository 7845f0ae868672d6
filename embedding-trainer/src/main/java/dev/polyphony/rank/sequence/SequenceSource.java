package dev.polyphony.rank.sequence;

/** Where the behaviour sequences of {@link SequenceComparison} come from. */
public enum SequenceSource {
  /**
   * The synthetic catalog's timestamped listens, pooled over the stand-in track embedding; each user's impressions
   * at one moment in the second half of the listen window.
   */
  LISTENS("listens"),
  /**
   * The clicks on the user's earlier impressions, pooled over the items' own feature columns (their observed
   * factors); each user's impressions spread over the listen window in order, so every impression sees the clicks
   * before it.
   */
  CLICKS("clicks");

  private final String label;

  SequenceSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The source labelled {@code label}. */
  public static SequenceSource parse(String label) {
    for (SequenceSource s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown sequence source '" + label + "' (expected listens or clicks)");
  }
}
