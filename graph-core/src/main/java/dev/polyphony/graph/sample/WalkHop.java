package dev.polyphony.graph.sample;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.Objects;

/**
 * One relation followed in one direction by a walker: {@code OUT} goes from the edge type's source to
 * its destination (rows of {@link HeteroGraph#out}), {@code IN} goes back from destination to source
 * (rows of {@link HeteroGraph#in}). Walking a homogeneous relation as an undirected one takes both hops.
 */
public record WalkHop(EdgeType edgeType, Direction direction) {

  /** Which stored direction of the relation the hop follows. */
  public enum Direction {
    /** From the relation's source type to its destination type. */
    OUT,
    /** From the relation's destination type back to its source type. */
    IN
  }

  public WalkHop {
    Objects.requireNonNull(edgeType, "edgeType");
    Objects.requireNonNull(direction, "direction");
  }

  /** Follows {@code type} from source to destination. */
  public static WalkHop out(EdgeType type) {
    return new WalkHop(type, Direction.OUT);
  }

  /** Follows {@code type} from destination back to source. */
  public static WalkHop in(EdgeType type) {
    return new WalkHop(type, Direction.IN);
  }

  /** The node type the hop leaves from. */
  public NodeType from() {
    return direction == Direction.OUT ? edgeType.src() : edgeType.dst();
  }

  /** The node type the hop arrives at. */
  public NodeType to() {
    return direction == Direction.OUT ? edgeType.dst() : edgeType.src();
  }

  /** The adjacency whose rows are {@link #from()} nodes and whose targets are {@link #to()} nodes. */
  public CsrAdjacency adjacency(HeteroGraph graph) {
    return direction == Direction.OUT ? graph.out(edgeType) : graph.in(edgeType);
  }

  /** The hop that undoes this one. */
  public WalkHop reverse() {
    return new WalkHop(edgeType, direction == Direction.OUT ? Direction.IN : Direction.OUT);
  }

  /** The hop in metapath notation: {@code -contains->} for OUT, {@code <-contains-} for IN. */
  public String arrow() {
    return direction == Direction.OUT ? "-" + edgeType.relation() + "->" : "<-" + edgeType.relation() + "-";
  }

  @Override
  public String toString() {
    return from() + " " + arrow() + " " + to();
  }
}
