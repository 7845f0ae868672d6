package dev.polyphony.graph.split;

import static dev.polyphony.graph.split.SplitFixture.BY_ARTIST;
import static dev.polyphony.graph.split.SplitFixture.CONTAINS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkSplitTest {
  private final HeteroGraph catalog = SplitFixture.catalog();

  private static LinkSplitResult split(HeteroGraph graph, String relation, double validation, double test,
      boolean keepOne, boolean undirected, int negatives, long seed) {
    return new LinkSplit(graph, new LinkSplitConfig(relation, validation, test, keepOne, undirected, negatives,
        seed)).compute();
  }

  @Test
  void validationAndTestLeaveTrainingAndPartitionTheEdges() {
    LinkSplitResult r = split(catalog, "contains", 0.2, 0.1, false, false, 1, 9);

    // 10 links: round(2.0) = 2 validation, round(1.0) = 1 test.
    assertThat(r.links()).isEqualTo(10);
    assertThat(r.protectedLinks()).isZero();
    assertThat(r.validation().size()).isEqualTo(2);
    assertThat(r.test().size()).isEqualTo(1);
    assertThat(r.training().edgeCount(CONTAINS)).isEqualTo(7);
    EdgeList heldOut = concat(r.validation(), r.test());
    LeakageAssertions.assertAbsent(r.training(), heldOut);
    LeakageAssertions.assertSourceMinus(catalog, r.training(), heldOut);
    LeakageAssertions.assertNodesUnchanged(catalog, r.training());
    assertThat(r.training().out(BY_ARTIST)).isSameAs(catalog.out(BY_ARTIST));

    assertThat(r.validationNegatives().size()).isEqualTo(2);
    assertThat(r.testNegatives().size()).isEqualTo(1);
    assertNonEdges(catalog, concat(r.validationNegatives(), r.testNegatives()), false);
  }

  @Test
  void denseRelationDrawsEveryNonEdgeWhenAllAreNeeded() {
    // 4 x 6 pairs, 10 edges: 14 non-edges; 5 + 2 held-out edges x 2 negatives = 14.
    LinkSplitResult r = split(catalog, "contains", 0.5, 0.2, false, false, 2, 4);

    assertThat(r.validationNegatives().size()).isEqualTo(10);
    assertThat(r.testNegatives().size()).isEqualTo(4);
    EdgeList all = concat(r.validationNegatives(), r.testNegatives());
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      pairs.add(all.src()[i] + ">" + all.dst()[i]);
    }
    assertThat(pairs).containsExactlyInAnyOrder("0>4", "0>5", "1>0", "1>2", "1>4", "1>5", "2>1", "2>3", "2>5",
        "3>0", "3>1", "3>2", "3>3", "3>5");
    assertThatThrownBy(() -> split(catalog, "contains", 0.5, 0.2, false, false, 3, 4))
        .hasMessage("relation 'contains' has 14 non-edges but 21 negative pairs were asked for "
            + "(negativesPerPositive 3)");
  }

  @Test
  void keepingOneEdgePerSourceProtectsOneEdgeOfEveryPlaylist() {
    for (long seed = 0; seed < 30; seed++) {
      // 3 + 3 of 10 links leave; 4 are protected, so training is exactly one edge per playlist.
      LinkSplitResult r = split(catalog, "contains", 0.3, 0.3, true, false, 0, seed);
      assertThat(r.protectedLinks()).isEqualTo(4);
      assertThat(r.validation().size() + r.test().size()).isEqualTo(6);
      for (int p = 0; p < 4; p++) {
        assertThat(r.training().out(CONTAINS).degree(p)).as("playlist %d, seed %d", p, seed).isEqualTo(1);
      }
      assertThat(r.training().out(CONTAINS).neighbors(3)).containsExactly(4);
      LeakageAssertions.assertSourceMinus(catalog, r.training(), concat(r.validation(), r.test()));
      assertThat(r.validationNegatives().isEmpty()).isTrue();
    }
    assertThatThrownBy(() -> split(catalog, "contains", 0.4, 0.3, true, false, 0, 0))
        .hasMessage("relation 'contains' has 6 links that may leave training (10 links, 4 kept by "
            + "keepOneEdgePerSource) but validation needs 4 and test 3");
  }

  @Test
  void undirectedLinksLeaveTogetherSoNoReverseEdgeLeaks() {
    HeteroGraph friends = friendGraph();
    EdgeType friend = friends.schema().edgeType("friend");
    Set<String> seen = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      LinkSplitResult r = split(friends, "friend", 0.17, 0.17, false, true, 1, seed);
      // 5 mutual pairs and the one-way 4 -> 1: 6 links, 1 for validation and 1 for test.
      assertThat(r.links()).isEqualTo(6);
      EdgeList heldOut = concat(r.validation(), r.test());
      Set<String> links = new HashSet<>();
      for (int i = 0; i < heldOut.size(); i++) {
        int s = heldOut.src()[i];
        int d = heldOut.dst()[i];
        assertThat(r.training().out(friend).contains(s, d)).isFalse();
        assertThat(r.training().out(friend).contains(d, s)).as("reverse of %d -> %d", s, d).isFalse();
        links.add(Math.min(s, d) + "-" + Math.max(s, d));
      }
      assertThat(links).hasSize(2);
      seen.addAll(links);
      LeakageAssertions.assertSourceMinus(friends, r.training(), heldOut);
      EdgeList negatives = concat(r.validationNegatives(), r.testNegatives());
      assertThat(negatives.size()).isEqualTo(heldOut.size());
      assertNonEdges(friends, negatives, true);
      for (int i = 0; i < negatives.size(); i++) {
        assertThat(negatives.src()[i]).isLessThan(negatives.dst()[i]);
        assertThat(List.of("0-2", "0-3", "1-3", "2-4")).contains(negatives.src()[i] + "-" + negatives.dst()[i]);
      }
    }
    assertThat(seen).containsExactlyInAnyOrder("0-1", "1-2", "2-3", "3-4", "0-4", "1-4");
  }

  @Test
  void undirectedNeedsOneNodeTypeAtBothEnds() {
    assertThatThrownBy(() -> split(catalog, "contains", 0.2, 0.1, false, true, 0, 0))
        .hasMessage("undirected needs a relation between nodes of one type (got (playlist)-[contains]->(track))");
  }

  @Test
  void oneSeedGivesOneSplitAndSeedsDiffer() {
    assertThat(split(catalog, "contains", 0.2, 0.2, true, false, 2, 17))
        .isEqualTo(split(catalog, "contains", 0.2, 0.2, true, false, 2, 17));
    Set<String> distinct = new HashSet<>();
    for (long seed = 0; seed < 10; seed++) {
      LinkSplitResult r = split(catalog, "contains", 0.2, 0.2, true, false, 2, seed);
      distinct.add(r.validation() + " " + r.test() + " " + r.validationNegatives());
    }
    assertThat(distinct).hasSizeGreaterThan(5);
  }

  @Test
  void configRejectsBadValuesQuotingThem() {
    assertThatThrownBy(() -> new LinkSplitConfig("contains", 0.6, 0.4, false, false, 1, 0))
        .hasMessage("validationFraction + testFraction must be in (0, 1) (got 0.6 + 0.4 = 1.0)");
    assertThatThrownBy(() -> new LinkSplitConfig("contains", 0, 0, false, false, 1, 0))
        .hasMessageContaining("(got 0.0 + 0.0 = 0.0)");
    assertThatThrownBy(() -> new LinkSplitConfig("contains", -0.1, 0.2, false, false, 1, 0))
        .hasMessage("validationFraction must be in [0, 1) (got -0.1)");
    assertThatThrownBy(() -> new LinkSplitConfig("contains", 0.1, 0.2, false, false, -1, 0))
        .hasMessage("negativesPerPositive must be >= 0 (got -1)");
  }

  /** Users u0..u4; mutual friends 0-1, 1-2, 2-3, 3-4, 0-4 (both directions stored) and one-way 4 -> 1. */
  private static HeteroGraph friendGraph() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType user = sb.node("user");
    EdgeType friend = sb.edge(user, "friend", user);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    for (int u = 0; u < 5; u++) {
      b.addNode(user, "u" + u);
    }
    int[][] mutual = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}};
    for (int[] pair : mutual) {
      b.addEdge(friend, pair[0], pair[1]).addEdge(friend, pair[1], pair[0]);
    }
    b.addEdge(friend, 4, 1);
    return b.build();
  }

  private static void assertNonEdges(HeteroGraph graph, EdgeList pairs, boolean undirected) {
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < pairs.size(); i++) {
      int s = pairs.src()[i];
      int d = pairs.dst()[i];
      assertThat(graph.out(pairs.type()).contains(s, d)).as("negative %d -> %d", s, d).isFalse();
      if (undirected) {
        assertThat(graph.out(pairs.type()).contains(d, s)).as("negative %d <- %d", s, d).isFalse();
      }
      assertThat(distinct.add(s + ">" + d)).as("negative %d -> %d once", s, d).isTrue();
    }
  }

  private static EdgeList concat(EdgeList a, EdgeList b) {
    List<int[]> edges = new ArrayList<>();
    for (EdgeList l : List.of(a, b)) {
      for (int i = 0; i < l.size(); i++) {
        edges.add(new int[] {l.src()[i], l.dst()[i]});
      }
    }
    return EdgeList.of(a.type(), edges.stream().mapToInt(e -> e[0]).toArray(),
        edges.stream().mapToInt(e -> e[1]).toArray());
  }
}
