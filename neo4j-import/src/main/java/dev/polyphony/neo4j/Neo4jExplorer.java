package dev.polyphony.neo4j;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

/**
 * Canned exploration queries over an imported catalog. Each answers a {@link ResultTable}. The queries
 * take Neo4j labels and relationship types, checked by {@link CypherNames}; an explorer made with a
 * {@link GraphMapping} also answers them for the graph's own node types and relations. The same
 * queries for the conventional mapping are in {@code docs/neo4j.md}.
 */
public final class Neo4jExplorer {
  private final Neo4jTarget target;
  private final GraphMapping mapping;

  /** An explorer that names things by label and relationship type. */
  public Neo4jExplorer(Neo4jTarget target) {
    this.target = Objects.requireNonNull(target, "target");
    this.mapping = null;
  }

  /** An explorer that also names things by the node types and relations of {@code mapping}'s schema. */
  public Neo4jExplorer(Neo4jTarget target, GraphMapping mapping) {
    this.target = Objects.requireNonNull(target, "target");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /**
   * What the database holds: nodes per label and relationships per type, the import's own bookkeeping
   * left out.
   *
   * @return columns {@code kind} ({@code node} or {@code relationship}), {@code name}, {@code count}
   */
  public ResultTable summary() {
    return run("MATCH (n) WHERE NOT n:" + ImportLedger.IMPORT_LABEL + " AND NOT n:" + ImportLedger.BATCH_LABEL
        + " AND NOT n:" + EmbeddingWriter.METADATA_LABEL + " UNWIND labels(n) AS name "
        + "WITH name, count(*) AS count ORDER BY name RETURN 'node' AS kind, name, count "
        + "UNION ALL MATCH ()-[r]->() WITH type(r) AS name, count(*) AS count ORDER BY name "
        + "RETURN 'relationship' AS kind, name, count", Map.of());
  }

  /**
   * Items that share containers with one item, by number of shared containers: the tracks most often in
   * the same playlists as a track for {@code (:Playlist)-[:CONTAINS]->(:Track)}. Ties are broken by id.
   *
   * @return columns {@code id}, {@code shared}
   */
  public ResultTable coOccurring(String containerLabel, String relationshipType, String itemLabel, String itemId,
      int limit) {
    requireLimit(limit);
    String item = CypherNames.quote("label", itemLabel);
    String container = CypherNames.quote("label", containerLabel);
    String type = CypherNames.quote("relationship type", relationshipType);
    return run("MATCH (t:" + item + " {id: $id})<-[:" + type + "]-(c:" + container + ")-[:" + type + "]->(o:"
        + item + ") WHERE o <> t RETURN o.id AS id, count(DISTINCT c) AS shared "
        + "ORDER BY shared DESC, id LIMIT $limit", Map.of("id", itemId, "limit", limit));
  }

  /** {@link #coOccurring(String, String, String, String, int)} with {@code via = (container)-[r]->(item)}. */
  public ResultTable coOccurring(EdgeType via, String itemId, int limit) {
    GraphMapping m = mapping();
    return coOccurring(m.label(via.src()), m.relationshipType(via), m.label(via.dst()), itemId, limit);
  }

  /**
   * A node's neighbourhood summarised per relationship type and direction, with the number of neighbours
   * and a few of their ids (by id order): for an artist, its tracks; for a track, its playlists, artist
   * and listeners.
   *
   * @return columns {@code relationship}, {@code direction} ({@code out} or {@code in}),
   *     {@code neighbourLabel}, {@code neighbours}, {@code sample}
   */
  public ResultTable neighbourhood(String label, String id, int sampleSize) {
    requireLimit(sampleSize);
    return run("MATCH (n:" + CypherNames.quote("label", label) + " {id: $id})-[r]-(m) "
        + "WITH type(r) AS relationship, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, "
        + "labels(m)[0] AS neighbourLabel, m.id AS neighbour ORDER BY neighbour "
        + "RETURN relationship, direction, neighbourLabel, count(*) AS neighbours, "
        + "collect(neighbour)[0..$sample] AS sample ORDER BY relationship, direction",
        Map.of("id", id, "sample", sampleSize));
  }

  /** {@link #neighbourhood(String, String, int)} for a node type of the mapping's schema. */
  public ResultTable neighbourhood(NodeType type, String id, int sampleSize) {
    return neighbourhood(mapping().label(type), id, sampleSize);
  }

  /**
   * The {@code k} nodes whose vectors in {@code property} are nearest to node {@code id}'s, through the
   * vector index on that label and property, which searches for {@code candidates} (>= k) nodes (more
   * find more of the true nearest, see {@link VectorIndexes#query(String, float[], int, int)}); the node
   * itself is left out.
   *
   * @return columns {@code id}, {@code score} (Neo4j's similarity score, higher is closer)
   * @throws IllegalStateException when no vector index covers the label and property
   */
  public ResultTable similar(String label, String property, String id, int k, int candidates) {
    VectorIndexes indexes = new VectorIndexes(target);
    VectorIndexSpec index = indexes.find(label, property).orElseThrow(() -> new IllegalStateException(
        "no vector index on :" + label + "(" + property + "); write embeddings with an index first"));
    List<List<Object>> rows = new ArrayList<>();
    for (VectorMatch m : indexes.similarTo(index, id, k, candidates)) {
      rows.add(Arrays.asList(m.id(), m.score()));
    }
    return new ResultTable(List.of("id", "score"), rows);
  }

  private GraphMapping mapping() {
    if (mapping == null) {
      throw new IllegalStateException("this explorer has no graph mapping; name labels and relationship types");
    }
    return mapping;
  }

  private ResultTable run(String cypher, Map<String, Object> params) {
    try (Session session = target.session()) {
      Result result = session.run(cypher, params);
      List<String> columns = result.keys();
      List<List<Object>> rows = new ArrayList<>();
      while (result.hasNext()) {
        Record r = result.next();
        List<Object> row = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
          row.add(r.get(c).asObject());
        }
        rows.add(row);
      }
      return new ResultTable(columns, rows);
    }
  }

  private static void requireLimit(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be > 0 (got " + limit + ")");
    }
  }
}
