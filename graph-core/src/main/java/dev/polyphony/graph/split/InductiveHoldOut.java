package dev.polyphony.graph.split;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Nodes of one type held out for inductive evaluation (GraphSAGE's protocol: Hamilton, Ying and
 * Leskovec, NeurIPS 2017, Sec. 4 -- test nodes are unseen during training), as produced by
 * {@link ColdStartSplit} and {@link TemporalSplit}.
 *
 * <p>The three parts, all on the source graph's dense ids:
 * <ul>
 *   <li>{@code heldOutEdges}: every source edge of the held-out relations (e.g. {@code contains}) that
 *       touches a held-out node. These are the evaluation targets and appear in neither graph.
 *   <li>{@code inference}: the source graph minus {@code heldOutEdges}. It is what is known about a
 *       newly released track: its content features, attributes and its other relations (e.g.
 *       {@code by_artist}, {@code on_album}), plus everything known about the rest of the catalog, but
 *       none of its playlists. Embeddings of held-out nodes are computed on this graph.
 *   <li>{@code training}: when {@code isolatedInTraining} the inference graph with the held-out nodes
 *       also detached from every other relation (they exist as nodes with features but no edges, so
 *       the encoder never aggregates them while training); otherwise the same graph as
 *       {@code inference}. Either way samplers and trainers must not use held-out nodes as seeds,
 *       positives or negatives: {@link #heldOutMask()} flags them.
 * </ul>
 * The arrays are shared, not copied: treat them as read-only.
 *
 * @param heldOutNodes held-out node ids of {@code nodeType}, ascending
 * @param heldOutEdges one list per held-out relation, in the order the configuration named them, each in
 *     out-CSR order
 */
public record InductiveHoldOut(HeteroGraph training, HeteroGraph inference, NodeType nodeType,
    int[] heldOutNodes, List<EdgeList> heldOutEdges, boolean isolatedInTraining) {

  public InductiveHoldOut {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(inference, "inference");
    Objects.requireNonNull(nodeType, "nodeType");
    heldOutEdges = List.copyOf(heldOutEdges);
  }

  /**
   * Holds out {@code nodes} of {@code type}: removes their edges of {@code relations} from both graphs
   * and, when {@code isolate}, every other edge touching them from the training graph.
   */
  static InductiveHoldOut of(HeteroGraph source, NodeType type, int[] nodes, List<EdgeType> relations,
      boolean isolate) {
    EdgeRemoval removal = new EdgeRemoval(source).detachNodes(type, nodes, relations);
    HeteroGraph inference = removal.build();
    List<EdgeList> heldOut = new ArrayList<>(relations.size());
    for (EdgeType relation : relations) {
      heldOut.add(removal.removedEdges(relation));
    }
    HeteroGraph training = isolate ? removal.detachNodes(type, nodes).build() : inference;
    return new InductiveHoldOut(training, inference, type, nodes, heldOut, isolate);
  }

  /** Resolves relation names against the graph's schema and checks that each touches {@code type}. */
  static List<EdgeType> relationsTouching(HeteroGraph graph, NodeType type, List<String> relations) {
    List<EdgeType> resolved = new ArrayList<>(relations.size());
    for (String name : relations) {
      EdgeType relation = graph.schema().edgeType(name);
      if (!relation.src().equals(type) && !relation.dst().equals(type)) {
        throw new IllegalArgumentException("relation '" + name + "' " + relation
            + " does not touch node type '" + type + "'");
      }
      resolved.add(relation);
    }
    return resolved;
  }

  public int heldOutCount() {
    return heldOutNodes.length;
  }

  public boolean isHeldOut(int node) {
    return Arrays.binarySearch(heldOutNodes, node) >= 0;
  }

  /** A new bit set with the held-out nodes set, for samplers that exclude them. */
  public BitSet heldOutMask() {
    BitSet mask = new BitSet(training.nodeCount(nodeType));
    for (int node : heldOutNodes) {
      mask.set(node);
    }
    return mask;
  }

  /** The held-out edges of one relation. */
  public EdgeList heldOutEdges(EdgeType type) {
    for (EdgeList edges : heldOutEdges) {
      if (edges.type().equals(type)) {
        return edges;
      }
    }
    throw new NoSuchElementException("relation '" + type.relation() + "' was not held out");
  }

  /** Number of held-out edges over all held-out relations. */
  public int heldOutEdgeCount() {
    int total = 0;
    for (EdgeList edges : heldOutEdges) {
      total += edges.size();
    }
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InductiveHoldOut other
        && isolatedInTraining == other.isolatedInTraining
        && nodeType.equals(other.nodeType)
        && Arrays.equals(heldOutNodes, other.heldOutNodes)
        && heldOutEdges.equals(other.heldOutEdges)
        && training.equals(other.training)
        && inference.equals(other.inference);
  }

  @Override
  public int hashCode() {
    return nodeType.hashCode() * 31 + Arrays.hashCode(heldOutNodes);
  }

  @Override
  public String toString() {
    return "InductiveHoldOut{" + nodeType + ": " + heldOutNodes.length + " held out, "
        + heldOutEdgeCount() + " held-out edges, isolatedInTraining=" + isolatedInTraining + "}";
  }
}
