package dev.polyphony.neo4j;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.AttributeKind;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.HeteroGraphBuilder;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReason;
import dev.polyphony.graph.io.RejectReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.value.LossyCoercion;
import org.neo4j.driver.exceptions.value.Uncoercible;

/**
 * Builds a {@link HeteroGraph} from a Neo4j database through a {@link GraphProjection}, so that a
 * catalog kept in Neo4j can be trained on. Nodes of each label are read ordered by id, which makes the
 * dense indexes, and so the graph, the same on every read of unchanged data. Rows that cannot be used
 * (missing or mistyped id, feature, attribute, weight or timestamp; an edge to a node that was not read;
 * a second node with the same id) go to the {@link RejectReport} with the label or relationship type as
 * the file, the row number and the property; nothing is dropped silently.
 */
public final class Neo4jGraphReader {
  private final Driver driver;
  private final SessionConfig sessionConfig;

  public Neo4jGraphReader(Driver driver, SessionConfig sessionConfig) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.sessionConfig = Objects.requireNonNull(sessionConfig, "sessionConfig");
  }

  public Neo4jGraphReader(Neo4jTarget target) {
    this(target.driver(), target.sessionConfig());
  }

  /** Reads the projected graph; rows read counts nodes and relationships returned by Neo4j. */
  public IngestResult read(GraphProjection projection, RejectReport rejects, ProgressTracker progress) {
    GraphSchema schema = projection.schema();
    HeteroGraphBuilder builder = new HeteroGraphBuilder(schema);
    long rows = 0;
    Map<String, GraphProjection.NodeProjection> byType = new LinkedHashMap<>();
    projection.nodes().forEach(n -> byType.put(n.nodeType(), n));
    try (Session session = driver.session(sessionConfig)) {
      for (GraphProjection.NodeProjection n : projection.nodes()) {
        rows += readNodes(session, schema.nodeType(n.nodeType()), n, builder, rejects, progress);
      }
      for (GraphProjection.RelationshipProjection r : projection.relationships()) {
        rows += readRelationships(session, schema.edgeType(r.relation()), r, byType.get(r.source()),
            byType.get(r.target()), builder, rejects, progress);
      }
    }
    HeteroGraph graph = builder.build(progress);
    Map<EdgeType, Integer> merged = builder.mergedDuplicateEdges();
    List<String> notes = new ArrayList<>();
    merged.forEach((e, count) -> {
      if (count > 0) {
        notes.add(count + " parallel relationships of " + e.relation() + " merged into single edges");
      }
    });
    return new IngestResult(graph, rejects, merged, rows, notes);
  }

  private long readNodes(Session session, NodeType type, GraphProjection.NodeProjection n,
      HeteroGraphBuilder builder, RejectReport rejects, ProgressTracker progress) {
    String file = "neo4j:(:" + n.label() + ")";
    Map<String, AttributeColumn.Builder> columns = new LinkedHashMap<>();
    n.attributes().forEach((name, kind) -> columns.put(name, builder.attribute(type, name, kind)));
    if (n.featuresProperty() != null) {
      builder.declareFeatures(type, n.featureColumns());
    }
    StringBuilder q = new StringBuilder("MATCH (n:").append(CypherNames.quote("label", n.label()))
        .append(") RETURN n.").append(CypherNames.quote("property", n.idProperty())).append(" AS id");
    if (n.featuresProperty() != null) {
      q.append(", n.").append(CypherNames.quote("property", n.featuresProperty())).append(" AS features");
    }
    int a = 0;
    for (String name : n.attributes().keySet()) {
      q.append(", n.").append(CypherNames.quote("property", name)).append(" AS a").append(a++);
    }
    q.append(" ORDER BY id");
    progress.begin("read " + n.label(), -1);
    long line = 0;
    Result result = session.run(q.toString());
    while (result.hasNext()) {
      Record r = result.next();
      line++;
      String id = externalId(r.get("id"));
      if (id == null) {
        rejects.reject(file, line, n.idProperty(), r.get("id").isNull() ? RejectReason.MISSING_FIELD
            : RejectReason.MALFORMED_ROW, "id must be a string or an integer (got " + r.get("id") + ")");
        continue;
      }
      if (builder.nodeIndex(type, id) >= 0) {
        rejects.reject(file, line, n.idProperty(), RejectReason.CONFLICTING_DUPLICATE_NODE,
            "a second node has id '" + id + "'");
        continue;
      }
      float[] features = null;
      if (n.featuresProperty() != null) {
        features = features(r.get("features"), n, file, line, id, rejects);
        if (features == null) {
          continue;
        }
      }
      Object[] values = new Object[columns.size()];
      boolean ok = true;
      int c = 0;
      for (Map.Entry<String, AttributeColumn.Builder> column : columns.entrySet()) {
        Value v = r.get("a" + c);
        try {
          values[c] = attribute(v, column.getValue().kind());
        } catch (Uncoercible | LossyCoercion | ArithmeticException e) {
          rejects.reject(file, line, column.getKey(), RejectReason.MALFORMED_ROW, "node '" + id + "': "
              + column.getValue().kind() + " expected (got " + v + ")");
          ok = false;
          break;
        }
        c++;
      }
      if (!ok) {
        continue;
      }
      int node = builder.addNode(type, id);
      if (features != null) {
        builder.setFeatures(type, node, features);
      }
      c = 0;
      for (AttributeColumn.Builder column : columns.values()) {
        column.set(node, values[c++]);
      }
      progress.step(1);
    }
    progress.end();
    return line;
  }

  private static float[] features(Value v, GraphProjection.NodeProjection n, String file, long line, String id,
      RejectReport rejects) {
    if (v.isNull()) {
      rejects.reject(file, line, n.featuresProperty(), RejectReason.MISSING_FIELD, "node '" + id
          + "' has no features");
      return null;
    }
    List<Object> list;
    try {
      list = v.asList();
    } catch (Uncoercible e) {
      rejects.reject(file, line, n.featuresProperty(), RejectReason.MALFORMED_ROW, "node '" + id
          + "': a list of numbers expected (got " + v + ")");
      return null;
    }
    if (list.size() != n.featureColumns().size()) {
      rejects.reject(file, line, n.featuresProperty(), RejectReason.OUT_OF_RANGE, "node '" + id + "' has "
          + list.size() + " features, expected " + n.featureColumns().size());
      return null;
    }
    float[] row = new float[list.size()];
    for (int i = 0; i < row.length; i++) {
      if (!(list.get(i) instanceof Number number)) {
        rejects.reject(file, line, n.featuresProperty(), RejectReason.UNPARSABLE_NUMBER, "node '" + id
            + "': feature " + n.featureColumns().get(i) + " is not a number (got " + list.get(i) + ")");
        return null;
      }
      row[i] = number.floatValue();
      if (!Float.isFinite(row[i])) {
        rejects.reject(file, line, n.featuresProperty(), RejectReason.NON_FINITE_VALUE, "node '" + id
            + "': feature " + n.featureColumns().get(i) + " is " + row[i]);
        return null;
      }
    }
    return row;
  }

  private static Object attribute(Value v, AttributeKind kind) {
    if (v.isNull()) {
      return null;
    }
    return switch (kind) {
      case INT -> Math.toIntExact(v.asLong());
      case FLOAT -> {
        float f = (float) v.asDouble();
        if (!Float.isFinite(f)) {
          throw new ArithmeticException("not finite");
        }
        yield f;
      }
      case STRING -> v.asString();
      case DATE -> v.asLocalDate();
    };
  }

  private long readRelationships(Session session, EdgeType e, GraphProjection.RelationshipProjection p,
      GraphProjection.NodeProjection src, GraphProjection.NodeProjection dst, HeteroGraphBuilder builder,
      RejectReport rejects, ProgressTracker progress) {
    String file = "neo4j:[:" + p.type() + "]";
    if (p.weightProperty() != null) {
      builder.declareWeights(e);
    }
    if (p.timestampProperty() != null) {
      builder.declareTimestamps(e);
    }
    StringBuilder q = new StringBuilder("MATCH (a:").append(CypherNames.quote("label", src.label()))
        .append(")-[r:").append(CypherNames.quote("relationship type", p.type())).append("]->(b:")
        .append(CypherNames.quote("label", dst.label())).append(") RETURN a.")
        .append(CypherNames.quote("property", src.idProperty())).append(" AS s, b.")
        .append(CypherNames.quote("property", dst.idProperty())).append(" AS d");
    if (p.weightProperty() != null) {
      q.append(", r.").append(CypherNames.quote("property", p.weightProperty())).append(" AS w");
    }
    if (p.timestampProperty() != null) {
      q.append(", r.").append(CypherNames.quote("property", p.timestampProperty())).append(" AS t");
    }
    progress.begin("read " + p.type(), -1);
    long line = 0;
    Result result = session.run(q.toString());
    while (result.hasNext()) {
      Record r = result.next();
      line++;
      String s = externalId(r.get("s"));
      String d = externalId(r.get("d"));
      int u = s == null ? -1 : builder.nodeIndex(e.src(), s);
      int v = d == null ? -1 : builder.nodeIndex(e.dst(), d);
      if (u < 0 || v < 0) {
        rejects.reject(file, line, u < 0 ? "start" : "end", RejectReason.DANGLING_REFERENCE, "relationship "
            + s + " -> " + d + " ends at a node that was not read");
        continue;
      }
      float weight = 1f;
      if (p.weightProperty() != null) {
        Value w = r.get("w");
        if (!(w.asObject() instanceof Number number) || !Float.isFinite(number.floatValue())) {
          rejects.reject(file, line, p.weightProperty(), w.isNull() ? RejectReason.MISSING_FIELD
              : RejectReason.NON_FINITE_VALUE, "relationship " + s + " -> " + d + ": weight " + w);
          continue;
        }
        weight = number.floatValue();
      }
      if (p.timestampProperty() != null) {
        Value t = r.get("t");
        if (!(t.asObject() instanceof Long time)) {
          rejects.reject(file, line, p.timestampProperty(), t.isNull() ? RejectReason.MISSING_FIELD
              : RejectReason.MALFORMED_ROW, "relationship " + s + " -> " + d + ": integer timestamp expected (got "
              + t + ")");
          continue;
        }
        builder.addEdge(e, u, v, weight, time);
      } else if (p.weightProperty() != null) {
        builder.addEdge(e, u, v, weight);
      } else {
        builder.addEdge(e, u, v);
      }
      progress.step(1);
    }
    progress.end();
    return line;
  }

  private static String externalId(Value v) {
    Object o = v.asObject();
    if (o instanceof String s && !s.isEmpty()) {
      return s;
    }
    if (o instanceof Long l) {
      return Long.toString(l);
    }
    return null;
  }
}
