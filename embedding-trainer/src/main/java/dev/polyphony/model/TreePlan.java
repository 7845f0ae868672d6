package dev.polyphony.model;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fixed shape of the computation trees a {@link SageEncoder} evaluates: which groups of tree nodes
 * (tree blocks) exist at each level, of which node type, and along which relation each group hangs
 * from its parent group.
 *
 * <p>Level 0 is one block, the seeds. A block of type T at level t has one child block per relation
 * traversal of hop t+1 whose frontier type is T, mirroring {@link dev.polyphony.graph.sample.NeighborSampler}:
 * relations in schema order, a relation followed in its configured direction, a heterogeneous relation
 * under {@code BOTH} as {@code OUT} then {@code IN}. The shape depends only on the schema, the sampler config
 * and the seed type, so one SameDiff graph serves every batch.
 */
public final class TreePlan {
  private final NodeType seedType;
  private final int levels;
  private final List<Spec> blocks;

  /**
   * One group of tree nodes.
   *
   * @param index position in {@link #blocks()}; parents come before children
   * @param level depth in the tree, 0 for the seeds
   * @param type node type of every row
   * @param parent index of the parent block, -1 for the seeds
   * @param edgeType relation followed from the parent (null for the seeds)
   * @param direction traversal direction of that relation (null for the seeds)
   * @param fanout neighbours the sampler draws per parent along that relation at that hop, -1 for all of them
   *     (0 for the seeds)
   */
  public record Spec(int index, int level, NodeType type, int parent, EdgeType edgeType, Direction direction,
      int fanout) {
    /** Name of the relation traversal, e.g. {@code cites_BOTH}; shared by every block that follows it. */
    public String relationKey() {
      return edgeType == null ? "seed" : edgeType.relation() + "_" + direction;
    }

    public boolean isRoot() {
      return parent < 0;
    }

    Spec withFanout(int newFanout) {
      return new Spec(index, level, type, parent, edgeType, direction, newFanout);
    }
  }

  private TreePlan(NodeType seedType, int levels, List<Spec> blocks) {
    this.seedType = seedType;
    this.levels = levels;
    this.blocks = blocks;
  }

  /** The plan for seeds of {@code seedType} sampled with {@code sampling} over a graph of {@code schema}. */
  public static TreePlan of(GraphSchema schema, NeighborSamplerConfig sampling, NodeType seedType) {
    Objects.requireNonNull(sampling, "sampling");
    schema.indexOf(seedType);
    List<Spec> blocks = new ArrayList<>();
    blocks.add(new Spec(0, 0, seedType, -1, null, null, 0));
    int levelStart = 0;
    for (int hop = 1; hop <= sampling.hops(); hop++) {
      int levelEnd = blocks.size();
      List<Traversal> traversals = traversals(schema, sampling, hop);
      for (int b = levelStart; b < levelEnd; b++) {
        Spec parent = blocks.get(b);
        for (Traversal tr : traversals) {
          if (tr.frontier.equals(parent.type())) {
            blocks.add(new Spec(blocks.size(), hop, tr.neighbour, b, tr.edgeType, tr.direction,
                sampling.fanouts().get(hop - 1).get(tr.edgeType.relation())));
          }
        }
      }
      levelStart = levelEnd;
    }
    return new TreePlan(seedType, sampling.hops(), List.copyOf(blocks));
  }

  public NodeType seedType() {
    return seedType;
  }

  /** Whether {@code other} has the same blocks (types, parents, relations, directions), whatever the fan-outs. */
  public boolean sameShape(TreePlan other) {
    if (!seedType.equals(other.seedType) || blocks.size() != other.blocks.size()) {
      return false;
    }
    for (int b = 0; b < blocks.size(); b++) {
      Spec x = blocks.get(b);
      Spec y = other.blocks.get(b);
      if (!x.withFanout(0).equals(y.withFanout(0))) {
        return false;
      }
    }
    return true;
  }

  /**
   * This plan with each block's fan-out the larger of this plan's and {@code other}'s ({@link
   * NeighborSamplerConfig#ALL} when either takes every neighbour): the plan of a model that samples one way
   * while training and another way when embedding.
   *
   * @throws IllegalArgumentException when the plans differ in shape (see {@link #sameShape})
   */
  public TreePlan withLargestFanouts(TreePlan other) {
    if (!sameShape(other)) {
      throw new IllegalArgumentException("the plans follow other relations: " + this + " and " + other);
    }
    List<Spec> merged = new ArrayList<>(blocks.size());
    for (int b = 0; b < blocks.size(); b++) {
      int x = blocks.get(b).fanout();
      int y = other.blocks.get(b).fanout();
      merged.add(blocks.get(b).withFanout(x == NeighborSamplerConfig.ALL || y == NeighborSamplerConfig.ALL
          ? NeighborSamplerConfig.ALL : Math.max(x, y)));
    }
    return new TreePlan(seedType, levels, List.copyOf(merged));
  }

  /** Number of levels below the seeds, the sampler's hop count. */
  public int levels() {
    return levels;
  }

  /** All blocks, parents before children. */
  public List<Spec> blocks() {
    return blocks;
  }

  public Spec block(int index) {
    return blocks.get(index);
  }

  /** Indexes of the child blocks of block {@code parent}, in plan order. */
  public List<Integer> children(int parent) {
    List<Integer> children = new ArrayList<>();
    for (Spec s : blocks) {
      if (s.parent() == parent) {
        children.add(s.index());
      }
    }
    return children;
  }

  /** The relation traversals of hop {@code hop}, in the sampler's order. */
  static List<Traversal> traversals(GraphSchema schema, NeighborSamplerConfig sampling, int hop) {
    Map<String, Integer> fanouts = sampling.fanouts().get(hop - 1);
    List<Traversal> out = new ArrayList<>();
    for (EdgeType type : schema.edgeTypes()) {
      if (!fanouts.containsKey(type.relation())) {
        continue;
      }
      Direction rule = sampling.direction(type.relation());
      if (type.isHomogeneous() || rule != Direction.BOTH) {
        out.add(Traversal.of(type, rule));
      } else {
        out.add(Traversal.of(type, Direction.OUT));
        out.add(Traversal.of(type, Direction.IN));
      }
    }
    return out;
  }

  /** A relation followed one way: from frontier nodes to their neighbours. */
  record Traversal(EdgeType edgeType, Direction direction, NodeType frontier, NodeType neighbour) {
    static Traversal of(EdgeType type, Direction direction) {
      boolean in = direction == Direction.IN;
      return new Traversal(type, direction, in ? type.dst() : type.src(), in ? type.src() : type.dst());
    }
  }

  @Override
  public String toString() {
    return "TreePlan{seeds " + seedType + ", levels " + levels + ", blocks " + blocks.size() + "}";
  }
}
