package dev.polyphony.neo4j;

/**
 * A Neo4j vector index over one node property.
 *
 * @param name index name (a valid name, see {@link CypherNames})
 * @param label label of the indexed nodes
 * @param property the vector property
 * @param dimension vector length, in [1, {@value #MAX_DIMENSION}] (Neo4j 5's limit)
 * @param similarity how the index compares vectors
 * @param quantized whether the index keeps its vectors quantised to 8 bits (Neo4j's own default since
 *     5.23): a quarter of the memory, but scores and so rankings only approximate
 */
public record VectorIndexSpec(String name, String label, String property, int dimension,
    VectorSimilarity similarity, boolean quantized) {
  /** Longest vector a Neo4j 5 vector index accepts. */
  public static final int MAX_DIMENSION = 4096;

  public VectorIndexSpec {
    CypherNames.require("index name", name);
    CypherNames.require("label", label);
    CypherNames.require("property", property);
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("vector index dimension must be in [1, " + MAX_DIMENSION + "] (got "
          + dimension + ")");
    }
    if (similarity == null) {
      throw new IllegalArgumentException("similarity must be cosine or euclidean (got null)");
    }
  }

  /** An index that keeps full 32-bit vectors (not quantised). */
  public VectorIndexSpec(String name, String label, String property, int dimension, VectorSimilarity similarity) {
    this(name, label, property, dimension, similarity, false);
  }

  /** The same index with or without quantisation. */
  public VectorIndexSpec withQuantization(boolean enabled) {
    return new VectorIndexSpec(name, label, property, dimension, similarity, enabled);
  }

  /** The conventional index name of a label's vector property: {@code polyphony_<Label>_<property>}. */
  public static String defaultName(String label, String property) {
    return "polyphony_" + CypherNames.require("label", label) + "_" + CypherNames.require("property", property);
  }
}
