package dev.polyphony.embedding;

/** How the rows of an {@link EmbeddingTable} were normalised after the encoder. */
public enum Normalization {
  /** Rows as the encoder produced them. */
  NONE("none"),
  /** Every row has Euclidean length 1, so inner product equals cosine similarity. */
  L2("l2");

  private final String label;

  Normalization(String label) {
    this.label = label;
  }

  /** The name used in files ({@code "none"}, {@code "l2"}). */
  public String label() {
    return label;
  }

  /** The normalisation named {@code label}; throws naming the accepted labels otherwise. */
  public static Normalization fromLabel(String label) {
    for (Normalization n : values()) {
      if (n.label.equals(label)) {
        return n;
      }
    }
    throw new IllegalArgumentException("unknown normalization '" + label + "' (expected none or l2)");
  }
}
