package dev.polyphony.spark;

import static org.apache.spark.sql.functions.col;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.GraphSchema;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A catalog graph as the two tables the Spark job reads, and the checks they must pass.
 *
 * <p>Nodes: {@code type} (string), {@code id} (string, the external id), {@code features} (array of float,
 * null for a node type without features). Edges: {@code src}, {@code relation}, {@code dst} (strings; the
 * relation names the end types through the model's schema) and {@code weight} (float, null when unweighted).
 * In CSV, {@code features} is one field of floats separated by spaces.
 */
public final class GraphTables {
  public static final StructType NODES = new StructType()
      .add("type", DataTypes.StringType, false)
      .add("id", DataTypes.StringType, false)
      .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), true);
  public static final StructType EDGES = new StructType()
      .add("src", DataTypes.StringType, false)
      .add("relation", DataTypes.StringType, false)
      .add("dst", DataTypes.StringType, false)
      .add("weight", DataTypes.FloatType, true);

  private final Dataset<Row> nodes;
  private final Dataset<Row> edges;

  public GraphTables(Dataset<Row> nodes, Dataset<Row> edges) {
    this.nodes = Objects.requireNonNull(nodes, "nodes");
    this.edges = Objects.requireNonNull(edges, "edges");
  }

  public Dataset<Row> nodes() {
    return nodes;
  }

  public Dataset<Row> edges() {
    return edges;
  }

  /** The tables of an in-memory graph (for local runs on a snapshot and for tests). */
  public static GraphTables of(SparkSession spark, HeteroGraph graph) {
    List<Row> nodeRows = new ArrayList<>();
    for (NodeType type : graph.schema().nodeTypes()) {
      IdMap ids = graph.ids(type);
      NodeFeatures features = graph.features(type).orElse(null);
      float[] all = null;
      int d = 0;
      if (features != null) {
        d = features.dimension();
        all = new float[ids.size() * d];
        features.valuesView().get(all);
      }
      for (int i = 0; i < ids.size(); i++) {
        float[] row = all == null ? null : java.util.Arrays.copyOfRange(all, i * d, (i + 1) * d);
        nodeRows.add(RowFactory.create(type.name(), ids.externalId(i), row));
      }
    }
    List<Row> edgeRows = new ArrayList<>();
    for (EdgeType type : graph.schema().edgeTypes()) {
      CsrAdjacency out = graph.out(type);
      IdMap src = graph.ids(type.src());
      IdMap dst = graph.ids(type.dst());
      for (int u = 0; u < out.rowCount(); u++) {
        for (int p = out.start(u); p < out.end(u); p++) {
          edgeRows.add(RowFactory.create(src.externalId(u), type.relation(), dst.externalId(out.target(p)),
              out.hasWeights() ? out.weight(p) : null));
        }
      }
    }
    // Parallelised rather than local relations, which every query would ship whole to its tasks again.
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, context.defaultParallelism());
    return new GraphTables(
        spark.createDataFrame(context.parallelize(nodeRows, slices), NODES).persist(StorageLevel.MEMORY_AND_DISK()),
        spark.createDataFrame(context.parallelize(edgeRows, slices), EDGES).persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /**
   * Reads the node and edge tables from Parquet (the columns above) or CSV with a header.
   *
   * @param format {@code parquet} or {@code csv}
   */
  public static GraphTables read(SparkSession spark, String nodesPath, String edgesPath, String format) {
    if (format.equals("parquet")) {
      return new GraphTables(spark.read().parquet(nodesPath).withColumn("source_file", functions.input_file_name()),
          spark.read().parquet(edgesPath).withColumn("source_file", functions.input_file_name()));
    }
    if (!format.equals("csv")) {
      throw new IllegalArgumentException("input format must be parquet or csv (got '" + format + "')");
    }
    Dataset<Row> rawNodes = csvReader(spark)
        .schema(new StructType().add("type", DataTypes.StringType).add("id", DataTypes.StringType)
            .add("features", DataTypes.StringType))
        .csv(nodesPath)
        .withColumn("source_file", functions.input_file_name());
    Dataset<Row> parsedNodes = rawNodes.withColumn("features_text", col("features"))
        .withColumn("features", functions.when(col("features").isNull().or(functions.trim(col("features")).equalTo("")),
            functions.lit(null).cast(DataTypes.createArrayType(DataTypes.FloatType)))
            .otherwise(functions.split(functions.trim(col("features")), "\\s+")
                .cast(DataTypes.createArrayType(DataTypes.FloatType))));
    Dataset<Row> rawEdges = csvReader(spark)
        .schema(new StructType().add("src", DataTypes.StringType).add("relation", DataTypes.StringType)
            .add("dst", DataTypes.StringType).add("weight", DataTypes.StringType))
        .csv(edgesPath)
        .withColumn("source_file", functions.input_file_name());
    Dataset<Row> parsedEdges = rawEdges.withColumn("weight_text", col("weight"))
        .withColumn("weight", col("weight").cast(DataTypes.FloatType));
    // A value that does not parse becomes null in a cast: name it instead of reading on.
    firstBad(parsedNodes.filter(col("features").isNotNull().and(functions.expr("exists(features, x -> x IS NULL)"))),
        "features", "features_text", "a list of numbers separated by spaces");
    firstBad(parsedEdges.filter(col("weight").isNull().and(col("weight_text").isNotNull())),
        "weight", "weight_text", "a number");
    return new GraphTables(parsedNodes.drop("features_text"), parsedEdges.drop("weight_text"));
  }

  /** CSV with a header, RFC 4180 quoting (a quote inside a field is doubled), failing on a malformed row. */
  private static org.apache.spark.sql.DataFrameReader csvReader(SparkSession spark) {
    return spark.read().option("header", "true").option("mode", "FAILFAST").option("escape", "\"");
  }

  private static void firstBad(Dataset<Row> bad, String field, String textColumn, String expected) {
    List<Row> rows = bad.select("source_file", textColumn).limit(1).collectAsList();
    if (!rows.isEmpty()) {
      throw new IllegalArgumentException(rows.get(0).getString(0) + ": field '" + field + "' must be " + expected
          + " (got '" + rows.get(0).getString(1) + "')");
    }
  }

  /**
   * Checks the tables against the model's schema: known node types and relations, no missing or repeated
   * node ids, {@code featureWidths.get(type)} features on every node of a type with features, and every edge's
   * ends present as nodes of the relation's types.
   *
   * @throws IllegalArgumentException naming the file (when read from files), the offending value and field
   */
  public void validate(GraphSchema schema, Map<String, Integer> featureWidths) {
    List<String> typeNames = schema.nodeTypes().stream().map(NodeType::name).toList();
    List<String> relations = schema.edgeTypes().stream().map(EdgeType::relation).toList();
    requireNone(nodes.filter(col("type").isNull().or(col("id").isNull())
        .or(functions.not(col("type").isin(typeNames.toArray())))), "node table", "type/id",
        "a node needs an id and one of the model's node types " + typeNames);
    for (Map.Entry<String, Integer> e : featureWidths.entrySet()) {
      requireNone(nodes.filter(col("type").equalTo(e.getKey())
          .and(col("features").isNull().or(functions.size(col("features")).notEqual(e.getValue())))),
          "node table", "features", "'" + e.getKey() + "' nodes need " + e.getValue() + " features");
    }
    List<Row> repeated = nodes.groupBy("type", "id").count().filter(col("count").gt(1)).limit(1).collectAsList();
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException("node table: field 'id': '" + repeated.get(0).getString(0) + "' node '"
          + repeated.get(0).getString(1) + "' appears " + repeated.get(0).getLong(2) + " times");
    }
    requireNone(edges.filter(col("src").isNull().or(col("dst").isNull()).or(col("relation").isNull())
        .or(functions.not(col("relation").isin(relations.toArray())))), "edge table", "src/relation/dst",
        "an edge needs src, dst and one of the model's relations " + relations);
    // Both ends of every edge, each with the node type its relation gives it, against the node table at once.
    Column srcType = null;
    Column dstType = null;
    for (EdgeType type : schema.edgeTypes()) {
      Column is = col("relation").equalTo(type.relation());
      srcType = srcType == null ? functions.when(is, type.src().name()) : srcType.when(is, type.src().name());
      dstType = dstType == null ? functions.when(is, type.dst().name()) : dstType.when(is, type.dst().name());
    }
    Dataset<Row> ends = edges.select(col("relation"), functions.lit("src").as("end"), srcType.as("end_type"),
            col("src").as("end_id"))
        .union(edges.select(col("relation"), functions.lit("dst").as("end"), dstType.as("end_type"),
            col("dst").as("end_id")));
    Dataset<Row> known = nodes.select(col("type").as("k_type"), col("id").as("k_id"));
    List<Row> dangling = ends.join(known, ends.col("end_type").equalTo(known.col("k_type"))
        .and(ends.col("end_id").equalTo(known.col("k_id"))), "left_anti").limit(1).collectAsList();
    if (!dangling.isEmpty()) {
      Row r = dangling.get(0);
      throw new IllegalArgumentException("edge table: field '" + r.getString(1) + "': no '" + r.getString(2)
          + "' node '" + r.getString(3) + "' in the node table for relation '" + r.getString(0) + "'");
    }
  }

  private static void requireNone(Dataset<Row> offending, String table, String field, String reason) {
    List<Row> rows = offending.limit(1).collectAsList();
    if (rows.isEmpty()) {
      return;
    }
    Row r = rows.get(0);
    String where = hasColumn(r, "source_file") ? r.getString(r.fieldIndex("source_file")) : table;
    throw new IllegalArgumentException(where + ": field '" + field + "': " + reason + " (row " + r + ")");
  }

  private static boolean hasColumn(Row r, String name) {
    return java.util.Arrays.asList(r.schema().fieldNames()).contains(name);
  }
}
