package dev.polyphony.neo4j;

import dev.polyphony.embedding.EmbeddingTable;

/**
 * Where and how {@link EmbeddingWriter} puts an embedding table.
 *
 * @param label label of the nodes to write to; rows are matched to nodes by property {@code id}
 * @param property node property that receives the vector
 * @param batchSize rows per transaction, > 0
 * @param concurrency transactions in flight at once, > 0 (batches touch disjoint nodes)
 */
public record EmbeddingWriteConfig(String label, String property, int batchSize, int concurrency) {
  /** Default vector property. */
  public static final String DEFAULT_PROPERTY = "embedding";

  public EmbeddingWriteConfig {
    CypherNames.require("label", label);
    CypherNames.require("property", property);
    if (property.equals(GraphMapping.ID)) {
      throw new IllegalArgumentException("embedding property must differ from '" + GraphMapping.ID + "' (got '"
          + property + "')");
    }
    GraphImportConfig.requirePositive("batchSize", batchSize);
    GraphImportConfig.requirePositive("concurrency", concurrency);
  }

  /**
   * The conventional place of a table: the label of its node type as {@link GraphMapping#conventional}
   * names it, property {@value #DEFAULT_PROPERTY}, 2,000 rows per transaction, two at a time.
   */
  public static EmbeddingWriteConfig forTable(EmbeddingTable table) {
    return new EmbeddingWriteConfig(CypherNames.labelOf(table.nodeType()), DEFAULT_PROPERTY, 2_000, 2);
  }

  public EmbeddingWriteConfig withLabel(String newLabel) {
    return new EmbeddingWriteConfig(newLabel, property, batchSize, concurrency);
  }

  public EmbeddingWriteConfig withProperty(String newProperty) {
    return new EmbeddingWriteConfig(label, newProperty, batchSize, concurrency);
  }

  public EmbeddingWriteConfig withBatchSize(int rows) {
    return new EmbeddingWriteConfig(label, property, rows, concurrency);
  }

  public EmbeddingWriteConfig withConcurrency(int threads) {
    return new EmbeddingWriteConfig(label, property, batchSize, threads);
  }
}
