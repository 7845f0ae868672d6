package dev.polyphony.neo4j;

/** How an import wrote its relationships. */
public enum ImportMethod {
  /** Online, {@code UNWIND ... MATCH ... CREATE} (or {@code MERGE}) statements. */
  CYPHER("Cypher statements"),
  /** Online, calls of {@value ImportProcedures#CREATE_RELATIONSHIPS}. */
  PROCEDURE("import procedure"),
  /** Neo4j's offline bulk importer into a fresh store ({@link OfflineGraphImporter}). */
  OFFLINE("offline importer");

  private final String description;

  ImportMethod(String description) {
    this.description = description;
  }

  /** Words for reports ("import procedure"). */
  public String description() {
    return description;
  }
}
