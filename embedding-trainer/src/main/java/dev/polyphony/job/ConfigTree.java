package dev.polyphony.job;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The layered settings of a training job as one JSON tree that remembers, for every key, the layer (file and
 * line, or {@code --set} override) that set it last, so a problem found after merging still names its origin.
 *
 * <p>Layers merge key by key: maps merge recursively, anything else (numbers, text, lists) replaces the
 * value underneath.
 */
final class ConfigTree {
  static final String OVERRIDE_PREFIX = "--set ";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ObjectNode root;
  /** Origin of the value at each path ({@code a.b}, {@code a.list[2]}); the root is {@code ""}. */
  private final Map<String, ConfigOrigin> origins;

  private ConfigTree(ObjectNode root, Map<String, ConfigOrigin> origins) {
    this.root = root;
    this.origins = origins;
  }

  /** An empty tree. */
  static ConfigTree empty() {
    return new ConfigTree(JsonNodeFactory.instance.objectNode(), new HashMap<>());
  }

  /**
   * Parses {@code text}, YAML (a superset of JSON) unless {@code json}, named {@code source} in messages. Blank
   * text (or only comments) is an empty layer; anything else must be a map at the top level.
   *
   * @throws JobConfigException naming {@code source} and the line when the text is not valid or not a map
   */
  static ConfigTree parse(String text, String source, boolean json) {
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    Map<String, ConfigOrigin> origins = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new ConfigTree(JsonNodeFactory.instance.objectNode(), origins);
      }
      JsonNode node = read(parser, "", source, origins);
      if (!(node instanceof ObjectNode object)) {
        throw JobConfigException.unreadable(new ConfigOrigin(source, 1),
            "the top level must be a map of sections (got " + describe(node) + ")", null);
      }
      if (parser.nextToken() != null) {
        throw JobConfigException.unreadable(new ConfigOrigin(source, line(parser)),
            "more than one document; a job file holds one map of sections", null);
      }
      return new ConfigTree(object, origins);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().replaceAll("\\s+", " ").trim();
      throw JobConfigException.unreadable(new ConfigOrigin(source, line),
          "not valid " + (json ? "JSON" : "YAML") + " (" + message + ")", e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode read(JsonParser parser, String path, String source, Map<String, ConfigOrigin> origins)
      throws IOException {
    origins.put(path, new ConfigOrigin(source, line(parser)));
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        int keyLine = line(parser);
        String child = join(path, name);
        if (object.has(name)) {
          throw JobConfigException.unreadable(new ConfigOrigin(source, keyLine), child + ": given twice", null);
        }
        parser.nextToken();
        object.set(name, read(parser, child, source, origins));
        origins.put(child, new ConfigOrigin(source, keyLine));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(parser, path + "[" + array.size() + "]", source, origins));
      }
      return array;
    }
    JsonNode scalar = YAML.readTree(parser);
    return scalar == null ? NullNode.getInstance() : scalar;
  }

  private static int line(JsonParser parser) {
    int line = parser.currentTokenLocation().getLineNr();
    return Math.max(0, line);
  }

  /**
   * Sets the value of an override {@code path=value}: the path is dotted keys ({@code training.epochs}), the
   * value is read as YAML ({@code 3}, {@code cosine}, {@code [content, engagement]}, {@code {content: 2}});
   * nothing after {@code =} means null.
   *
   * @throws JobConfigException naming the override when it is not of the form {@code path=value}
   */
  void set(String assignment) {
    ConfigOrigin origin = new ConfigOrigin(OVERRIDE_PREFIX + assignment, 0);
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw JobConfigException.unreadable(origin, "expected KEY=VALUE with a dotted KEY such as training.epochs=3",
          null);
    }
    String path = assignment.substring(0, eq).trim();
    String[] keys = path.split("\\.", -1);
    for (String key : keys) {
      if (key.isBlank()) {
        throw JobConfigException.unreadable(origin, "the key '" + path + "' has an empty part", null);
      }
    }
    String text = assignment.substring(eq + 1).trim();
    JsonNode value;
    try {
      JsonNode parsed = text.isEmpty() ? null : YAML.readTree(text);
      value = parsed == null || parsed.isMissingNode() ? NullNode.getInstance() : parsed;
    } catch (JsonProcessingException e) {
      throw JobConfigException.unreadable(origin, "the value is not valid YAML ("
          + String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim() + ")", e);
    }
    ObjectNode parent = root;
    String at = "";
    for (int i = 0; i < keys.length - 1; i++) {
      at = join(at, keys[i]);
      JsonNode next = parent.get(keys[i]);
      if (!(next instanceof ObjectNode)) {
        next = JsonNodeFactory.instance.objectNode();
        parent.set(keys[i], next);
        forget(at);
        origins.put(at, origin);
      }
      parent = (ObjectNode) next;
    }
    String leaf = keys[keys.length - 1];
    forget(path);
    parent.set(leaf, value);
    remember(path, value, origin);
  }

  /** Merges {@code layer} over this tree; the layer's values and their origins win. */
  void merge(ConfigTree layer) {
    merge(root, layer.root, "", layer);
  }

  private void merge(ObjectNode base, ObjectNode top, String path, ConfigTree layer) {
    Iterator<Map.Entry<String, JsonNode>> fields = top.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String child = join(path, e.getKey());
      JsonNode old = base.get(e.getKey());
      if (old instanceof ObjectNode oldObject && e.getValue() instanceof ObjectNode newObject) {
        merge(oldObject, newObject, child, layer);
        origins.put(child, layer.origins.getOrDefault(child, origins.get(child)));
      } else {
        forget(child);
        base.set(e.getKey(), e.getValue().deepCopy());
        layer.origins.forEach((p, o) -> {
          if (p.equals(child) || isBelow(p, child)) {
            origins.put(p, o);
          }
        });
      }
    }
  }

  private void remember(String path, JsonNode value, ConfigOrigin origin) {
    origins.put(path, origin);
    if (value instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> remember(join(path, e.getKey()), e.getValue(), origin));
    } else if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        remember(path + "[" + i + "]", array.get(i), origin);
      }
    }
  }

  /** Drops the origins of {@code path} and everything below it. */
  private void forget(String path) {
    origins.keySet().removeIf(p -> p.equals(path) || isBelow(p, path));
  }

  private static boolean isBelow(String p, String ancestor) {
    return p.startsWith(ancestor) && p.length() > ancestor.length()
        && (p.charAt(ancestor.length()) == '.' || p.charAt(ancestor.length()) == '[');
  }

  /** The merged tree (live). */
  ObjectNode root() {
    return root;
  }

  /** The value at a dotted path with optional {@code [i]} indexes, or {@code null} when absent. */
  JsonNode at(String path) {
    JsonNode node = root;
    if (path.isEmpty()) {
      return node;
    }
    for (String part : path.split("\\.")) {
      String key = part;
      int bracket = key.indexOf('[');
      String indexes = bracket < 0 ? "" : key.substring(bracket);
      key = bracket < 0 ? key : key.substring(0, bracket);
      node = node == null ? null : node.get(key);
      while (node != null && indexes.startsWith("[")) {
        int close = indexes.indexOf(']');
        node = node.get(Integer.parseInt(indexes.substring(1, close)));
        indexes = indexes.substring(close + 1);
      }
    }
    return node;
  }

  /** The origin of the value at {@code path}, or of its closest ancestor that has one; {@code null} if none. */
  ConfigOrigin originOf(String path) {
    String p = path;
    while (true) {
      ConfigOrigin origin = origins.get(p);
      if (origin != null) {
        return origin;
      }
      if (p.isEmpty()) {
        return null;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }

  /** A short description of a value for messages: text quoted, numbers as written, maps and lists by kind. */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "'" + node.asText() + "'";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    return node.toString();
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
