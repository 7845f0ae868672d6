package dev.polyphony.neo4j.cli;

import dev.polyphony.neo4j.GraphImportConfig;
import dev.polyphony.neo4j.GraphImportResult;
import dev.polyphony.neo4j.Neo4jBridge;
import dev.polyphony.neo4j.RelationshipWriteMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony neo4j import}: a graph snapshot into Neo4j, resumable and idempotent. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Writes a graph snapshot into Neo4j: a uniqueness constraint on id per label, then nodes and "
        + "relationships in batches. An import that stopped midway resumes from its last committed batch when "
        + "run again; running a finished import again writes nothing."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ConnectionOptions neo4j;

  @Option(names = "--graph", required = true, paramLabel = "FILE.snap", description = "Graph snapshot to import.")
  Path graph;

  @Option(names = "--node-batch-size", paramLabel = "N", defaultValue = "5000",
      description = "Nodes per transaction (default: ${DEFAULT-VALUE}).")
  int nodeBatchSize;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "10000",
      description = "Relationships per transaction (default: ${DEFAULT-VALUE}).")
  int relationshipBatchSize;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2",
      description = "Transactions in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--merge", description = "Merge relationships instead of creating them: for adding a grown "
      + "catalog to a database that holds an earlier version.")
  boolean merge;

  @Option(names = "--cypher-only", description = "Write relationships with Cypher statements even where the "
      + "server has the import procedure.")
  boolean cypherOnly;

  @Option(names = "--offline", description = "Use Neo4j's offline importer: only for the embedded Neo4j and a "
      + "fresh store (no database in --neo4j-home yet); --concurrency sets its threads.")
  boolean offline;

  @Override
  public Integer call() throws Exception {
    GraphImportConfig config;
    try {
      config = new GraphImportConfig(nodeBatchSize, relationshipBatchSize, concurrency,
          merge ? RelationshipWriteMode.MERGE : RelationshipWriteMode.CREATE, !cypherOnly);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Neo4jBridge bridge = new Neo4jBridge(neo4j.connection(spec));
    if (offline && (neo4j.uri != null || merge || cypherOnly)) {
      throw new ParameterException(spec.commandLine(), "--offline writes a fresh embedded store; it goes with "
          + "neither --neo4j-uri, --merge nor --cypher-only");
    }
    StageProgress progress = new StageProgress(spec.commandLine().getErr());
    GraphImportResult r = offline ? bridge.importSnapshotOffline(graph, concurrency, progress)
        : bridge.importSnapshot(graph, config, progress);
    PrintWriter out = spec.commandLine().getOut();
    if (r.alreadyComplete()) {
      out.println("graph " + r.graph() + " was imported before; nothing written");
    } else {
      out.printf(Locale.ROOT, "imported graph %s: %,d nodes written (%,d new), %,d relationships created%n",
          r.graph(), r.totalNodesWritten(), r.nodesCreated(), r.totalRelationshipsCreated());
      print(out, "nodes", r.nodesWritten());
      print(out, "relationships", r.relationshipsCreated());
      out.printf(Locale.ROOT, "  %,d batches written, %,d skipped (committed by an earlier run)%n",
          r.batchesWritten(), r.batchesSkipped());
      out.printf(Locale.ROOT, "  %,.0f nodes/s, %,.0f relationships/s (%s)%n", r.nodesPerSecond(),
          r.relationshipsPerSecond(), r.method().description());
    }
    out.flush();
    return 0;
  }

  private static void print(PrintWriter out, String what, Map<String, Long> counts) {
    counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.printf(Locale.ROOT, "  %-13s %-20s %,12d%n", what, e.getKey(), e.getValue()));
  }
}
