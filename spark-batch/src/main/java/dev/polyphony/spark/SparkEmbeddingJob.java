package dev.polyphony.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.polyphony.embedding.io.FloatMatrix;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.sample.NeighborSamplerConfig;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Direction;
import dev.polyphony.graph.sample.NeighborSamplerConfig.Weighting;
import dev.polyphony.job.ModelBundle;
import dev.polyphony.model.SessionMemory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Inductive inference of a saved model over a whole catalog as a Spark job, layer by layer (PinSage, Ying et
 * al., KDD 2018, section 3.5: "we compute embeddings layer by layer ... with MapReduce"), equal to
 * {@code polyphony embed --sampling hash} on one machine.
 *
 * <p>Stages:
 * <ol>
 *   <li><b>Sample</b>, per relation traversal of the plan, in SQL: {@code row_number() over (partition by node
 *       order by xxhash64(node, neighbour, seed), neighbour)}; a node's sample at a hop with fan-out K is its rows
 *       ranked at most K ({@link Weighting#HASH}).
 *   <li><b>h^0</b> of every node: its features (scaled with the training statistics), projected, plus its
 *       learned vector (a join with the model's vector table), computed with ND4J inside {@code mapPartitions}.
 *   <li><b>Layer k at tree level l</b>, for k = 1..L and l = 0..L-k: join the level's sample with
 *       {@code h^{k-1}} at level l+1 on the neighbour, group by node and relation ({@code collect_list}), join
 *       the node's own {@code h^{k-1}} at level l, and apply the layer with ND4J in {@code mapPartitions}.
 *       Levels matter only when fan-outs differ per hop: level l aggregates hop l+1's sample, as the
 *       single-machine computation trees do.
 * </ol>
 * The model's layers travel to the executors once, as a broadcast {@link LayerwiseEncoder}.
 */
public final class SparkEmbeddingJob {
  /** Rows handed to ND4J at once inside a partition unless told otherwise. */
  public static final int DEFAULT_BATCH_ROWS = 1024;

  private static final StructType STATES = new StructType()
      .add("type", DataTypes.StringType, false)
      .add("id", DataTypes.StringType, false)
      .add("h", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  private final SparkSession spark;
  private final ModelBundle bundle;
  private final NeighborSamplerConfig sampling;
  private final int batchRows;

  /**
   * @param sampling hash sampling with the relations of the model's training fan-outs (see
   *     {@link dev.polyphony.job.EmbeddingJob#hashSampling})
   * @param batchRows rows per ND4J batch inside a partition, > 0
   */
  public SparkEmbeddingJob(SparkSession spark, ModelBundle bundle, NeighborSamplerConfig sampling, int batchRows) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.bundle = Objects.requireNonNull(bundle, "bundle");
    this.sampling = Objects.requireNonNull(sampling, "sampling");
    if (sampling.weighting() != Weighting.HASH) {
      throw new IllegalArgumentException("the Spark job samples by hash; sampling weighting must be HASH (got "
          + sampling.weighting() + ")");
    }
    if (batchRows <= 0) {
      throw new IllegalArgumentException("batchRows must be > 0 (got " + batchRows + ")");
    }
    this.batchRows = batchRows;
  }

  /**
   * The embeddings of every node of the model's type in {@code tables}: columns {@code id} (string) and
   * {@code embedding} (array of float), sorted by id; computed and persisted before returning.
   *
   * @throws IllegalArgumentException when the tables do not fit the model (see {@link GraphTables#validate})
   */
  public Dataset<Row> embed(GraphTables tables) {
    LayerwiseEncoder encoder = LayerwiseEncoder.of(bundle, sampling);
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (NodeType type : bundle.schema().nodeTypes()) {
      if (!bundle.featureColumns(type).isEmpty()) {
        widths.put(type.name(), bundle.featureColumns(type).size());
      }
    }
    tables.validate(bundle.schema(), widths);
    Broadcast<LayerwiseEncoder> model = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(encoder);
    Map<String, Dataset<Row>> ranked = new LinkedHashMap<>();
    encoder.widestSlots().forEach((key, slot) -> ranked.put(key, ranked(tables.edges(), slot)));
    Dataset<Row> inputs = inputs(tables.nodes(), encoder, model);
    List<Dataset<Row>> cached = new ArrayList<>(ranked.values());
    cached.add(inputs);
    // level -> states of the previous layer; h^0 is the same at every level.
    Map<Integer, Dataset<Row>> previous = new LinkedHashMap<>();
    for (int l = 0; l <= encoder.layers(); l++) {
      previous.put(l, inputs);
    }
    for (int k = 1; k <= encoder.layers(); k++) {
      Map<Integer, Dataset<Row>> next = new LinkedHashMap<>();
      for (int l = 0; l <= encoder.layers() - k; l++) {
        Dataset<Row> states = layer(k, l, encoder, model, ranked, previous.get(l), previous.get(l + 1));
        next.put(l, states.persist(StorageLevel.MEMORY_AND_DISK()));
        cached.add(states);
      }
      previous = next;
    }
    Dataset<Row> out = previous.get(0).filter(col("type").equalTo(encoder.seedType()))
        .select(col("id"), col("h").as("embedding")).orderBy("id").persist(StorageLevel.MEMORY_AND_DISK());
    // Computed once here, so the intermediate tables can go; the caller unpersists the result when done.
    out.count();
    for (Dataset<Row> table : cached) {
      table.unpersist();
    }
    return out;
  }

  /** Neighbour pairs of one traversal ranked by the hash rule, rows ranked past every hop's fan-out dropped. */
  private Dataset<Row> ranked(Dataset<Row> edges, LayerwiseEncoder.Slot slot) {
    Dataset<Row> of = edges.filter(col("relation").equalTo(slot.relation()));
    Dataset<Row> pairs;
    Dataset<Row> out = of.select(col("src").as("node"), col("dst").as("neighbour"));
    Dataset<Row> in = of.select(col("dst").as("node"), col("src").as("neighbour"));
    if (slot.direction() == Direction.OUT) {
      pairs = out;
    } else if (slot.direction() == Direction.IN) {
      pairs = in;
    } else {
      pairs = out.union(in); // a homogeneous relation followed both ways: one undirected neighbourhood
    }
    pairs = pairs.distinct(); // repeated edges are one neighbour, as in the graph
    Column order = functions.xxhash64(col("node"), col("neighbour"), lit(sampling.seed()));
    Dataset<Row> withRank = pairs.withColumn("rank",
        functions.row_number().over(Window.partitionBy("node").orderBy(order, col("neighbour"))));
    if (slot.fanout() != NeighborSamplerConfig.ALL) {
      withRank = withRank.filter(col("rank").leq(slot.fanout()));
    }
    return withRank.persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** h^0 of every node of a type the encoder reads. */
  private Dataset<Row> inputs(Dataset<Row> nodes, LayerwiseEncoder encoder, Broadcast<LayerwiseEncoder> model) {
    Dataset<Row> read = nodes.filter(col("type").isin(encoder.types().toArray()))
        .select(col("type"), col("id"), col("features"));
    List<Row> idRows = new ArrayList<>();
    for (NodeType type : bundle.idEmbeddingTypes()) {
      List<String> ids = bundle.idVectorIds(type);
      FloatMatrix vectors = bundle.idVectors(type);
      for (int i = 0; i < ids.size(); i++) {
        idRows.add(RowFactory.create(type.name(), ids.get(i), java.util.Arrays.copyOfRange(vectors.values(),
            i * vectors.columns(), (i + 1) * vectors.columns())));
      }
    }
    StructType idSchema = new StructType().add("id_type", DataTypes.StringType).add("id_key", DataTypes.StringType)
        .add("learned", DataTypes.createArrayType(DataTypes.FloatType, false));
    Dataset<Row> learned = spark.createDataFrame(idRows, idSchema);
    Dataset<Row> joined = read.join(learned,
        read.col("type").equalTo(learned.col("id_type")).and(read.col("id").equalTo(learned.col("id_key"))), "left")
        .select(col("type"), col("id"), col("features"), col("learned"));
    int rows = batchRows;
    FlatMapFunction<Iterator<Row>, Row> apply = it -> new Batches<Row, Row>(it, rows, batch -> {
      LayerwiseEncoder e = model.value();
      List<Row> out = new ArrayList<>(batch.size());
      Map<String, List<Row>> byType = byType(batch);
      for (Map.Entry<String, List<Row>> group : byType.entrySet()) {
        List<Row> g = group.getValue();
        float[][] features = new float[g.size()][];
        float[][] ids = new float[g.size()][];
        for (int i = 0; i < g.size(); i++) {
          features[i] = g.get(i).isNullAt(2) ? null : floats(g.get(i).getList(2));
          ids[i] = g.get(i).isNullAt(3) ? null : floats(g.get(i).getList(3));
        }
        float[][] h = e.inputs(group.getKey(), features, ids);
        for (int i = 0; i < g.size(); i++) {
          out.add(RowFactory.create(group.getKey(), g.get(i).getString(1), h[i]));
        }
      }
      SessionMemory.batchDone();
      return out;
    });
    return spark.createDataFrame(inBatchOrder(joined).javaRDD().mapPartitions(apply), STATES)
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** h^k at level l of every node of the level's types. */
  private Dataset<Row> layer(int k, int level, LayerwiseEncoder encoder, Broadcast<LayerwiseEncoder> model,
      Map<String, Dataset<Row>> ranked, Dataset<Row> selfStates, Dataset<Row> childStates) {
    List<Dataset<Row>> perType = new ArrayList<>();
    int rows = batchRows;
    for (String type : encoder.levelTypes(level)) {
      List<LayerwiseEncoder.Slot> slots = encoder.childSlots(level, type);
      Dataset<Row> messages = null;
      for (int s = 0; s < slots.size(); s++) {
        LayerwiseEncoder.Slot slot = slots.get(s);
        Dataset<Row> sample = ranked.get(slot.relationKey());
        if (slot.fanout() != NeighborSamplerConfig.ALL) {
          sample = sample.filter(col("rank").leq(slot.fanout()));
        }
        Dataset<Row> neighbours = childStates.filter(col("type").equalTo(slot.neighbourType()))
            .select(col("id").as("n_id"), col("h").as("n_h"));
        Dataset<Row> m = sample.join(neighbours, sample.col("neighbour").equalTo(neighbours.col("n_id")))
            .select(col("node"), lit(s).as("slot"), col("rank"), col("n_h"));
        messages = messages == null ? m : messages.union(m);
      }
      Dataset<Row> self = selfStates.filter(col("type").equalTo(type));
      Dataset<Row> joined;
      if (messages == null) {
        joined = self.withColumn("children", lit(null).cast(DataTypes.createArrayType(
            new StructType().add("slot", DataTypes.IntegerType).add("rank", DataTypes.IntegerType).add("n_h",
                DataTypes.createArrayType(DataTypes.FloatType, false)))));
      } else {
        Dataset<Row> grouped = messages.groupBy("node")
            // Sorted by (relation, hash rank): shuffles deliver rows in any order, and float sums depend on it.
            .agg(functions.array_sort(functions.collect_list(functions.struct(col("slot"), col("rank"), col("n_h"))))
                .as("children"));
        joined = self.join(grouped, self.col("id").equalTo(grouped.col("node")), "left")
            .select(self.col("type"), self.col("id"), self.col("h"), col("children"));
      }
      int slotCount = slots.size();
      FlatMapFunction<Iterator<Row>, Row> apply = it -> new Batches<Row, Row>(it, rows, batch -> {
        LayerwiseEncoder e = model.value();
        float[][] selfRows = new float[batch.size()][];
        List<float[][][]> children = new ArrayList<>();
        List<List<List<float[]>>> lists = new ArrayList<>();
        for (int s = 0; s < slotCount; s++) {
          List<List<float[]>> perNode = new ArrayList<>();
          for (int i = 0; i < batch.size(); i++) {
            perNode.add(new ArrayList<>());
          }
          lists.add(perNode);
        }
        for (int i = 0; i < batch.size(); i++) {
          Row r = batch.get(i);
          selfRows[i] = floats(r.getList(2));
          if (!r.isNullAt(3)) {
            for (Object o : r.getList(3)) {
              Row child = (Row) o;
              lists.get(child.getInt(0)).get(i).add(floats(child.getList(2)));
            }
          }
        }
        for (List<List<float[]>> perNode : lists) {
          float[][][] c = new float[batch.size()][][];
          for (int i = 0; i < batch.size(); i++) {
            c[i] = perNode.get(i).toArray(new float[0][]);
          }
          children.add(c);
        }
        float[][] h = e.layer(k, level, type, selfRows, children);
        List<Row> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          out.add(RowFactory.create(type, batch.get(i).getString(1), h[i]));
        }
        SessionMemory.batchDone();
        return out;
      });
      perType.add(spark.createDataFrame(inBatchOrder(joined).javaRDD().mapPartitions(apply), STATES));
    }
    Dataset<Row> all = perType.get(0);
    for (int i = 1; i < perType.size(); i++) {
      all = all.union(perType.get(i));
    }
    return all;
  }

  /**
   * Rows sorted by node within their partition. Which rows share a partition follows from hash partitioning,
   * but a shuffle delivers them in any order; BLAS rounds a row's product differently in batches of other
   * shapes, so batches must be the same from run to run for the vectors to be.
   */
  private static Dataset<Row> inBatchOrder(Dataset<Row> rows) {
    return rows.sortWithinPartitions("type", "id");
  }

  private static Map<String, List<Row>> byType(List<Row> batch) {
    Map<String, List<Row>> byType = new LinkedHashMap<>();
    for (Row r : batch) {
      byType.computeIfAbsent(r.getString(0), t -> new ArrayList<>()).add(r);
    }
    return byType;
  }

  private static float[] floats(List<Object> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) values.get(i)).floatValue();
    }
    return out;
  }
}
