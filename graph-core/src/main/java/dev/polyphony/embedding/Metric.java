package dev.polyphony.embedding;

/**
 * The similarity an embedding space is meant to be searched with. Scores are similarities: higher
 * means closer.
 */
public enum Metric {
  /** Cosine similarity {@code a.b / (|a| |b|)}, in [-1, 1]. */
  COSINE("cosine"),
  /** Inner product {@code a.b}; unbounded, favours long vectors. */
  INNER_PRODUCT("inner_product");

  private final String label;

  Metric(String label) {
    this.label = label;
  }

  /** The name used in files ({@code "cosine"}, {@code "inner_product"}). */
  public String label() {
    return label;
  }

  /** The metric named {@code label}; throws naming the accepted labels otherwise. */
  public static Metric fromLabel(String label) {
    for (Metric m : values()) {
      if (m.label.equals(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown metric '" + label + "' (expected cosine or inner_product)");
  }
}
