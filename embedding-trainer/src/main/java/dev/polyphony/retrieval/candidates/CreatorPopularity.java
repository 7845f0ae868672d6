package dev.polyphony.retrieval.candidates;

/** How {@link TailCreator} sums up a creator's popularity from its tracks' popularity attribute. */
public enum CreatorPopularity {
  /** The sum over its tracks (a missing value counts 0): a creator's whole audience. */
  SUM("sum"),
  /** The mean over its tracks that have a value: how popular its typical track is. */
  MEAN("mean");

  private final String label;

  CreatorPopularity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
