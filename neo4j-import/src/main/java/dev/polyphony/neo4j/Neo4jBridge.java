package dev.polyphony.neo4j;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
   * {@code neo4j import --graph FILE.snap --offline}: reads the snapshot and imports it with Neo4j's offline
   * importer into the embedded Neo4j's fresh database (see {@link OfflineGraphImporter}).
   *
   * @throws IllegalStateException when the connection is not the embedded Neo4j
   */
  public GraphImportResult importSnapshotOffline(Path snapshot, int threads, ProgressTracker progress)
      throws IOException {
    if (!connection.isEmbedded()) {
      throw new IllegalStateException("the offline importer writes the embedded Neo4j's store; it cannot import "
          + "into " + connection.describe());
    }
    HeteroGraph graph = GraphSnapshot.read(snapshot, progress);
    return new OfflineGraphImporter(connection.embedded(), threads).importGraph(graph, progress);
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

  /**
   * {@code neo4j write-embeddings}: writes the table's vectors onto its nodes and, when {@code index} is
   * given, makes sure that vector index over them exists and is online.
   *
   * @param index the vector index to have (its label and property should be the config's), or null for none
   * @param indexTimeout how long to wait for the index to come online
   */
  public EmbeddingsWritten writeEmbeddings(EmbeddingTable table, EmbeddingWriteConfig config, VectorIndexSpec index,
      Duration indexTimeout, ProgressTracker progress) {
    try (Neo4jTarget target = Neo4jTarget.open(connection)) {
      EmbeddingWriteResult written = new EmbeddingWriter(target).write(table, config, progress);
      if (index == null) {
        return new EmbeddingsWritten(written, null, 0);
      }
      long start = System.nanoTime();
      progress.begin("vector index", -1);
      VectorIndexSpec inUse = new VectorIndexes(target).ensure(index, indexTimeout);
      progress.end();
      return new EmbeddingsWritten(written, inUse, System.nanoTime() - start);
    }
  }

  /**
   * What {@link #writeEmbeddings} did.
   *
   * @param written the vector writes
   * @param index the vector index in use, or null when none was asked for
   * @param indexNanos time to create the index and wait until it was online
   */
  public record EmbeddingsWritten(EmbeddingWriteResult written, VectorIndexSpec index, long indexNanos) {}

  /** {@code neo4j explore}: runs {@code query} against an explorer over the opened database. */
  public ResultTable explore(Function<Neo4jExplorer, ResultTable> query) {
    try (Neo4jTarget target = Neo4jTarget.open(connection)) {
      return query.apply(new Neo4jExplorer(target));
    }
  }
}
