package dev.polyphony.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable heterogeneous catalog graph: per node type an {@link IdMap}, optional
 * {@link NodeFeatures} and {@link NodeAttributes}; per edge type one {@link CsrAdjacency} in each
 * direction. Node ids are dense ints per node type. Build with {@link HeteroGraphBuilder}.
 */
public final class HeteroGraph {
  private final GraphSchema schema;
  private final IdMap[] idMaps;
  private final NodeFeatures[] features;
  private final NodeAttributes[] attributes;
  private final CsrAdjacency[] out;
  private final CsrAdjacency[] in;

  /**
   * Assembles a graph from parts indexed like the schema's node and edge types; checks that the parts
   * agree with each other. {@code features} entries may be null.
   */
  public HeteroGraph(GraphSchema schema, IdMap[] idMaps, NodeFeatures[] features,
      NodeAttributes[] attributes, CsrAdjacency[] out, CsrAdjacency[] in) {
    this.schema = Objects.requireNonNull(schema, "schema");
    int nt = schema.nodeTypeCount();
    int et = schema.edgeTypeCount();
    if (idMaps.length != nt || features.length != nt || attributes.length != nt
        || out.length != et || in.length != et) {
      throw new IllegalArgumentException("graph parts do not match the schema's type counts");
    }
    for (int t = 0; t < nt; t++) {
      int n = idMaps[t].size();
      String type = schema.nodeTypes().get(t).name();
      if (features[t] != null && features[t].rows() != n) {
        throw new IllegalArgumentException("features of '" + type + "' have " + features[t].rows()
            + " rows for " + n + " nodes");
      }
      if (attributes[t].rows() != n) {
        throw new IllegalArgumentException("attributes of '" + type + "' have " + attributes[t].rows()
            + " rows for " + n + " nodes");
      }
    }
    for (int e = 0; e < et; e++) {
      EdgeType type = schema.edgeTypes().get(e);
      int ns = idMaps[schema.indexOf(type.src())].size();
      int nd = idMaps[schema.indexOf(type.dst())].size();
      if (out[e].rowCount() != ns || out[e].targetCount() != nd
          || in[e].rowCount() != nd || in[e].targetCount() != ns
          || out[e].edgeCount() != in[e].edgeCount()) {
        throw new IllegalArgumentException("adjacency of " + type + " does not match its node counts");
      }
    }
    this.idMaps = idMaps.clone();
    this.features = features.clone();
    this.attributes = attributes.clone();
    this.out = out.clone();
    this.in = in.clone();
  }

  public GraphSchema schema() {
    return schema;
  }

  public int nodeCount(NodeType type) {
    return idMaps[schema.indexOf(type)].size();
  }

  public long nodeCount() {
    long n = 0;
    for (IdMap m : idMaps) {
      n += m.size();
    }
    return n;
  }

  /** Number of distinct edges of one type (each stored once per direction). */
  public int edgeCount(EdgeType type) {
    return out[schema.indexOf(type)].edgeCount();
  }

  public long edgeCount() {
    long m = 0;
    for (CsrAdjacency a : out) {
      m += a.edgeCount();
    }
    return m;
  }

  public IdMap ids(NodeType type) {
    return idMaps[schema.indexOf(type)];
  }

  /** Edges of {@code type} followed from source to destination: rows are source nodes. */
  public CsrAdjacency out(EdgeType type) {
    return out[schema.indexOf(type)];
  }

  /** Edges of {@code type} followed from destination back to source: rows are destination nodes. */
  public CsrAdjacency in(EdgeType type) {
    return in[schema.indexOf(type)];
  }

  public Optional<NodeFeatures> features(NodeType type) {
    return Optional.ofNullable(features[schema.indexOf(type)]);
  }

  public NodeAttributes attributes(NodeType type) {
    return attributes[schema.indexOf(type)];
  }

  /** Bytes held by the graph, by part (adjacency, features, attributes, id maps). */
  public Map<String, Long> bytesByPart() {
    long adjacency = 0;
    for (int e = 0; e < out.length; e++) {
      adjacency += out[e].bytes() + in[e].bytes();
    }
    long feat = 0;
    long attr = 0;
    long ids = 0;
    for (int t = 0; t < idMaps.length; t++) {
      feat += features[t] == null ? 0 : features[t].bytes();
      attr += attributes[t].bytes();
      ids += idMaps[t].bytes();
    }
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("adjacency", adjacency);
    parts.put("features", feat);
    parts.put("attributes", attr);
    parts.put("ids", ids);
    return parts;
  }

  /** Total bytes held by the graph (see {@link #bytesByPart()}). */
  public long bytes() {
    return bytesByPart().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Structural equality: same schema, ids, features, attributes and adjacency. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HeteroGraph other) || !schema.equals(other.schema)) {
      return false;
    }
    for (int t = 0; t < idMaps.length; t++) {
      if (!idMaps[t].equals(other.idMaps[t]) || !Objects.equals(features[t], other.features[t])
          || !attributes[t].equals(other.attributes[t])) {
        return false;
      }
    }
    for (int e = 0; e < out.length; e++) {
      if (!out[e].equals(other.out[e]) || !in[e].equals(other.in[e])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return schema.hashCode() * 31 + Long.hashCode(edgeCount());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("HeteroGraph{");
    for (NodeType t : schema.nodeTypes()) {
      sb.append(t).append('=').append(nodeCount(t)).append(", ");
    }
    for (EdgeType e : schema.edgeTypes()) {
      sb.append(e.relation()).append('=').append(edgeCount(e)).append(", ");
    }
    sb.setLength(sb.length() - 2);
    return sb.append('}').toString();
  }
}
