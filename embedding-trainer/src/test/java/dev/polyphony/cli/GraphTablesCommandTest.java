package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphTablesCommandTest {
  @TempDir
  Path dir;

  @Test
  void writesOneRowPerNodeAndEdgeUnderAHeader() throws Exception {
    Path snap = dir.resolve("s.snap");
    CliRun synth = CliRun.of("synth", "--tracks", "200", "--playlists", "12", "--creators", "20", "--users", "10",
        "--genres", "4", "--seed", "3", "--out", snap.toString());
    assertThat(synth.exitCode()).as(synth.err()).isZero();
    HeteroGraph graph = GraphSnapshot.read(snap);

    CliRun run = CliRun.of("graph-tables", "--graph", snap.toString(), "--out", dir.resolve("tables").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (var nodes = Files.lines(dir.resolve("tables").resolve(GraphTablesCommand.NODES));
        var edges = Files.lines(dir.resolve("tables").resolve(GraphTablesCommand.EDGES))) {
      assertThat(nodes.count()).isEqualTo(graph.nodeCount() + 1);
      assertThat(edges.count()).isEqualTo(graph.edgeCount() + 1);
    }
    assertThat(run.out()).contains(String.format("wrote %,d nodes", graph.nodeCount()));
  }

  @Test
  void aMissingSnapshotIsAnErrorNamingIt() {
    CliRun run = CliRun.of("graph-tables", "--graph", dir.resolve("none.snap").toString(), "--out",
        dir.resolve("t").toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("none.snap");
    assertThat(dir.resolve("t").resolve(GraphTablesCommand.NODES)).doesNotExist();
  }
}
