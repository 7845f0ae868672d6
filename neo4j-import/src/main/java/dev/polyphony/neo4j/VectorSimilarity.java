package dev.polyphony.neo4j;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.Metric;
import dev.polyphony.embedding.Normalization;

/** The similarity functions of Neo4j's vector indexes. */
public enum VectorSimilarity {
  /** Cosine similarity; Neo4j reports {@code (1 + cos) / 2}, in [0, 1]. */
  COSINE("cosine"),
  /** Euclidean distance; Neo4j reports {@code 1 / (1 + d^2)}, in (0, 1]. */
  EUCLIDEAN("euclidean");

  private final String label;

  VectorSimilarity(String label) {
    this.label = label;
  }

  /** The name Neo4j's index configuration uses ({@code "cosine"}, {@code "euclidean"}). */
  public String label() {
    return label;
  }

  /**
   * The index similarity that ranks like an embedding table's metric: cosine for cosine, and for inner
   * product of L2-normalised rows (which equals their cosine). Inner product of rows of any length has
   * no counterpart among Neo4j's similarities and is refused.
   *
   * @throws IllegalArgumentException for inner product without L2 normalisation
   */
  public static VectorSimilarity forEmbeddings(EmbeddingMetadata metadata) {
    if (metadata.metric() == Metric.COSINE || metadata.normalization() == Normalization.L2) {
      return COSINE;
    }
    throw new IllegalArgumentException("Neo4j vector indexes rank by cosine or euclidean similarity; the "
        + "embeddings are meant for " + metadata.metric().label() + " without L2 normalisation, which neither "
        + "reproduces (L2-normalise the rows first, or index them with an explicit similarity)");
  }

  /** The similarity named {@code label}, case-insensitively; throws naming the accepted names otherwise. */
  public static VectorSimilarity fromLabel(String label) {
    for (VectorSimilarity s : values()) {
      if (s.label.equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown vector similarity '" + label + "' (expected cosine or euclidean)");
  }
}
