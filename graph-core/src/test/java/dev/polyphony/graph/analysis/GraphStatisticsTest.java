package dev.polyphony.graph.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.analysis.GraphStatisticsResult.RankedNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test catalog: playlists p0 = {t0, t1, t2}, p1 = {t1, t2}, p2 = {t3}; similar t0 -> t1, t1 -> t0,
 * t1 -> t2. As an undirected graph: 8 edges (the mutual t0/t1 pair counts once), components
 * {p0, p1, t0, t1, t2} and {p2, t3}.
 */
class GraphStatisticsTest {
  private final GraphSchema.Builder sb = GraphSchema.builder();
  private final NodeType playlist = sb.node("playlist");
  private final NodeType track = sb.node("track");
  private final EdgeType contains = sb.edge(playlist, "contains", track);
  private final EdgeType similar = sb.edge(track, "similar", track);
  private final HeteroGraph graph = catalog(sb.build());

  private HeteroGraph catalog(GraphSchema schema) {
    HeteroGraphBuilder b = new HeteroGraphBuilder(schema);
    int p0 = b.addNode(playlist, "p0");
    int p1 = b.addNode(playlist, "p1");
    int p2 = b.addNode(playlist, "p2");
    int t0 = b.addNode(track, "t0");
    int t1 = b.addNode(track, "t1");
    int t2 = b.addNode(track, "t2");
    int t3 = b.addNode(track, "t3");
    b.addEdge(contains, p0, t0).addEdge(contains, p0, t1).addEdge(contains, p0, t2);
    b.addEdge(contains, p1, t1).addEdge(contains, p1, t2).addEdge(contains, p2, t3);
    b.addEdge(similar, t0, t1).addEdge(similar, t1, t0).addEdge(similar, t1, t2);
    return b.build();
  }

  private GraphStatisticsResult compute(GraphStatisticsConfig config) {
    return new GraphStatistics(graph, config, ProgressTracker.NONE).compute();
  }

  @Test
  void countsNodesAndEdgesPerTypeInSchemaOrder() {
    GraphStatisticsResult r = compute(GraphStatisticsConfig.defaults());
    assertThat(r.nodes()).containsExactly(java.util.Map.entry("playlist", 3), java.util.Map.entry("track", 4));
    assertThat(r.edges()).containsExactly(java.util.Map.entry("contains", 6), java.util.Map.entry("similar", 3));
    assertThat(r.totalNodes()).isEqualTo(7);
    assertThat(r.totalEdges()).isEqualTo(9);
  }

  @Test
  void degreeSummariesPerRelationAndDirection() {
    GraphStatisticsResult r = compute(GraphStatisticsConfig.defaults());
    // playlists' out-degrees sorted [1, 2, 3]: median rank ceil(1.5) = 2, p99 rank ceil(2.97) = 3
    assertThat(r.degrees().get("contains").out()).isEqualTo(new DegreeSummary(3, 1, 2, 3, 3, 2.0, 0));
    // tracks' in-degrees [1, 2, 2, 1] sorted [1, 1, 2, 2]: median rank 2 -> 1, p99 rank 4 -> 2
    assertThat(r.degrees().get("contains").in()).isEqualTo(new DegreeSummary(4, 1, 1, 2, 2, 1.5, 0));
    // similar out [1, 2, 0, 0] sorted [0, 0, 1, 2]; in [1, 1, 1, 0] sorted [0, 1, 1, 1]
    assertThat(r.degrees().get("similar").out()).isEqualTo(new DegreeSummary(4, 0, 0, 2, 2, 0.75, 2));
    assertThat(r.degrees().get("similar").in()).isEqualTo(new DegreeSummary(4, 0, 1, 1, 1, 0.75, 1));
    assertThat(r.degrees().get("similar").src()).isEqualTo("track");
  }

  @Test
  void componentsOfTheWholeGraphTakenAsUndirected() {
    GraphStatisticsResult r = compute(GraphStatisticsConfig.defaults());
    assertThat(r.components()).isEqualTo(new GraphStatisticsResult.Components(2, 5, 0));
  }

  @Test
  void isolatedNodesAreComponentsOfTheirOwn() {
    HeteroGraphBuilder b = new HeteroGraphBuilder(graph.schema());
    int p = b.addNode(playlist, "p");
    b.addNode(playlist, "lonely");
    b.addEdge(contains, p, b.addNode(track, "t"));
    b.addNode(track, "alone");
    HeteroGraph g = b.build();
    GraphStatisticsResult r = new GraphStatistics(g, GraphStatisticsConfig.defaults(), ProgressTracker.NONE)
        .compute();
    assertThat(r.components()).isEqualTo(new GraphStatisticsResult.Components(3, 2, 2));
  }

