package dev.polyphony.model;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import java.util.List;
import java.util.SplittableRandom;

/** Small hand-built graphs shared by the model, task and trainer tests. */
public final class TinyGraphs {
  public static final NodeType USER = NodeType.of("user");

  private TinyGraphs() {}

  /**
   * Five users u0..u4 with {@code (user)-[knows]->(user)} edges u0->u1, u2->u0, u1->u3; u4 is isolated.
   * Features (2 columns): u_i = (i, 1 - i / 2).
   */
  public static HeteroGraph fiveUsers() {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType user = sb.node(USER.name());
    EdgeType knows = sb.edge(user, "knows", user);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.declareFeatures(user, List.of("a", "b"));
    for (int i = 0; i < 5; i++) {
      b.addNode(user, "u" + i);
      b.setFeatures(user, i, new float[] {i, 1 - i / 2f});
    }
    b.addEdge(knows, 0, 1);
    b.addEdge(knows, 2, 0);
    b.addEdge(knows, 1, 3);
    return b.build();
  }

  /**
   * Two planted communities of {@code size} users each. Every user links to {@code inside} random users of its
   * own community and to one of the other; its label (INT attribute {@code label}) is its community. Its 4
   * features are the community sign {@code +-0.5} plus Gaussian noise of standard deviation 1, so one node's
   * own features barely tell its community while its neighbourhood mean does. The STRING attribute
   * {@code split} puts the first 5 users of each community in {@code train}, the next 5 in {@code val} and
   * the rest in {@code test}.
   */
  public static HeteroGraph twoCommunities(int size, int inside, long seed) {
    GraphSchema.Builder sb = GraphSchema.builder();
    NodeType user = sb.node(USER.name());
    EdgeType knows = sb.edge(user, "knows", user);
    HeteroGraphBuilder b = new HeteroGraphBuilder(sb.build());
    b.declareFeatures(user, List.of("f0", "f1", "f2", "f3"));
    AttributeColumn.Builder label = b.attribute(user, "label", AttributeKind.INT);
    AttributeColumn.Builder split = b.attribute(user, "split", AttributeKind.STRING);
    SplittableRandom random = new SplittableRandom(seed);
    int n = 2 * size;
    for (int v = 0; v < n; v++) {
      b.addNode(user, "u" + v);
      int community = v / size;
      float[] row = new float[4];
      for (int c = 0; c < 4; c++) {
        row[c] = (community == 0 ? 0.5f : -0.5f) + (float) gaussian(random);
      }
      b.setFeatures(user, v, row);
      label.setInt(v, community);
      int rank = v % size;
      split.setString(v, rank < 5 ? "train" : rank < 10 ? "val" : "test");
    }
    for (int v = 0; v < n; v++) {
      int base = (v / size) * size;
      for (int k = 0; k < inside; k++) {
        int u = base + random.nextInt(size);
        if (u != v) {
          b.addEdge(knows, v, u);
        }
      }
      b.addEdge(knows, v, (base + size + random.nextInt(size)) % n);
    }
    return b.build();
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
