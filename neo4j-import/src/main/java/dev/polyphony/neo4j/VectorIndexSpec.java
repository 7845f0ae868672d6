package dev.polyphony.neo4j;

/**
 * A Neo4j vector index over one node property.
 *
 * @param name index name (a valid name, see {@link CypherNames})
 * @param label label of the indexed nodes
 * @param property the vector property
 * @param dimension vector length, in [1, {@value #MAX_DIMENSION}] (Neo4j 5's limit)
 * @param similarity how the index compares vectors
 */
public record VectorIndexSpec(String name, String label, String property, int dimension,
    VectorSimilarity similarity) {
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

  /** The conventional index name of a label's vector property: {@code polyphony_<Label>_<property>}. */
  public static String defaultName(String label, String property) {
    return "polyphony_" + CypherNames.require("label", label) + "_" + CypherNames.require("property", property);
  }
}
