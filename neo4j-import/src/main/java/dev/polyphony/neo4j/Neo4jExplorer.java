package dev.polyphony.neo4j;

import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

/**
 * Canned exploration queries over an imported catalog, named by the graph's own node types and relations
 * and translated through its {@link GraphMapping}. Each answers a {@link ResultTable}; the same queries
 * for the conventional mapping are in {@code docs/neo4j.md}.
 */
public final class Neo4jExplorer {
  private final Neo4jTarget target;
  private final GraphMapping mapping;

  public Neo4jExplorer(Neo4jTarget target, GraphMapping mapping) {
    this.target = Objects.requireNonNull(target, "target");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
  }

  /**
   * Items that share containers with one item, by number of shared containers: with {@code via =
   * (playlist)-[contains]->(track)}, the tracks most often in the same playlists as {@code itemId}. Ties
   * are broken by id.
   *
   * @return columns {@code id}, {@code shared}
   */
  public ResultTable coOccurring(EdgeType via, String itemId, int limit) {
    requireLimit(limit);
    String item = mapping.quotedLabel(via.dst());
    String container = mapping.quotedLabel(via.src());
    String type = mapping.quotedRelationshipType(via);
    return run("MATCH (t:" + item + " {id: $id})<-[:" + type + "]-(c:" + container + ")-[:" + type + "]->(o:"
        + item + ") WHERE o <> t RETURN o.id AS id, count(DISTINCT c) AS shared "
        + "ORDER BY shared DESC, id LIMIT $limit", Map.of("id", itemId, "limit", limit));
  }

  /**
   * A node's neighbourhood summarised per relationship type and direction, with the number of neighbours
   * and a few of their ids (by id order): for an artist, its tracks; for a track, its playlists, artist
   * and listeners.
   *
   * @return columns {@code relationship}, {@code direction} ({@code out} or {@code in}),
   *     {@code neighbourLabel}, {@code neighbours}, {@code sample}
   */
  public ResultTable neighbourhood(NodeType type, String id, int sampleSize) {
    requireLimit(sampleSize);
    return run("MATCH (n:" + mapping.quotedLabel(type) + " {id: $id})-[r]-(m) "
        + "WITH type(r) AS relationship, CASE WHEN startNode(r) = n THEN 'out' ELSE 'in' END AS direction, "
        + "labels(m)[0] AS neighbourLabel, m.id AS neighbour ORDER BY neighbour "
        + "RETURN relationship, direction, neighbourLabel, count(*) AS neighbours, "
        + "collect(neighbour)[0..$sample] AS sample ORDER BY relationship, direction",
        Map.of("id", id, "sample", sampleSize));
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
