package dev.polyphony.neo4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Creates, finds and queries Neo4j vector indexes (Neo4j 5.11 and later; HNSW inside Lucene). Names
 * go into statements only after {@link CypherNames} checked them; vectors, ids and sizes are parameters.
 */
public final class VectorIndexes {
  private static final String SHOW = "SHOW VECTOR INDEXES YIELD name, entityType, labelsOrTypes, properties, "
      + "options, state ";

  private final Neo4jTarget target;

  public VectorIndexes(Neo4jTarget target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Makes sure a vector index as {@code spec} describes exists and waits until it is online. An existing
   * index on the same label and property is used when its dimension and similarity agree (whatever its
   * name), and refused otherwise, since Neo4j keeps one vector index per label and property.
   *
   * @return the index in use
   * @throws IllegalStateException when a conflicting index exists, or the index fails or is not online
   *     within {@code timeout}
   */
  public VectorIndexSpec ensure(VectorIndexSpec spec, Duration timeout) {
    Objects.requireNonNull(spec, "spec");
    long seconds = Math.max(1, timeout.toSeconds());
    try (Session s = target.session()) {
      VectorIndexSpec inUse = find(s, spec.label(), spec.property()).orElse(null);
      if (inUse == null) {
        Optional<String> taken = describeIndex(s, spec.name());
        if (taken.isPresent()) {
          throw new IllegalStateException("index name '" + spec.name() + "' is taken by " + taken.get());
        }
        s.run("CREATE VECTOR INDEX " + CypherNames.quote("index name", spec.name()) + " IF NOT EXISTS FOR (n:"
            + CypherNames.quote("label", spec.label()) + ") ON (n." + CypherNames.quote("property", spec.property())
            + ") OPTIONS {indexConfig: {`vector.dimensions`: " + spec.dimension()
            + ", `vector.similarity_function`: '" + spec.similarity().label() + "'"
            + ", `vector.quantization.enabled`: " + spec.quantized() + "}}").consume();
        inUse = spec;
      } else if (inUse.dimension() != spec.dimension() || inUse.similarity() != spec.similarity()
          || inUse.quantized() != spec.quantized()) {
        throw new IllegalStateException("vector index '" + inUse.name() + "' on :" + spec.label() + "("
            + spec.property() + ") has " + shape(inUse) + ", but " + shape(spec) + " is needed; drop it first "
            + "(DROP INDEX " + inUse.name() + ")");
      }
      s.run("CALL db.awaitIndex($name, $seconds)", Map.of("name", inUse.name(), "seconds", seconds)).consume();
      String state = s.run(SHOW + "WHERE name = $name RETURN state", Map.of("name", inUse.name())).single()
          .get(0).asString();
      if (!state.equals("ONLINE")) {
        throw new IllegalStateException("vector index '" + inUse.name() + "' is " + state + ", not ONLINE");
      }
      return inUse;
    }
  }

  private static String shape(VectorIndexSpec spec) {
    return "dimension " + spec.dimension() + ", " + spec.similarity().label() + " similarity"
        + (spec.quantized() ? ", quantised" : ", not quantised");
  }

  /** The vector index on {@code label}'s {@code property}, if there is one. */
  public Optional<VectorIndexSpec> find(String label, String property) {
    try (Session s = target.session()) {
      return find(s, label, property);
    }
  }

  private static Optional<VectorIndexSpec> find(Session s, String label, String property) {
    List<Record> rows = s.run(SHOW + "WHERE entityType = 'NODE' AND labelsOrTypes = [$label] "
        + "AND properties = [$property] RETURN name, options", Map.of("label", CypherNames.require("label", label),
        "property", CypherNames.require("property", property))).list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Record r = rows.get(0);
    Value config = r.get("options").get("indexConfig");
    Value quantization = config.get("vector.quantization.enabled");
    return Optional.of(new VectorIndexSpec(r.get("name").asString(), label, property,
        config.get("vector.dimensions").asInt(),
        VectorSimilarity.fromLabel(config.get("vector.similarity_function").asString()),
        !quantization.isNull() && quantization.asBoolean()));
  }

  private static Optional<String> describeIndex(Session s, String name) {
    List<Record> rows = s.run("SHOW INDEXES YIELD name, type, labelsOrTypes, properties WHERE name = $name "
        + "RETURN type, labelsOrTypes, properties", Map.of("name", name)).list();
    return rows.stream().findFirst().map(r -> "a " + r.get("type").asString() + " index on "
        + r.get("labelsOrTypes").asList() + r.get("properties").asList());
  }

  /**
   * The {@code k} nodes of the index nearest to {@code vector}, nearest first, searching with
   * {@code k} candidates; see {@link #query(String, float[], int, int)}.
   */
  public List<VectorMatch> query(String indexName, float[] vector, int k) {
    return query(indexName, vector, k, k);
  }

  /**
   * The {@code k} nodes of the index nearest to {@code vector}, nearest first. The index searches for
   * {@code candidates} (>= k) nodes and the best {@code k} are kept: more candidates cost time and find
   * more of the true nearest (Neo4j's HNSW search keeps as many candidates as it is asked for results).
   *
   * @throws IllegalArgumentException when {@code k} is not positive, {@code candidates < k}, or the vector
   *     is empty or not finite
   */
  public List<VectorMatch> query(String indexName, float[] vector, int k, int candidates) {
    requireK(k, candidates);
    checkVector(vector);
    try (Session s = target.session()) {
      return matches(s.run("CALL db.index.vector.queryNodes($index, $candidates, $vector) YIELD node, score "
          + "RETURN toString(node.`" + GraphMapping.ID + "`) AS id, score ORDER BY score DESC LIMIT $k",
          Map.of("index", indexName, "k", k, "candidates", candidates, "vector", vector)).list());
    }
  }

  /**
   * The {@code k} nodes nearest to the node with external id {@code id} by its own indexed vector, the
   * node itself left out, nearest first, searching with {@code candidates} (>= k) candidates; empty when
   * no node of the label has that id or it has no vector.
   */
  public List<VectorMatch> similarTo(VectorIndexSpec index, String id, int k, int candidates) {
    requireK(k, candidates);
    try (Session s = target.session()) {
      return matches(s.run("MATCH (n:" + CypherNames.quote("label", index.label()) + " {`" + GraphMapping.ID
          + "`: $id}) WHERE n." + CypherNames.quote("property", index.property()) + " IS NOT NULL "
          + "CALL db.index.vector.queryNodes($index, $candidates + 1, n."
          + CypherNames.quote("property", index.property()) + ") YIELD node, score WITH n, node, score "
          + "WHERE node <> n RETURN toString(node.`" + GraphMapping.ID + "`) AS id, score "
          + "ORDER BY score DESC, id LIMIT $k",
          Map.of("id", id, "index", index.name(), "k", k, "candidates", candidates)).list());
    }
  }

  private static List<VectorMatch> matches(List<Record> rows) {
    List<VectorMatch> out = new ArrayList<>(rows.size());
    for (Record r : rows) {
      out.add(new VectorMatch(r.get("id").isNull() ? null : r.get("id").asString(), r.get("score").asDouble()));
    }
    return out;
  }

  private static void requireK(int k, int candidates) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (candidates < k) {
      throw new IllegalArgumentException("candidates must be >= k = " + k + " (got " + candidates + ")");
    }
  }

  private static void checkVector(float[] vector) {
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("query vector must have at least one value");
    }
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException("query vector value " + i + " is not finite (got " + vector[i] + ")");
      }
    }
  }
}
