package dev.polyphony.neo4j;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polyphony.graph.AttributeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link GraphProjection} from a YAML ({@code .yaml}, {@code .yml}) or JSON file:
 *
 * <pre>
 * nodes:
 *   - type: track                # node type in the graph
 *     label: Track               # Neo4j label
 *     id: id                     # id property (default: id)
 *     features: features         # optional list-of-floats property ...
 *     featureColumns: [energy, tempo]   # ... and its column names
 *     attributes: {popularity: int, release_date: date}   # int, float, string or date
 *   - type: playlist
 *     label: Playlist
 * relationships:
 *   - relation: contains
 *     type: CONTAINS
 *     source: playlist
 *     target: track
 *     weight: weight             # optional numeric property
 *     timestamp: timestamp       # optional integer property
 * </pre>
 *
 * A problem is an {@link IllegalArgumentException} naming the file and the key ({@code nodes[1].label}).
 */
public final class GraphProjectionFile {
  private static final Set<String> NODE_KEYS = Set.of("type", "label", "id", "features", "featureColumns",
      "attributes");
  private static final Set<String> RELATIONSHIP_KEYS = Set.of("relation", "type", "source", "target", "weight",
      "timestamp");

  private GraphProjectionFile() {}

  /** Reads and validates a projection file. */
  public static GraphProjection load(Path file) throws IOException {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    JsonFactory factory = name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLFactory()
        : name.endsWith(".json") ? new JsonFactory() : null;
    if (factory == null) {
      throw new IllegalArgumentException("projection file " + file + ": the name must end in .yaml, .yml or .json");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(factory).readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("projection file " + file + ": " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("projection file " + file + ": expected 'nodes' and 'relationships'");
    }
    String at = "";
    try {
      checkKeys(root, Set.of("nodes", "relationships"), "");
      List<GraphProjection.NodeProjection> nodes = new ArrayList<>();
      JsonNode ns = list(root, "nodes", true);
      for (int i = 0; i < ns.size(); i++) {
        at = "nodes[" + i + "]";
        nodes.add(node(ns.get(i), at));
      }
      List<GraphProjection.RelationshipProjection> relationships = new ArrayList<>();
      JsonNode rs = list(root, "relationships", false);
      for (int i = 0; rs != null && i < rs.size(); i++) {
        at = "relationships[" + i + "]";
        relationships.add(relationship(rs.get(i), at));
      }
      at = "";
      return new GraphProjection(nodes, relationships);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("projection file " + file + ": " + (at.isEmpty() ? "" : at + ": ")
          + e.getMessage(), e);
    }
  }

  private static GraphProjection.NodeProjection node(JsonNode n, String at) {
    requireObject(n, at);
    checkKeys(n, NODE_KEYS, at);
    List<String> columns = new ArrayList<>();
    JsonNode cs = n.get("featureColumns");
    if (cs != null) {
      if (!cs.isArray()) {
        throw new IllegalArgumentException("'featureColumns' must be a list of names");
      }
      cs.forEach(c -> columns.add(c.asText()));
    }
    Map<String, AttributeKind> attributes = new LinkedHashMap<>();
    JsonNode as = n.get("attributes");
    if (as != null) {
      if (!as.isObject()) {
        throw new IllegalArgumentException("'attributes' must map property names to int, float, string or date");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = as.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> a = it.next();
        try {
          attributes.put(a.getKey(), AttributeKind.valueOf(a.getValue().asText().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("attribute '" + a.getKey() + "' must be int, float, string or date "
              + "(got '" + a.getValue().asText() + "')");
        }
      }
    }
    String id = text(n, "id", false);
    return new GraphProjection.NodeProjection(text(n, "type", true), text(n, "label", true),
        id == null ? GraphMapping.ID : id, text(n, "features", false), columns, attributes);
  }

  private static GraphProjection.RelationshipProjection relationship(JsonNode r, String at) {
    requireObject(r, at);
    checkKeys(r, RELATIONSHIP_KEYS, at);
    return new GraphProjection.RelationshipProjection(text(r, "relation", true), text(r, "type", true),
        text(r, "source", true), text(r, "target", true), text(r, "weight", false), text(r, "timestamp", false));
  }

  private static JsonNode list(JsonNode root, String key, boolean required) {
    JsonNode n = root.get(key);
    if (n == null || n.isNull()) {
      if (required) {
        throw new IllegalArgumentException("'" + key + "' is missing");
      }
      return null;
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException("'" + key + "' must be a list");
    }
    return n;
  }

  private static String text(JsonNode n, String key, boolean required) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException("'" + key + "' is missing");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("'" + key + "' must be a name (got " + v + ")");
    }
    return v.asText();
  }

  private static void requireObject(JsonNode n, String at) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("expected keys (got " + n + ")");
    }
  }

  private static void checkKeys(JsonNode n, Set<String> allowed, String at) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "' (expected one of " + new java.util.TreeSet<>(
            allowed) + ")");
      }
    }
  }
}
