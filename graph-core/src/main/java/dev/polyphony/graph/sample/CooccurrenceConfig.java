package dev.polyphony.graph.sample;

import dev.polyphony.graph.NodeType;

/**
 * Parameters of {@link CooccurrencePairs#extract}: skip-gram context windows over walks.
 *
 * @param window positions on each side of a centre counted as its context, {@code > 0}; counted in walk
 *     positions of every type, so in track-playlist-track walks window 2 reaches the next track
 * @param centerType only centres of this type, or {@code null} for any type
 * @param contextType only contexts of this type, or {@code null} for any type
 * @param includeSelfPairs keep pairs whose centre and context are the same node (revisits, restarts)
 */
public record CooccurrenceConfig(int window, NodeType centerType, NodeType contextType,
    boolean includeSelfPairs) {

  public CooccurrenceConfig {
    if (window <= 0) {
      throw new IllegalArgumentException("window must be > 0 (got " + window + ")");
    }
  }

  /** Pairs of any types within {@code window}, without self pairs. */
  public static CooccurrenceConfig anyType(int window) {
    return new CooccurrenceConfig(window, null, null, false);
  }

  /** Pairs whose both ends are of {@code type} (e.g. track-track), without self pairs. */
  public static CooccurrenceConfig sameType(int window, NodeType type) {
    return new CooccurrenceConfig(window, type, type, false);
  }
}
