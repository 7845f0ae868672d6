package dev.polyphony.neo4j;

/** How the importer writes relationships. */
public enum RelationshipWriteMode {
  /**
   * {@code CREATE}: the fast path. Duplicates are prevented by the import ledger: every batch is
   * written once per graph fingerprint, so re-running or resuming the same import creates nothing
   * twice. Relationships written by other means or by imports of other graphs are not looked at.
   */
  CREATE,
  /**
   * {@code MERGE}: every relationship is matched before it is created, so the import also adds nothing
   * that other imports or tools already wrote between the same two nodes with the same type. Slower.
   */
  MERGE
}
