package dev.polyphony.neo4j;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which part of a Neo4j database becomes a {@link HeteroGraph}: labels as node types, relationship
 * types between them as relations, and the properties that hold ids, features, attributes, weights and
 * timestamps. All names are checked with {@link CypherNames} when the projection is built.
 *
 * @param nodes one entry per node type, in schema order
 * @param relationships one entry per relation, in schema order
 */
public record GraphProjection(List<NodeProjection> nodes, List<RelationshipProjection> relationships) {
  public GraphProjection {
    nodes = List.copyOf(nodes);
    relationships = List.copyOf(relationships);
    schemaOf(nodes, relationships);
  }

  /** The schema of the graph this projection reads. */
  public GraphSchema schema() {
    return schemaOf(nodes, relationships);
  }

  /**
   * The projection that reads back what {@link GraphImporter} wrote for {@code graph} with
   * {@code mapping}: the same node types, relations, feature columns and attributes.
   */
  public static GraphProjection of(HeteroGraph graph, GraphMapping mapping) {
    List<NodeProjection> nodes = new ArrayList<>();
    for (NodeType t : graph.schema().nodeTypes()) {
      Map<String, AttributeKind> attributes = new LinkedHashMap<>();
      for (AttributeColumn c : graph.attributes(t).columns()) {
        attributes.put(c.name(), c.kind());
      }
      List<String> columns = graph.features(t).map(f -> f.columns()).orElse(List.of());
      nodes.add(new NodeProjection(t.name(), mapping.label(t), GraphMapping.ID,
          columns.isEmpty() ? null : mapping.featuresProperty(), columns, attributes));
    }
    List<RelationshipProjection> relationships = new ArrayList<>();
    for (EdgeType e : graph.schema().edgeTypes()) {
      relationships.add(new RelationshipProjection(e.relation(), mapping.relationshipType(e), e.src().name(),
          e.dst().name(), graph.out(e).hasWeights() ? GraphMapping.WEIGHT : null,
          graph.out(e).hasTimestamps() ? GraphMapping.TIMESTAMP : null));
    }
    return new GraphProjection(nodes, relationships);
  }

  private static GraphSchema schemaOf(List<NodeProjection> nodes, List<RelationshipProjection> relationships) {
    Map<String, NodeType> types = new LinkedHashMap<>();
    for (NodeProjection n : nodes) {
      types.put(n.nodeType(), NodeType.of(n.nodeType()));
    }
    List<EdgeType> edges = new ArrayList<>();
    for (RelationshipProjection r : relationships) {
      NodeType src = types.get(r.source());
      NodeType dst = types.get(r.target());
      if (src == null || dst == null) {
        throw new IllegalArgumentException("relation '" + r.relation() + "' joins node types '" + r.source()
            + "' and '" + r.target() + "'; projected node types are " + types.keySet());
      }
      edges.add(EdgeType.of(src, r.relation(), dst));
    }
    return new GraphSchema(new ArrayList<>(types.values()), edges);
  }

  /**
   * Nodes of one label as one node type.
   *
   * @param nodeType node type name in the graph
   * @param label Neo4j label
   * @param idProperty property holding the external id (strings or integers)
   * @param featuresProperty property holding the feature list, or null for a type without features
   * @param featureColumns names of the feature columns (empty without features)
   * @param attributes attribute properties to read and their kinds, in column order
   */
  public record NodeProjection(String nodeType, String label, String idProperty, String featuresProperty,
      List<String> featureColumns, Map<String, AttributeKind> attributes) {
    public NodeProjection {
      NodeType.of(nodeType);
      CypherNames.require("label", label);
      CypherNames.require("id property", idProperty);
      featureColumns = List.copyOf(featureColumns);
      if (featuresProperty != null) {
        CypherNames.require("features property", featuresProperty);
        if (featureColumns.isEmpty()) {
          throw new IllegalArgumentException("features of '" + nodeType + "' need column names (got none)");
        }
      } else if (!featureColumns.isEmpty()) {
        throw new IllegalArgumentException("feature columns of '" + nodeType + "' need a features property");
      }
      attributes = new LinkedHashMap<>(attributes);
      for (Map.Entry<String, AttributeKind> a : attributes.entrySet()) {
        CypherNames.require("attribute property", a.getKey());
        Objects.requireNonNull(a.getValue(), "kind of attribute " + a.getKey());
      }
      attributes = Collections.unmodifiableMap(attributes);
    }

    /** Nodes of {@code label} with ids in {@code id} and nothing else. */
    public static NodeProjection of(String nodeType, String label) {
      return new NodeProjection(nodeType, label, GraphMapping.ID, null, List.of(), Map.of());
    }
  }

  /**
   * Relationships of one type between two projected labels as one relation.
   *
   * @param relation relation name in the graph
   * @param type Neo4j relationship type
   * @param source node type of the start nodes
   * @param target node type of the end nodes
   * @param weightProperty numeric property read as the edge weight, or null
   * @param timestampProperty integer property read as the edge timestamp, or null
   */
  public record RelationshipProjection(String relation, String type, String source, String target,
      String weightProperty, String timestampProperty) {
    public RelationshipProjection {
      CypherNames.require("relation", relation);
      CypherNames.require("relationship type", type);
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(target, "target");
      if (weightProperty != null) {
        CypherNames.require("weight property", weightProperty);
      }
      if (timestampProperty != null) {
        CypherNames.require("timestamp property", timestampProperty);
      }
    }

    /** Unweighted relationships of {@code type} from {@code source} to {@code target}. */
    public static RelationshipProjection of(String relation, String type, String source, String target) {
      return new RelationshipProjection(relation, type, source, target, null, null);
    }
  }
}
