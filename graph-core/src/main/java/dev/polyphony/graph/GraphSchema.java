package dev.polyphony.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The node types and edge types of a {@link HeteroGraph}, in a fixed order. Node types are indexed
 * {@code 0..nodeTypeCount()-1} and edge types {@code 0..edgeTypeCount()-1}; graph structures are stored
 * in arrays by these indexes. Relation names are unique, so a relation name identifies its edge type.
 */
public final class GraphSchema {
  private final List<NodeType> nodeTypes;
  private final List<EdgeType> edgeTypes;
  private final Map<String, Integer> nodeIndex = new LinkedHashMap<>();
  private final Map<String, Integer> edgeIndex = new LinkedHashMap<>();

  public GraphSchema(List<NodeType> nodeTypes, List<EdgeType> edgeTypes) {
    this.nodeTypes = List.copyOf(nodeTypes);
    this.edgeTypes = List.copyOf(edgeTypes);
    for (int i = 0; i < this.nodeTypes.size(); i++) {
      if (nodeIndex.put(this.nodeTypes.get(i).name(), i) != null) {
        throw new IllegalArgumentException("duplicate node type '" + this.nodeTypes.get(i) + "'");
      }
    }
    for (int i = 0; i < this.edgeTypes.size(); i++) {
      EdgeType e = this.edgeTypes.get(i);
      if (!nodeIndex.containsKey(e.src().name()) || !nodeIndex.containsKey(e.dst().name())) {
        throw new IllegalArgumentException("edge type " + e + " uses a node type missing from the schema");
      }
      if (edgeIndex.put(e.relation(), i) != null) {
        throw new IllegalArgumentException("duplicate relation name '" + e.relation() + "'");
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<NodeType> nodeTypes() {
    return nodeTypes;
  }

  public List<EdgeType> edgeTypes() {
    return edgeTypes;
  }

  public int nodeTypeCount() {
    return nodeTypes.size();
  }

  public int edgeTypeCount() {
    return edgeTypes.size();
  }

  public int indexOf(NodeType type) {
    Integer i = nodeIndex.get(type.name());
    if (i == null || !nodeTypes.get(i).equals(type)) {
      throw new NoSuchElementException("node type '" + type + "' is not in the schema " + nodeIndex.keySet());
    }
    return i;
  }

  public int indexOf(EdgeType type) {
    Integer i = edgeIndex.get(type.relation());
    if (i == null || !edgeTypes.get(i).equals(type)) {
      throw new NoSuchElementException("edge type " + type + " is not in the schema " + edgeIndex.keySet());
    }
    return i;
  }

  public boolean hasNodeType(String name) {
    return nodeIndex.containsKey(name);
  }

  public boolean hasRelation(String relation) {
    return edgeIndex.containsKey(relation);
  }

  /** The node type with this name; throws naming the known types when absent. */
  public NodeType nodeType(String name) {
    Integer i = nodeIndex.get(name);
    if (i == null) {
      throw new NoSuchElementException("unknown node type '" + name + "'; known: " + nodeIndex.keySet());
    }
    return nodeTypes.get(i);
  }

  /** The edge type with this relation name; throws naming the known relations when absent. */
  public EdgeType edgeType(String relation) {
    Integer i = edgeIndex.get(relation);
    if (i == null) {
      throw new NoSuchElementException("unknown relation '" + relation + "'; known: " + edgeIndex.keySet());
    }
    return edgeTypes.get(i);
  }

  /** Edge types whose source or destination is {@code type}. */
  public List<EdgeType> edgeTypesTouching(NodeType type) {
    List<EdgeType> result = new ArrayList<>();
    for (EdgeType e : edgeTypes) {
      if (e.src().equals(type) || e.dst().equals(type)) {
        result.add(e);
      }
    }
    return result;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphSchema other
        && nodeTypes.equals(other.nodeTypes)
        && edgeTypes.equals(other.edgeTypes);
  }

  @Override
  public int hashCode() {
    return nodeTypes.hashCode() * 31 + edgeTypes.hashCode();
  }

  @Override
  public String toString() {
    return "GraphSchema" + nodeTypes + edgeTypes;
  }

  /** Collects node and edge types in declaration order. */
  public static final class Builder {
    private final List<NodeType> nodeTypes = new ArrayList<>();
    private final List<EdgeType> edgeTypes = new ArrayList<>();

    public NodeType node(String name) {
      NodeType t = new NodeType(name);
      nodeTypes.add(t);
      return t;
    }

    public EdgeType edge(NodeType src, String relation, NodeType dst) {
      EdgeType e = new EdgeType(src, relation, dst);
      edgeTypes.add(e);
      return e;
    }

    public GraphSchema build() {
      return new GraphSchema(nodeTypes, edgeTypes);
    }
  }
}
