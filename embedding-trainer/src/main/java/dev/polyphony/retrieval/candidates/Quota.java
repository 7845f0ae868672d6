package dev.polyphony.retrieval.candidates;

/**
 * How many places of a blended list of {@code k} a generator may fill: a share of {@code k} or a fixed
 * count. Exactly one of the two is set.
 *
 * @param share fraction of the list in [0, 1], or NaN for a count quota
 * @param count number of places >= 0, or -1 for a share quota
 */
public record Quota(double share, int count) {
  public Quota {
    boolean isShare = !Double.isNaN(share);
    if (isShare == (count >= 0)) {
      throw new IllegalArgumentException("a quota is a share or a count, not both or neither (got share " + share
          + ", count " + count + ")");
    }
    if (isShare && !(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1] (got " + share + ")");
    }
  }

  /** {@code fraction} of the list. */
  public static Quota share(double fraction) {
    return new Quota(fraction, -1);
  }

  /** {@code places} places of the list. */
  public static Quota count(int places) {
    if (places < 0) {
      throw new IllegalArgumentException("count must be >= 0 (got " + places + ")");
    }
    return new Quota(Double.NaN, places);
  }

  public boolean isShare() {
    return !Double.isNaN(share);
  }

  @Override
  public String toString() {
    return isShare() ? "share " + share : "count " + count;
  }
}
