package dev.polyphony.neo4j;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The operations behind the {@code polyphony neo4j} commands, each opening the chosen Neo4j (starting
 * the embedded server when no uri is given), doing one thing and closing it again. A command line only
 * parses options into these arguments and prints the results.
 */
public final class Neo4jBridge {
  private final Neo4jConnection connection;

  public Neo4jBridge(Neo4jConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** {@code neo4j import --graph FILE.snap}: reads the snapshot and imports it (resuming if interrupted before). */
  public GraphImportResult importSnapshot(Path snapshot, GraphImportConfig config, ProgressTracker progress)
      throws IOException {
    HeteroGraph graph = GraphSnapshot.read(snapshot, progress);
    try (Neo4jTarget target = Neo4jTarget.open(connection)) {
      return new GraphImporter(target, config).importGraph(graph, progress);
    }
  }

  /**
   * {@code neo4j read --out FILE.snap}: builds a graph from the projection and writes it atomically as a
   * snapshot; rejected rows are in the result's report.
   */
  public IngestResult readToSnapshot(GraphProjection projection, Path out, RejectReport rejects,
      ProgressTracker progress) throws IOException {
    IngestResult result;
    try (Neo4jTarget target = Neo4jTarget.open(connection)) {
      result = new Neo4jGraphReader(target).read(projection, rejects, progress);
    }
    GraphSnapshot.write(result.graph(), out, progress);
    return result;
  }

  /** Runs {@code query} against an explorer over the opened database and returns its table. */
  public ResultTable explore(GraphMapping mapping, Function<Neo4jExplorer, ResultTable> query) {
    try (Neo4jTarget target = Neo4jTarget.open(connection)) {
      return query.apply(new Neo4jExplorer(target, mapping));
    }
  }
}
