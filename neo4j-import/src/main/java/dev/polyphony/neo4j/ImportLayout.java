package dev.polyphony.neo4j;

/**
 * How an import is cut into batches. A batch's key depends on the layout, so a resumed import keeps the
 * layout its first run recorded, whatever the new run's configuration says.
 *
 * @param nodeBatchSize nodes per batch, > 0
 * @param relationshipBatchSize relationships per batch, > 0
 * @param partitions node-range partitions per side of a relation (see {@link RelationshipBatchPlan}), > 0
 * @param relationshipMode CREATE or MERGE
 */
public record ImportLayout(int nodeBatchSize, int relationshipBatchSize, int partitions,
    RelationshipWriteMode relationshipMode) {
  public ImportLayout {
    GraphImportConfig.requirePositive("nodeBatchSize", nodeBatchSize);
    GraphImportConfig.requirePositive("relationshipBatchSize", relationshipBatchSize);
    GraphImportConfig.requirePositive("partitions", partitions);
    if (relationshipMode == null) {
      throw new IllegalArgumentException("relationshipMode must be CREATE or MERGE (got null)");
    }
  }
}
