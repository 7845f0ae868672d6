package dev.polyphony.model;

/** How raw content features are scaled before they enter the encoder. */
public enum FeatureNormalization {
  /** Features as stored. */
  NONE,
  /** Column z-scores with the graph's {@link dev.polyphony.graph.FeatureStats}; constant columns become 0. */
  STANDARDIZE,
  /**
   * Each row divided by the sum of its absolute values (rows of zeros stay zero): the usual scaling of
   * bag-of-words features such as Cora's, which makes long and short documents comparable.
   */
  ROW_SUM
}
