package dev.polyphony.rank;

/** The kinds of ranking heads, by their command-line labels. */
public enum HeadKind {
  SHARED_BOTTOM("shared-bottom"),
  MMOE("mmoe"),
  PLE("ple"),
  ESMM("esmm"),
  AITM("aitm"),
  /** Conversion steps learned on their parent's positive impressions only (the ESMM paper's BASE). */
  CLICKED_ONLY("clicked-only");

  private final String label;

  HeadKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind labelled {@code label}. */
  public static HeadKind parse(String label) {
    for (HeadKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    StringBuilder known = new StringBuilder();
    for (HeadKind k : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(k.label);
    }
    throw new IllegalArgumentException("unknown head '" + label + "' (expected one of " + known + ")");
  }
}
