package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.io.GraphSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code stats} on a snapshot of playlists p0 = {t0, t1, t2} and p1 = {t2}, artist a0 of t0 and t1. */
class StatsCommandTest {
  @TempDir
  Path dir;
  Path snapshot;

  @BeforeEach
  void writeSnapshot() throws Exception {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType playlist = sb.node("playlist");
    NodeType track = sb.node("track");
    NodeType artist = sb.node("artist");
    EdgeType contains = sb.edge(playlist, "contains", track);
    EdgeType byArtist = sb.edge(track, "by_artist", artist);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    int p0 = b.addNode(playlist, "p0");
    int p1 = b.addNode(playlist, "p1");
    int t0 = b.addNode(track, "t0");
    int t1 = b.addNode(track, "t1");
    int t2 = b.addNode(track, "t2");
    int a0 = b.addNode(artist, "a0");
    b.addEdge(contains, p0, t0).addEdge(contains, p0, t1).addEdge(contains, p0, t2).addEdge(contains, p1, t2);
    b.addEdge(byArtist, t0, a0).addEdge(byArtist, t1, a0);
    snapshot = dir.resolve("small.snap");
    GraphSnapshot.write(b.build(), snapshot);
  }

  @Test
  void jsonHasNodesAndEdgesKeyedByTypeName() throws Exception {
    CliRun run = CliRun.of("stats", snapshot.toString(), "--json", "--top", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("nodes").get("playlist").asInt()).isEqualTo(2);
    assertThat(json.get("nodes").get("track").asInt()).isEqualTo(3);
    assertThat(json.get("nodes").get("artist").asInt()).isEqualTo(1);
    assertThat(json.get("edges").get("contains").asInt()).isEqualTo(4);
    assertThat(json.get("edges").get("by_artist").asInt()).isEqualTo(2);
    assertThat(json.get("totalNodes").asLong()).isEqualTo(6);
    assertThat(json.get("degrees").get("contains").get("out").get("max").asInt()).isEqualTo(3);
    assertThat(json.get("components").get("count").asInt()).isEqualTo(1);
    assertThat(json.get("pageRank").get("projection").asText()).isEqualTo("whole");
    assertThat(json.get("pageRank").get("top")).hasSize(3);
  }

  @Test
  void tableByDefaultWithACoOccurrenceProjection() {
    CliRun run = CliRun.of("stats", snapshot.toString(), "--projection", "track-playlist-track", "--top", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("node type", "contains", "by_artist", "median", "p99",
        "connected components (whole graph, undirected): 1, largest 6 nodes",
        "PageRank top 1 over track-playlist-track (3 vertices, 3 edges");
  }

  @Test
  void malformedProjectionIsAUsageError() {
    CliRun run = CliRun.of("stats", snapshot.toString(), "--projection", "track-playlist");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("projection must be 'whole' or a metapath X-Y-X");
  }

  @Test
  void projectionOverUnknownTypesFailsNamingTheKnownOnes() {
    CliRun run = CliRun.of("stats", snapshot.toString(), "--projection", "track-album-track");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("polyphony: error: unknown node type 'album'");
  }

  @Test
  void nonPositiveTopIsAUsageError() {
    CliRun run = CliRun.of("stats", snapshot.toString(), "--top", "0");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("topK must be > 0 (got 0)");
  }

  @Test
  void missingSnapshotFailsNamingIt() {
    Path missing = dir.resolve("missing.snap");
    CliRun run = CliRun.of("stats", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errorLines()).isEqualTo(1);
    assertThat(run.err()).contains(missing.toString()).doesNotContain("\tat ");
  }
}
