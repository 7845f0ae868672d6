package dev.polyphony.graph.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.NodeType;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A schema file for {@link GenericReader}: which delimited files hold the nodes and edges of a graph
 * and how their columns map to node ids, features, attributes, edge ends, weights and timestamps. Written
 * in YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}); docs/input-formats/generic-schema.md
 * describes every key.
 *
 * <p>The first node source of a node type defines its nodes; later sources of the same type only add
 * features or attributes to those nodes. A node type that no node source names gets its nodes from the
 * edge ends that mention it. All records validate themselves; {@link #load} reports a bad key with the
 * schema file, its line and the key's path, e.g. {@code nodes[1].sparseFeatures: 'dimension' must be > 0
 * (got 0)}.
 *
 * @param nodes node sources in reading order
 * @param edges edge sources in reading order
 */
public record GenericSchemaFile(List<NodeSource> nodes, List<EdgeSource> edges) {
  public GenericSchemaFile {
    nodes = listOf(nodes, "nodes");
    edges = listOf(edges, "edges");
    if (nodes.isEmpty() && edges.isEmpty()) {
      throw new IllegalArgumentException("the schema declares neither 'nodes' nor 'edges'");
    }
    requireUniqueNodeColumns(nodes);
    requireAgreeingRelations(edges);
  }

