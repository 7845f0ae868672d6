package dev.polyphony.neo4j;

/**
 * Parameters of a {@link GraphImporter} run.
 *
 * @param nodeBatchSize nodes written per transaction, > 0
 * @param relationshipBatchSize relationships written per transaction, > 0
 * @param concurrency transactions in flight at once, > 0; relationship batches run in parallel only on
 *     node-disjoint blocks (see {@link RelationshipBatchPlan})
 * @param relationshipMode CREATE (fast, duplicates prevented by the import ledger) or MERGE
 * @param useProcedures whether CREATE batches call {@value ImportProcedures#CREATE_RELATIONSHIPS} when the
 *     server has it (the embedded server always does); false writes them with Cypher statements
 */
public record GraphImportConfig(int nodeBatchSize, int relationshipBatchSize, int concurrency,
    RelationshipWriteMode relationshipMode, boolean useProcedures) {
  public GraphImportConfig {
    requirePositive("nodeBatchSize", nodeBatchSize);
    requirePositive("relationshipBatchSize", relationshipBatchSize);
    requirePositive("concurrency", concurrency);
    if (relationshipMode == null) {
      throw new IllegalArgumentException("relationshipMode must be CREATE or MERGE (got null)");
    }
  }

  /**
   * 5,000 nodes and 10,000 relationships per transaction, two at a time, CREATE, through the import
   * procedure where the server has it.
   */
  public static GraphImportConfig defaults() {
    return new GraphImportConfig(5_000, 10_000, 2, RelationshipWriteMode.CREATE, true);
  }

  public GraphImportConfig withBatchSizes(int nodes, int relationships) {
    return new GraphImportConfig(nodes, relationships, concurrency, relationshipMode, useProcedures);
  }

  public GraphImportConfig withConcurrency(int threads) {
    return new GraphImportConfig(nodeBatchSize, relationshipBatchSize, threads, relationshipMode, useProcedures);
  }

  public GraphImportConfig withRelationshipMode(RelationshipWriteMode mode) {
    return new GraphImportConfig(nodeBatchSize, relationshipBatchSize, concurrency, mode, useProcedures);
  }

  public GraphImportConfig withProcedures(boolean use) {
    return new GraphImportConfig(nodeBatchSize, relationshipBatchSize, concurrency, relationshipMode, use);
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
