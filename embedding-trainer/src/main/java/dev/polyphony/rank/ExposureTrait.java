package dev.polyphony.rank;

/**
 * Item traits whose exposure the business credits in the long-term objective of score fusion; each is a
 * value in [0, 1] per impression (a flag or a share).
 */
public enum ExposureTrait {
  /** The item's creator is in the catalog's popularity tail. */
  TAIL_CREATOR("tail"),
  /** The item was released recently. */
  FRESH("fresh"),
  /** The item's revenue margin. */
  MARGIN("margin");

  private final String label;

  ExposureTrait(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The trait labelled {@code label}. */
  public static ExposureTrait parse(String label) {
    for (ExposureTrait t : values()) {
      if (t.label.equals(label)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown exposure trait '" + label + "' (expected tail, fresh or margin)");
  }
}
