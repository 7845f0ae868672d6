package dev.polyphony.neo4j;

import static dev.polyphony.neo4j.Neo4jTestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed for real: a separate JVM runs the embedded Neo4j and the import ({@link
 * ImportUntilKilled}) and gets SIGKILL after some committed batches, with further batches in flight.
 * The store then goes through Neo4j's recovery when the server starts again, and running the same import
 * resumes from the committed batches and ends with exactly the graph's nodes and relationships.
 */
class KilledImportResumesTest {
  private static final int KILL_AFTER_BATCHES = 40;

  @TempDir
  Path dir;

  @Test
  void importKilledWithSigkillResumesFromItsLastCommittedBatchWithExactCounts() throws Exception {
    Path home = dir.resolve("neo4j");
    HeteroGraph graph = ImportUntilKilled.graph();
    List<String> childOutput = killChildAfter(home, KILL_AFTER_BATCHES);
    assertThat(childOutput).as("child output").doesNotContain("finished");

    try (Neo4jTarget target = Neo4jTestDatabase.open(home)) {
      long nodesBefore = count(target, "MATCH (n) WHERE NOT n:PolyphonyImport AND NOT n:PolyphonyImportBatch "
          + "RETURN count(n)");
      long relationshipsBefore = count(target, "MATCH ()-[r]->() RETURN count(r)");
      long markers = count(target, "MATCH (b:PolyphonyImportBatch) RETURN count(b)");
      assertThat(markers).as("batches committed before the kill").isGreaterThanOrEqualTo(KILL_AFTER_BATCHES);
      assertThat(nodesBefore + relationshipsBefore).isLessThan(graph.nodeCount() + graph.edgeCount());
      assertThat(count(target, "MATCH (i:PolyphonyImport) WHERE i.state = 'complete' RETURN count(i)")).isZero();

      GraphImportResult resumed = new GraphImporter(target, ImportUntilKilled.CONFIG)
          .importGraph(graph, ProgressTracker.NONE);

      System.out.printf("killed after %d announced batches (%d committed): %d of %d nodes, %d of %d relationships;"
          + " the resumed run skipped %d batches and created %d nodes and %d relationships%n",
          KILL_AFTER_BATCHES, markers, nodesBefore, graph.nodeCount(), relationshipsBefore, graph.edgeCount(),
          resumed.batchesSkipped(), resumed.nodesCreated(), resumed.totalRelationshipsCreated());
      assertThat(resumed.alreadyComplete()).isFalse();
      assertThat(resumed.batchesSkipped()).isEqualTo(markers);
      assertThat(resumed.nodesCreated()).isEqualTo(graph.nodeCount() - nodesBefore);
      assertThat(resumed.totalRelationshipsCreated()).isEqualTo(graph.edgeCount() - relationshipsBefore);
      GraphMapping mapping = GraphMapping.conventional(graph.schema());
      for (NodeType t : graph.schema().nodeTypes()) {
        assertThat(count(target, "MATCH (n:" + mapping.quotedLabel(t) + ") RETURN count(n)"))
            .as("nodes of %s", t).isEqualTo(graph.nodeCount(t));
        assertThat(count(target, "MATCH (n:" + mapping.quotedLabel(t) + ") RETURN count(DISTINCT n.id)"))
            .as("distinct ids of %s", t).isEqualTo(graph.nodeCount(t));
      }
      for (EdgeType e : graph.schema().edgeTypes()) {
        String type = mapping.quotedRelationshipType(e);
        assertThat(count(target, "MATCH ()-[r:" + type + "]->() RETURN count(r)"))
            .as("relationships of %s", e).isEqualTo(graph.edgeCount(e));
        assertThat(count(target, "MATCH (a)-[r:" + type + "]->(b) WITH a, b, count(r) AS c WHERE c > 1 "
            + "RETURN count(*)")).as("duplicates of %s", e).isZero();
      }
      assertThat(count(target, "MATCH (b:PolyphonyImportBatch) RETURN count(b)")).isZero();
      assertThat(count(target, "MATCH (i:PolyphonyImport {state: 'complete'}) RETURN i.relationships"))
          .isEqualTo(graph.edgeCount());
    }
  }

  /** Starts the import in a child JVM and kills it (SIGKILL) once it has announced {@code batches}. */
  private List<String> killChildAfter(Path home, int batches) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path log = dir.resolve("child-stderr.log");
    Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", classpath, ImportUntilKilled.class.getName(),
        home.toString()).redirectError(log.toFile()).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.equals("committed " + batches)) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child stopped").isTrue();
    assertThat(lines).as("child output; its stderr is in " + log + ":\n" + (Files.exists(log)
        ? Files.readString(log) : "")).contains("committed " + batches);
    // 137 = 128 + SIGKILL: the process died by the signal, not by returning from the import.
    assertThat(child.exitValue()).isEqualTo(137);
    return lines;
  }
}
