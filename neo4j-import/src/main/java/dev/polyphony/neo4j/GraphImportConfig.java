package dev.polyphony.neo4j;

/**
 * Parameters of a {@link GraphImporter} run.
 *
 * @param nodeBatchSize nodes written per transaction, > 0
 * @param relationshipBatchSize relationships written per transaction, > 0
 * @param concurrency transactions in flight at once, > 0; relationship batches run in parallel only on
 *     node-disjoint blocks (see {@link RelationshipBatchPlan})
 * @param relationshipMode CREATE (fast, duplicates prevented by the import ledger) or MERGE
 */
public record GraphImportConfig(int nodeBatchSize, int relationshipBatchSize, int concurrency,
    RelationshipWriteMode relationshipMode) {
  public GraphImportConfig {
    requirePositive("nodeBatchSize", nodeBatchSize);
    requirePositive("relationshipBatchSize", relationshipBatchSize);
    requirePositive("concurrency", concurrency);
    if (relationshipMode == null) {
      throw new IllegalArgumentException("relationshipMode must be CREATE or MERGE (got null)");
    }
  }

  /** 5,000 nodes and 10,000 relationships per transaction, two at a time, CREATE. */
  public static GraphImportConfig defaults() {
    return new GraphImportConfig(5_000, 10_000, 2, RelationshipWriteMode.CREATE);
  }

  public GraphImportConfig withBatchSizes(int nodes, int relationships) {
    return new GraphImportConfig(nodes, relationships, concurrency, relationshipMode);
  }

  public GraphImportConfig withConcurrency(int threads) {
    return new GraphImportConfig(nodeBatchSize, relationshipBatchSize, threads, relationshipMode);
  }

  public GraphImportConfig withRelationshipMode(RelationshipWriteMode mode) {
    return new GraphImportConfig(nodeBatchSize, relationshipBatchSize, concurrency, mode);
  }

  /** The batch layout a fresh import with this configuration uses. */
  public ImportLayout layout() {
    return new ImportLayout(nodeBatchSize, relationshipBatchSize, concurrency, relationshipMode);
  }

  static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0 (got " + value + ")");
    }
  }
}
