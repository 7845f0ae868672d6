package dev.polyphony.graph.split;

/** Where {@link TemporalSplit} puts nodes whose date attribute is null. */
public enum NullDateSide {
  /**
   * Treated as released before the cutoff: they stay in training. Suits catalogs where a missing date
   * means an old, incompletely documented release; no evaluation target is lost.
   */
  TRAINING,
  /**
   * Treated as released on or after the cutoff: held out with the future nodes. The cautious choice when
   * an unknown date could hide a recent release.
   */
  HELD_OUT
}
