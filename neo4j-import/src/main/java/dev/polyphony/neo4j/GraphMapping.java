package dev.polyphony.neo4j;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link GraphSchema} appears in Neo4j: a label per node type, a relationship type per relation,
 * and the property names Polyphony writes. Every node gets its external id in property {@code id}
 * (unique per label), its feature row, when the type has features, as one list of floats in
 * {@link #featuresProperty()}, and each attribute as a property of the attribute's name. Edge weights
 * go to relationship property {@code weight}, timestamps to {@code timestamp}.
 *
 * @param schema the graph schema
 * @param labels label per node type name
 * @param relationshipTypes relationship type per relation name
 * @param featuresProperty node property holding the feature row
 */
public record GraphMapping(GraphSchema schema, Map<String, String> labels,
    Map<String, String> relationshipTypes, String featuresProperty) {
  /** Node property holding the external id. */
  public static final String ID = "id";
  /** Relationship property holding an edge weight. */
  public static final String WEIGHT = "weight";
  /** Relationship property holding an edge timestamp, as stored in the graph. */
  public static final String TIMESTAMP = "timestamp";
  /** Default node property of feature rows. */
  public static final String DEFAULT_FEATURES = "features";

  public GraphMapping {
    Objects.requireNonNull(schema, "schema");
    labels = Map.copyOf(labels);
    relationshipTypes = Map.copyOf(relationshipTypes);
    CypherNames.require("features property", featuresProperty);
    if (featuresProperty.equals(ID)) {
      throw new IllegalArgumentException("features property must differ from '" + ID + "' (got '"
          + featuresProperty + "')");
    }
    Map<String, String> labelOwner = new HashMap<>();
    for (NodeType t : schema.nodeTypes()) {
      String label = labels.get(t.name());
      if (label == null) {
        throw new IllegalArgumentException("no label for node type '" + t + "'");
      }
      CypherNames.require("label", label);
      String other = labelOwner.putIfAbsent(label, t.name());
      if (other != null) {
        throw new IllegalArgumentException("node types '" + other + "' and '" + t + "' both map to label '"
            + label + "'");
      }
    }
    Map<String, String> typeOwner = new HashMap<>();
    for (EdgeType e : schema.edgeTypes()) {
      String type = relationshipTypes.get(e.relation());
      if (type == null) {
        throw new IllegalArgumentException("no relationship type for relation '" + e.relation() + "'");
      }
      CypherNames.require("relationship type", type);
      String other = typeOwner.putIfAbsent(type, e.relation());
      if (other != null) {
        throw new IllegalArgumentException("relations '" + other + "' and '" + e.relation()
            + "' both map to relationship type '" + type + "'");
      }
    }
  }

  /**
   * The conventional mapping: labels in upper camel case ({@code track -> Track}), relationship types in
   * upper snake case ({@code by_artist -> BY_ARTIST}), features in property {@code features}.
   */
  public static GraphMapping conventional(GraphSchema schema) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (NodeType t : schema.nodeTypes()) {
      labels.put(t.name(), CypherNames.labelOf(t.name()));
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (EdgeType e : schema.edgeTypes()) {
      types.put(e.relation(), CypherNames.relationshipTypeOf(e.relation()));
    }
    return new GraphMapping(schema, labels, types, DEFAULT_FEATURES);
  }

  public String label(NodeType type) {
    schema.indexOf(type);
    return labels.get(type.name());
  }

  public String relationshipType(EdgeType type) {
    schema.indexOf(type);
    return relationshipTypes.get(type.relation());
  }

  /** The label back-quoted for Cypher text. */
  public String quotedLabel(NodeType type) {
    return CypherNames.quote("label", label(type));
  }

  /** The relationship type back-quoted for Cypher text. */
  public String quotedRelationshipType(EdgeType type) {
    return CypherNames.quote("relationship type", relationshipType(type));
  }
}