  @Test
  void wholeGraphPageRankMatchesAReferencePowerIteration() {
    GraphStatisticsResult r = compute(GraphStatisticsConfig.defaults().withTopK(3));
    List<RankedNode> top = r.pageRank().top();
    assertThat(r.pageRank().projection()).isEqualTo("whole");
    assertThat(r.pageRank().vertices()).isEqualTo(7);
    assertThat(r.pageRank().edges()).isEqualTo(8);
    assertThat(top).hasSize(3);
    // Reference values from an independent power iteration (damping 0.85, dangling mass spread evenly).
    assertThat(top.get(0).id()).isEqualTo("t1");
    assertThat(top.get(0).score()).isCloseTo(0.197904, within(1e-4));
    assertThat(List.of(top.get(1).id(), top.get(2).id())).containsExactlyInAnyOrder("p0", "t2");
    assertThat(top.get(1).score()).isCloseTo(0.151721, within(1e-4));
    assertThat(top.get(2).score()).isCloseTo(0.151721, within(1e-4));
    assertThat(top.get(0).type()).isEqualTo("track");
  }

  @Test
  void trackPlaylistTrackProjectionWeightsPairsBySharedPlaylists() {
    GraphStatisticsResult r = compute(GraphStatisticsConfig.defaults()
        .withProjection(Projection.parse("track-playlist-track")).withTopK(4));
    // Pairs: t0-t1 (p0), t0-t2 (p0), t1-t2 (p0 and p1: weight 2); t3 shares no playlist.
    assertThat(r.pageRank().vertices()).isEqualTo(4);
    assertThat(r.pageRank().edges()).isEqualTo(3);
    assertThat(r.pageRank().groups()).isEqualTo(3);
    assertThat(r.pageRank().sampledGroups()).isZero();
    List<RankedNode> top = r.pageRank().top();
    assertThat(List.of(top.get(0).id(), top.get(1).id())).containsExactlyInAnyOrder("t1", "t2");
    assertThat(top.get(0).score()).isCloseTo(0.352505, within(1e-4));
    assertThat(top.get(2).id()).isEqualTo("t0");
    assertThat(top.get(2).score()).isCloseTo(0.247372, within(1e-4));
    assertThat(top.get(3).id()).isEqualTo("t3");
    assertThat(top.get(3).score()).isCloseTo(0.047619, within(1e-4));
  }

  @Test
  void oversizedGroupsContributeASeededSampleOfMembers() {
    GraphStatisticsConfig capped = GraphStatisticsConfig.defaults()
        .withProjection(Projection.coOccurrence("track", "playlist")).withMaxGroupSize(2).withTopK(4);
    GraphStatisticsResult a = compute(capped);
    GraphStatisticsResult b = compute(capped);
    // p0 has 3 tracks: it is cut to 2, so it adds one pair instead of three; p1 adds t1-t2.
    assertThat(a.pageRank().sampledGroups()).isEqualTo(1);
    assertThat(a.pageRank().edges()).isBetween(1L, 2L);
    assertThat(a.pageRank().maxGroupSize()).isEqualTo(2);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void projectionAbovePairLimitIsRefusedBeforeCounting() {
    GraphStatisticsConfig tight = GraphStatisticsConfig.defaults()
        .withProjection(Projection.coOccurrence("track", "playlist")).withMaxProjectionPairs(3);
    // Pair bound: p0 3 + p1 1 + p2 0 = 4 > 3.
    assertThatThrownBy(() -> compute(tight)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("up to 4 pairs, above the limit of 3");
  }

  @Test
  void unknownProjectionTypesAreNamed() {
    assertThatThrownBy(() -> compute(GraphStatisticsConfig.defaults()
        .withProjection(Projection.parse("track-album-track")))).hasMessageContaining("'album'");
  }

  @Test
  void serialisesToJsonWithNodesAndEdgesKeyedByTypeName() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode tree = json.readTree(json.writeValueAsString(compute(GraphStatisticsConfig.defaults())));
    assertThat(tree.get("nodes").get("track").asInt()).isEqualTo(4);
    assertThat(tree.get("edges").get("contains").asInt()).isEqualTo(6);
    assertThat(tree.get("degrees").get("contains").get("out").get("p99").asInt()).isEqualTo(3);
    assertThat(tree.get("components").get("count").asInt()).isEqualTo(2);
    assertThat(tree.get("pageRank").get("top").get(0).get("id").asText()).isEqualTo("t1");
  }
}