  /** Reads and validates a schema file; any problem is an {@link IngestException} naming the file. */
  public static GenericSchemaFile load(Path file) throws IOException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    JsonFactory factory;
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      factory = new YAMLFactory();
    } else if (name.endsWith(".json")) {
      factory = new JsonFactory();
    } else {
      throw new IngestException("schema file " + file + ": the name must end in .yaml, .yml or .json");
    }
    ObjectMapper mapper = JsonMapper.builder(factory)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IngestException("schema file " + file + " not found", e);
    }
    GenericSchemaFile schema;
    try {
      schema = text.isBlank() ? null : mapper.readValue(text, GenericSchemaFile.class);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
        throw syntaxError(file, factory, syntax);
      }
      // Errors across sources are raised once the whole document is read, where the line says nothing.
      String key = keyPath(e);
      throw new IngestException("schema file " + file + (key.isEmpty() ? "" : lineOf(e.getLocation())) + ": "
          + key + explain(e), e);
    } catch (JsonProcessingException e) {
      throw syntaxError(file, factory, e);
    }
    if (schema == null) {
      throw new IngestException("schema file " + file + " is empty");
    }
    return schema;
  }

  /** Node types in order of first mention (node sources, then edge ends) and relations likewise. */
  public GraphSchema graphSchema() {
    Set<String> types = new LinkedHashSet<>();
    for (NodeSource n : nodes) {
      types.add(n.type());
    }
    for (EdgeSource e : edges) {
      types.add(e.src().type());
      types.add(e.dst().type());
    }
    Map<String, EdgeType> relations = new LinkedHashMap<>();
    for (EdgeSource e : edges) {
      relations.putIfAbsent(e.relation(), e.edgeType());
    }
    return new GraphSchema(types.stream().map(NodeType::new).toList(), List.copyOf(relations.values()));
  }

  /** The node sources of {@code type} in reading order; the first defines the nodes. */
  public List<NodeSource> nodeSourcesOf(String type) {
    return nodes.stream().filter(n -> n.type().equals(type)).toList();
  }

  /** The edge sources of {@code relation} in reading order (they agree on types, weights and direction). */
  public List<EdgeSource> edgeSourcesOf(String relation) {
    return edges.stream().filter(e -> e.relation().equals(relation)).toList();
  }

  /** Whether {@code relation} was declared undirected. */
  public boolean isUndirected(String relation) {
    return edges.stream().anyMatch(e -> e.relation().equals(relation) && e.undirected());
  }

  /** How columns are separated. Comma-separated fields may be quoted; tab-separated fields are not. */
  public enum Delimiter {
    TAB('\t', false),
    COMMA(',', true);

    private final char character;
    private final boolean quoted;

    Delimiter(char character, boolean quoted) {
      this.character = character;
      this.quoted = quoted;
    }

    public char character() {
      return character;
    }

    public boolean quoted() {
      return quoted;
    }
  }

  /** How a timestamp column is written. */
  public enum TimestampFormat {
    /** Milliseconds since 1970-01-01T00:00Z, a whole number. */
    EPOCH_MILLIS,
    /** An ISO-8601 date {@code yyyy-MM-dd}, taken as UTC midnight. */
    ISO_DATE
  }

  /**
   * One delimited file.
   *
   * @param path the file, relative to the directory given to {@link GenericReader#read} unless absolute
   * @param delimiter {@code tab} (default) or {@code comma}
   * @param header whether the first line names the columns (default true)
   * @param comment lines starting with this prefix are skipped (default: none)
   * @param columns the column names of a headerless file, in order (only with {@code header: false})
   * @param encoding the charset (default UTF-8)
   */
  public record TableFile(String path, Delimiter delimiter, Boolean header, String comment,
      List<String> columns, String encoding) {
    public TableFile {
      requireText(path, "path");
      delimiter = delimiter == null ? Delimiter.TAB : delimiter;
      header = header == null ? Boolean.TRUE : header;
      if (comment != null && comment.isEmpty()) {
        throw new IllegalArgumentException("'comment' must be a non-empty prefix such as '#' (got '')");
      }
      if (header && columns != null) {
        throw new IllegalArgumentException("'columns' names the columns of a headerless file, but 'header' is true");
      }
      if (!header) {
        if (columns == null || columns.isEmpty()) {
          throw new IllegalArgumentException("a file with 'header: false' needs 'columns' naming its columns");
        }
        columns = listOf(columns, "columns");
        requireUnique(columns, "columns");
      }
      encoding = encoding == null ? StandardCharsets.UTF_8.name() : encoding;
      try {
        if (!Charset.isSupported(encoding)) {
          throw new IllegalArgumentException("'encoding' is not a known charset (got '" + encoding + "')");
        }
      } catch (IllegalCharsetNameException e) {
        throw new IllegalArgumentException("'encoding' is not a charset name (got '" + encoding + "')");
      }
    }

    public DelimitedFormat format() {
      return new DelimitedFormat(delimiter.character(), delimiter.quoted(), comment, Charset.forName(encoding));
    }

    /** Opens the file, with {@code path} resolved against {@code baseDirectory}. */
    public DelimitedFileReader open(Path baseDirectory) throws IOException {
      Path file = baseDirectory.resolve(path);
      return header
          ? DelimitedFileReader.openWithHeader(file, path, format())
          : DelimitedFileReader.openWithColumns(file, path, format(), columns);
    }

    /** Fails when a headerless file does not declare {@code column}; a header is checked when read. */
    void requireColumn(String column, String key) {
      if (!header && !columns.contains(column)) {
        throw new IllegalArgumentException("'" + key + "' names column '" + column + "', which is not in 'columns' "
            + columns);
      }
    }
  }

  /**
   * Sparse binary features: one column holding the space-separated indices of the features that are 1,
   * as in Cora's bag of words. The features are named {@code <column>_<index>}.
   *
   * @param column the column holding the index list
   * @param dimension the number of features; indices lie in {@code 0..dimension-1}
   */
  public record SparseFeatures(String column, Integer dimension) {
    public SparseFeatures {
      requireText(column, "column");
      if (dimension == null) {
        throw new IllegalArgumentException("'dimension' is required");
      }
      if (dimension <= 0) {
        throw new IllegalArgumentException("'dimension' must be > 0 (got " + dimension + ")");
      }
    }

    public List<String> featureNames() {
      List<String> names = new ArrayList<>(dimension);
      for (int i = 0; i < dimension; i++) {
        names.add(column + "_" + i);
      }
      return names;
    }
  }

  /**
   * A typed node attribute taken from one column; an empty cell leaves the attribute null.
   *
   * @param column the column
   * @param kind {@code int}, {@code float}, {@code string} or {@code date} (ISO {@code yyyy-MM-dd})
   * @param name the attribute name (default: the column name)
   */
  public record AttributeSource(String column, AttributeKind kind, String name) {
    public AttributeSource {
      requireText(column, "column");
      if (kind == null) {
        throw new IllegalArgumentException("'kind' is required (int, float, string or date)");
      }
      name = name == null ? column : name;
      requireText(name, "name");
    }
  }

  /**
   * One file of nodes of one type.
   *
   * @param type the node type
   * @param file the file
   * @param id the column holding the node id
   * @param features columns of dense numeric features, in order (may be empty)
   * @param sparseFeatures a column of sparse binary features, or null
   * @param attributes typed attribute columns (may be empty)
   */
  public record NodeSource(String type, TableFile file, String id, List<String> features,
      SparseFeatures sparseFeatures, List<AttributeSource> attributes) {
    public NodeSource {
      requireNodeType(type, "type");
      requirePresent(file, "file");
      requireText(id, "id");
      features = features == null ? List.of() : listOf(features, "features");
      requireUnique(features, "features");
      attributes = attributes == null ? List.of() : listOf(attributes, "attributes");
      requireUnique(attributes.stream().map(AttributeSource::name).toList(), "attributes' names");
      file.requireColumn(id, "id");
      for (String f : features) {
        file.requireColumn(f, "features");
      }
      if (sparseFeatures != null) {
        file.requireColumn(sparseFeatures.column(), "sparseFeatures.column");
      }
      for (AttributeSource a : attributes) {
        file.requireColumn(a.column(), "attributes.column");
      }
    }

    /** The names of this source's features: dense columns first, then the sparse block. */
    public List<String> featureNames() {
      List<String> names = new ArrayList<>(features);
      if (sparseFeatures != null) {
        names.addAll(sparseFeatures.featureNames());
      }
      return names;
    }

    public boolean hasFeatures() {
      return !features.isEmpty() || sparseFeatures != null;
    }
  }

  /**
   * One end of an edge: its node type and the column holding the node id.
   */
  public record EdgeEnd(String type, String column) {
    public EdgeEnd {
      requireNodeType(type, "type");
      requireText(column, "column");
    }
  }

  /**
   * One file of edges of one relation {@code (src)-[relation]->(dst)}.
   *
   * @param relation the relation name
   * @param file the file
   * @param src the source end
   * @param dst the destination end
   * @param weight the column of positive edge weights, or null for unweighted edges
   * @param timestamp the column of edge timestamps, or null
   * @param timestampFormat how {@code timestamp} is written (default {@code epoch_millis})
   * @param undirected whether the relation has no direction (default false). Such an edge is still stored
   *     once per row; both directions are available through {@code out} and {@code in}. When both ends have
   *     one node type, the smaller node index becomes the source, so a pair listed in both orders merges.
   */
  public record EdgeSource(String relation, TableFile file, EdgeEnd src, EdgeEnd dst, String weight,
      String timestamp, TimestampFormat timestampFormat, Boolean undirected) {
    public EdgeSource {
      requireText(relation, "relation");
      try {
        new EdgeType(new NodeType("x"), relation, new NodeType("x"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("'relation': " + e.getMessage());
      }
      requirePresent(file, "file");
      requirePresent(src, "src");
      requirePresent(dst, "dst");
      file.requireColumn(src.column(), "src.column");
      file.requireColumn(dst.column(), "dst.column");
      if (weight != null) {
        requireText(weight, "weight");
        file.requireColumn(weight, "weight");
      }
      if (timestamp != null) {
        requireText(timestamp, "timestamp");
        file.requireColumn(timestamp, "timestamp");
        timestampFormat = timestampFormat == null ? TimestampFormat.EPOCH_MILLIS : timestampFormat;
      } else if (timestampFormat != null) {
        throw new IllegalArgumentException("'timestampFormat' is set but 'timestamp' names no column");
      }
      undirected = undirected != null && undirected;
    }

    public EdgeType edgeType() {
      return new EdgeType(new NodeType(src.type()), relation, new NodeType(dst.type()));
    }

    public boolean weighted() {
      return weight != null;
    }

    public boolean timestamped() {
      return timestamp != null;
    }
  }

  private static void requireUniqueNodeColumns(List<NodeSource> nodes) {
    Map<String, String> attributeOwner = new HashMap<>();
    Map<String, String> featureOwner = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      NodeSource n = nodes.get(i);
      for (int a = 0; a < n.attributes().size(); a++) {
        String key = n.type() + "." + n.attributes().get(a).name();
        String owner = attributeOwner.putIfAbsent(key, "nodes[" + i + "]");
        if (owner != null) {
          throw new IllegalArgumentException("nodes[" + i + "].attributes[" + a + "]: attribute '"
              + n.attributes().get(a).name() + "' of node type '" + n.type() + "' is already declared by " + owner);
        }
      }
      for (String f : n.featureNames()) {
        String owner = featureOwner.putIfAbsent(n.type() + "." + f, "nodes[" + i + "]");
        if (owner != null) {
          throw new IllegalArgumentException("nodes[" + i + "]: feature '" + f + "' of node type '" + n.type()
              + "' is already declared by " + owner);
        }
      }
    }
  }

  private static void requireAgreeingRelations(List<EdgeSource> edges) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < edges.size(); i++) {
      EdgeSource e = edges.get(i);
      Integer f = first.putIfAbsent(e.relation(), i);
      if (f == null) {
        continue;
      }
      EdgeSource o = edges.get(f);
      if (!o.edgeType().equals(e.edgeType()) || o.weighted() != e.weighted()
          || o.timestamped() != e.timestamped() || !o.undirected().equals(e.undirected())) {
        throw new IllegalArgumentException("edges[" + i + "]: relation '" + e.relation() + "' is declared by edges["
            + f + "] as " + describe(o) + " but here as " + describe(e) + "; every file of a relation must agree");
      }
    }
  }

  private static String describe(EdgeSource e) {
    return e.edgeType() + (e.weighted() ? " weighted" : " unweighted")
        + (e.timestamped() ? " timestamped" : "") + (e.undirected() ? " undirected" : " directed");
  }

  private static <T> List<T> listOf(List<T> list, String key) {
    if (list == null) {
      return List.of();
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new IllegalArgumentException("'" + key + "' entry " + i + " is empty");
      }
    }
    return List.copyOf(list);
  }

  private static void requireUnique(List<String> values, String key) {
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      if (!seen.add(v)) {
        throw new IllegalArgumentException("'" + key + "' lists '" + v + "' twice");
      }
    }
  }

  private static void requireText(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
  }

  private static void requirePresent(Object value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
  }

  private static void requireNodeType(String type, String key) {
    requireText(type, key);
    try {
      new NodeType(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + key + "': " + e.getMessage());
    }
  }

  private static IngestException syntaxError(Path file, JsonFactory factory, JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().replaceAll("\\s+", " ").trim();
    return new IngestException("schema file " + file + lineOf(e.getLocation()) + ": not valid "
        + (factory instanceof YAMLFactory ? "YAML" : "JSON") + " (" + message + ")", e);
  }

  private static String lineOf(JsonLocation location) {
    return location == null || location.getLineNr() <= 0 ? "" : " (line " + location.getLineNr() + ")";
  }

  private static String keyPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "" : path + ": ";
  }

  private static String explain(JsonMappingException e) {
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return e.getCause().getMessage();
    }
    if (e instanceof UnrecognizedPropertyException u) {
      Set<String> known = new TreeSet<>();
      u.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
      return "unknown key '" + u.getPropertyName() + "' (known: " + known + ")";
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return "'" + f.getValue() + "' is not one of " + Arrays.stream(f.getTargetType().getEnumConstants())
          .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList();
    }
    return e.getOriginalMessage();
  }
}
