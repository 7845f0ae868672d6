package dev.polyphony.neo4j;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * The record an import keeps in the target database so that it can resume and never write a batch
 * twice. One {@code (:PolyphonyImport {graph})} node per graph fingerprint holds the batch layout and
 * the state ({@code running} or {@code complete}); one {@code (:PolyphonyImportBatch {key, graph})}
 * node per committed batch is created in the same transaction as the batch itself, so a batch and its
 * marker commit together or not at all. When the import completes, the batch markers are deleted and
 * the import node stays, marked complete with its counts.
 */
final class ImportLedger {
  static final String IMPORT_LABEL = "PolyphonyImport";
  static final String BATCH_LABEL = "PolyphonyImportBatch";
  static final String RUNNING = "running";
  static final String COMPLETE = "complete";

  private static final String MARK_BATCH = "CREATE (:" + BATCH_LABEL + " {key: $key, graph: $graph})";

  private final String graph;

  ImportLedger(String graph) {
    this.graph = graph;
  }

  String graph() {
    return graph;
  }

  /** Constraints and indexes the ledger relies on. */
  static void ensureSchema(Session session) {
    session.run("CREATE CONSTRAINT polyphony_import_graph IF NOT EXISTS FOR (n:" + IMPORT_LABEL
        + ") REQUIRE n.graph IS UNIQUE").consume();
    session.run("CREATE CONSTRAINT polyphony_import_batch_key IF NOT EXISTS FOR (n:" + BATCH_LABEL
        + ") REQUIRE n.key IS UNIQUE").consume();
    session.run("CREATE INDEX polyphony_import_batch_graph IF NOT EXISTS FOR (n:" + BATCH_LABEL
        + ") ON (n.graph)").consume();
  }

  /** The state of this graph's import and the layout it uses, recording {@code layout} when new. */
  Entry begin(Session session, ImportLayout layout) {
    return session.executeWrite(tx -> {
      Record r = tx.run("MERGE (i:" + IMPORT_LABEL + " {graph: $graph}) "
          + "ON CREATE SET i.state = $running, i.nodeBatchSize = $nodeBatchSize, "
          + "i.relationshipBatchSize = $relationshipBatchSize, i.partitions = $partitions, "
          + "i.relationshipMode = $mode, i.startedAt = datetime() "
          + "RETURN i.state AS state, i.nodeBatchSize AS nodeBatchSize, "
          + "i.relationshipBatchSize AS relationshipBatchSize, i.partitions AS partitions, "
          + "i.relationshipMode AS mode",
          Map.of("graph", graph, "running", RUNNING, "nodeBatchSize", layout.nodeBatchSize(),
              "relationshipBatchSize", layout.relationshipBatchSize(), "partitions", layout.partitions(),
              "mode", layout.relationshipMode().name())).single();
      ImportLayout stored = new ImportLayout(r.get("nodeBatchSize").asInt(),
          r.get("relationshipBatchSize").asInt(), r.get("partitions").asInt(),
          RelationshipWriteMode.valueOf(r.get("mode").asString()));
      return new Entry(r.get("state").asString(), stored);
    });
  }

  /** Keys of the batches committed by earlier runs of this import. */
  Set<String> committedBatches(Session session) {
    return session.executeRead(tx -> {
      Set<String> keys = new HashSet<>();
      tx.run("MATCH (b:" + BATCH_LABEL + " {graph: $graph}) RETURN b.key AS key", Map.of("graph", graph))
          .forEachRemaining(r -> keys.add(r.get("key").asString()));
      return keys;
    });
  }

  /** The key of a batch: unique per graph, stage and batch. */
  String batchKey(String stage, String batch) {
    return GraphFingerprint.shortForm(graph) + "/" + stage + "/" + batch;
  }

  /** Records a batch inside the transaction that writes it. */
  void markBatch(TransactionContext tx, String key) {
    tx.run(MARK_BATCH, Map.of("key", key, "graph", graph)).consume();
  }

  /** Marks the import complete with its totals and drops its batch markers. */
  void complete(Session session, long nodes, long relationships) {
    session.executeWriteWithoutResult(tx -> tx.run("MATCH (i:" + IMPORT_LABEL + " {graph: $graph}) "
        + "SET i.state = $complete, i.completedAt = datetime(), i.nodes = $nodes, "
        + "i.relationships = $relationships",
        Map.of("graph", graph, "complete", COMPLETE, "nodes", nodes, "relationships", relationships)).consume());
    session.run("MATCH (b:" + BATCH_LABEL + " {graph: $graph}) "
        + "CALL { WITH b DELETE b } IN TRANSACTIONS OF 10000 ROWS", Map.of("graph", graph)).consume();
  }

  /** The state and layout of an import as recorded in the database. */
  record Entry(String state, ImportLayout layout) {
    boolean isComplete() {
      return COMPLETE.equals(state);
    }
  }
}
