package dev.polyphony.neo4j;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.Session;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Imports a graph into a fresh embedded Neo4j with Neo4j's offline bulk importer ({@code neo4j-admin
 * database import full}, run in this process): the graph is written as CSV files
 * ({@link BulkImportFiles}), imported into the default database of the embedded home while no server
 * runs there, and then the server is started to create the same uniqueness constraints as
 * {@link GraphImporter} and to record the import as complete in the {@link ImportLedger}, so an online
 * import of the same graph afterwards writes nothing. The result is the same database an online import
 * writes.
 *
 * <p>Only a fresh database: a home whose default database exists is refused, unless that database is
 * what an interrupted offline import left (a marker file in the home says so), which is then replaced.
 * An offline import that stops midway is therefore finished by running it again.
 */
public final class OfflineGraphImporter {
  /** File in the embedded home that marks an offline import in progress. */
  static final String MARKER = "polyphony-offline-import.running";

  private final EmbeddedNeo4jConfig embedded;
  private final int threads;

  /**
   * @param embedded the embedded Neo4j to import into (not running)
   * @param threads importer threads, > 0
   */
  public OfflineGraphImporter(EmbeddedNeo4jConfig embedded, int threads) {
    this.embedded = Objects.requireNonNull(embedded, "embedded");
    GraphImportConfig.requirePositive("threads", threads);
    this.threads = threads;
  }

  /** Imports with the conventional mapping (see {@link GraphMapping#conventional}). */
  public GraphImportResult importGraph(HeteroGraph graph, ProgressTracker progress) throws IOException {
    return importGraph(graph, GraphMapping.conventional(graph.schema()), progress);
  }

  /**
   * Imports {@code graph} into the fresh default database of the embedded home.
   *
   * @throws IllegalStateException when the home already has a database
   * @throws GraphImportException when the importer fails or the database does not hold exactly the graph
   */
  public GraphImportResult importGraph(HeteroGraph graph, GraphMapping mapping, ProgressTracker progress)
      throws IOException {
    Objects.requireNonNull(progress, "progress");
    if (!graph.schema().equals(mapping.schema())) {
      throw new IllegalArgumentException("the mapping is for another schema: " + mapping.schema());
    }
    GraphImporter.checkPropertyNames(graph, mapping);
    String fingerprint = GraphFingerprint.of(graph, mapping);
    Path home = embedded.homeDirectory().toAbsolutePath().normalize();
    Path store = home.resolve("data").resolve("databases").resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    Path marker = home.resolve(MARKER);
    if (Files.exists(store) && !Files.exists(marker)) {
      throw new IllegalStateException("the embedded Neo4j in " + home + " already has a database; the offline "
          + "importer only writes a fresh one (import online instead, or remove " + home.resolve("data") + ")");
    }
    long start = System.nanoTime();
    Files.createDirectories(home);
    Files.writeString(marker, fingerprint + "\n");
    Path csv = home.resolve("offline-import");
    try {
      BulkImportFiles files = BulkImportFiles.write(graph, mapping, csv, progress);
      progress.begin("offline import", -1);
      runImporter(home, files);
      progress.end();
    } finally {
      deleteTree(csv);
    }
    ImportLayout layout = GraphImportConfig.defaults().layout();
    progress.begin("start Neo4j", -1);
    Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(embedded));
    progress.end();
    try (Session session = target.session()) {
      progress.begin("constraints", -1);
      GraphImporter.createConstraints(session, mapping);
      checkCounts(session, graph, mapping);
      ImportLedger ledger = new ImportLedger(fingerprint);
      ledger.begin(session, layout);
      ledger.complete(session, graph.nodeCount(), graph.edgeCount());
      progress.end();
    } finally {
      progress.begin("stop Neo4j", -1);
      target.close();
      progress.end();
    }
    Files.delete(marker);
    long nanos = System.nanoTime() - start;
    Map<String, Long> nodes = new LinkedHashMap<>();
    for (NodeType t : graph.schema().nodeTypes()) {
      nodes.put(mapping.label(t), (long) graph.nodeCount(t));
    }
    Map<String, Long> relationships = new LinkedHashMap<>();
    for (EdgeType e : graph.schema().edgeTypes()) {
      relationships.put(mapping.relationshipType(e), (long) graph.edgeCount(e));
    }
    return new GraphImportResult(fingerprint, false, layout, ImportMethod.OFFLINE, nodes, graph.nodeCount(),
        relationships, 0, 0, nanos, nanos);
  }

  private void runImporter(Path home, BulkImportFiles files) throws IOException {
    Path conf = Files.createDirectories(home.resolve("conf"));
    Path logs = Files.createDirectories(home.resolve("logs"));
    List<String> args = new ArrayList<>(List.of(GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
        "--overwrite-destination=true", "--id-type=integer", "--array-delimiter=;", "--threads=" + threads,
        "--report-file=" + logs.resolve("offline-import.report")));
    if (files.hasLineBreaks()) {
      args.add("--multiline-fields=true");
    }
    args.addAll(files.arguments());
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code;
    try (PrintStream out = new PrintStream(OutputStream.nullOutputStream());
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8)) {
      ExecutionContext context = new ExecutionContext(home, conf, out, err, new DefaultFileSystemAbstraction());
      code = new CommandLine(new ImportCommand.Full(context)).execute(args.toArray(new String[0]));
    }
    if (code != 0) {
      throw new GraphImportException("Neo4j's offline importer failed in " + home + " (exit code " + code + "): "
          + lastLines(errors.toString(StandardCharsets.UTF_8), 5) + "; run the same import again to start over",
          null);
    }
  }

  private static void checkCounts(Session session, HeteroGraph graph, GraphMapping mapping) {
    List<String> wrong = new ArrayList<>();
    for (NodeType t : graph.schema().nodeTypes()) {
      long n = session.run("MATCH (n:" + mapping.quotedLabel(t) + ") RETURN count(n)").single().get(0).asLong();
      if (n != graph.nodeCount(t)) {
        wrong.add(n + " :" + mapping.label(t) + " nodes instead of " + graph.nodeCount(t));
      }
    }
    for (EdgeType e : graph.schema().edgeTypes()) {
      long n = session.run("MATCH ()-[r:" + mapping.quotedRelationshipType(e) + "]->() RETURN count(r)").single()
          .get(0).asLong();
      if (n != graph.edgeCount(e)) {
        wrong.add(n + " :" + mapping.relationshipType(e) + " relationships instead of " + graph.edgeCount(e));
      }
    }
    if (!wrong.isEmpty()) {
      throw new GraphImportException("the offline import wrote " + String.join(", ", wrong), null);
    }
  }

  private static String lastLines(String text, int n) {
    List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "no message" : String.join(" | ", lines.subList(Math.max(0, lines.size() - n),
        lines.size()));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
