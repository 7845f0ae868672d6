package dev.polyphony.neo4j;

import java.util.Map;

/**
 * What an import did.
 *
 * @param graph fingerprint of the imported graph (see {@link GraphFingerprint})
 * @param alreadyComplete true when an earlier run had finished this import, so nothing was written
 * @param layout the batch layout used (a resumed import keeps its first run's layout)
 * @param method how the relationships were written
 * @param nodesWritten nodes written by this run per label (merged: new or updated)
 * @param nodesCreated nodes that did not exist before
 * @param relationshipsCreated relationships created by this run per type
 * @param batchesWritten batches committed by this run
 * @param batchesSkipped batches skipped because an earlier run had committed them
 * @param nodeNanos wall time of the node phase (constraints included); for an offline import, of the whole
 *     import, which does not separate the two
 * @param relationshipNanos wall time of the relationship phase; for an offline import, of the whole import
 */
public record GraphImportResult(String graph, boolean alreadyComplete, ImportLayout layout, ImportMethod method,
    Map<String, Long> nodesWritten, long nodesCreated, Map<String, Long> relationshipsCreated,
    int batchesWritten, int batchesSkipped, long nodeNanos, long relationshipNanos) {
  public GraphImportResult {
    nodesWritten = Map.copyOf(nodesWritten);
    relationshipsCreated = Map.copyOf(relationshipsCreated);
  }

  public long totalNodesWritten() {
    return nodesWritten.values().stream().mapToLong(Long::longValue).sum();
  }

  public long totalRelationshipsCreated() {
    return relationshipsCreated.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Nodes written per second in the node phase (0 when nothing was written). */
  public double nodesPerSecond() {
    return nodeNanos == 0 ? 0 : totalNodesWritten() * 1e9 / nodeNanos;
  }

  /** Relationships created per second in the relationship phase (0 when nothing was created). */
  public double relationshipsPerSecond() {
    return relationshipNanos == 0 ? 0 : totalRelationshipsCreated() * 1e9 / relationshipNanos;
  }
}
