package dev.polyphony.graph.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphTablesCsvTest {
  @TempDir
  Path dir;

  @Test
  void writesNodesWithTheirFeatureRowsAndEdgesWithTheirWeights() throws IOException {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType playlist = sb.node("playlist");
    NodeType track = sb.node("track");
    NodeType user = sb.node("user");
    EdgeType contains = sb.edge(playlist, "contains", track);
    EdgeType listened = sb.edge(user, "listened", track);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.declareFeatures(track, List.of("energy", "tempo"));
    b.declareWeights(listened);
    int p0 = b.addNode(playlist, "p0");
    int t0 = b.addNode(track, "t0");
    int t1 = b.addNode(track, "t1, \"live\"");
    int u0 = b.addNode(user, "u0");
    b.setFeatures(track, t0, new float[] {0.5f, 120f});
    b.setFeatures(track, t1, new float[] {0.1f, -3.25f});
    b.addEdge(contains, p0, t0).addEdge(contains, p0, t1);
    b.addEdge(listened, u0, t1, 2.5f);

    Path nodes = dir.resolve("nodes.csv");
    Path edges = dir.resolve("edges.csv");
    GraphTablesCsv.write(b.build(), nodes, edges, ProgressTracker.NONE);

    assertThat(Files.readAllLines(nodes, StandardCharsets.UTF_8)).containsExactly(
        "type,id,features",
        "playlist,p0,",
        "track,t0,0.5 120.0",
        "track,\"t1, \"\"live\"\"\",0.1 -3.25",
        "user,u0,");
    assertThat(Files.readAllLines(edges, StandardCharsets.UTF_8)).containsExactly(
        "src,relation,dst,weight",
        "p0,contains,t0,",
        "p0,contains,\"t1, \"\"live\"\"\",",
        "u0,listened,\"t1, \"\"live\"\"\",2.5");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("nodes.csv", "edges.csv");
    }
  }
}
