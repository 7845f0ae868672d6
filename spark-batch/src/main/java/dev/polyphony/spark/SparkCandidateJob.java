package dev.polyphony.spark;

import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.retrieval.BlockedExactIndex;
import dev.polyphony.retrieval.candidates.BlendPlan;
import dev.polyphony.retrieval.candidates.Candidate;
import dev.polyphony.retrieval.candidates.CandidateBlender.BlendResult;
import dev.polyphony.retrieval.candidates.CandidateRequest;
import dev.polyphony.retrieval.candidates.CatalogNames;
import dev.polyphony.retrieval.candidates.Reason;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Blended candidate lists for every playlist (and every user, where the graph has users) as a Spark job: the
 * lists {@code polyphony retrieve --playlist ID} would print, one per query node, computed per partition of the
 * queries ({@code mapPartitions}) by the single-machine generators and {@link
 * dev.polyphony.retrieval.candidates.CandidateBlender} against broadcast inputs ({@link CandidateInputs}: the
 * track vectors, the graph, the plan).
 *
 * <p>Search is exact, blocked: each executor JVM builds one {@link BlockedExactIndex} over the broadcast vectors
 * (dense blocks of rows) and shares it between its tasks; a task scores a block of query vectors against every
 * row in one tiled pass and serves every generator's filtered searches for them from those scores. The scores,
 * order and ties are {@link dev.polyphony.retrieval.ExactIndex}'s, so the lists equal the single machine's with
 * an exact index: same ids, same order, same scores.
 *
 * <p>A query node is a source node of a query type's relation ({@link CatalogNames#playlistRelation()}: for
 * users, the user-to-track relation); its tracks are the ones excluded and averaged into the query. A query the
 * generators cannot serve (no track with a vector, tracks whose mean is zero) and a query no generator found
 * anything for become rows with an {@code error} instead of being dropped. Deterministic: queries in graph node
 * order per type, partitions contiguous slices of them, rows in rank order.
 */
public final class SparkCandidateJob {
  /**
   * One row per candidate, or per query that got none: {@code query_type}, {@code query} (external id),
   * {@code rank} (1 = first), {@code track}, {@code score} (of the generator that placed it), {@code generator}
   * (the one that placed it), {@code reasons} (every generator's reason, {@code "generator: explanation"}) and
   * {@code error} (null for a candidate; the reason a query has no list otherwise, with the other fields but
   * the query null).
   */
  public static final StructType SCHEMA = new StructType()
      .add("query_type", DataTypes.StringType, false)
      .add("query", DataTypes.StringType, false)
      .add("rank", DataTypes.IntegerType, true)
      .add("track", DataTypes.StringType, true)
      .add("score", DataTypes.DoubleType, true)
      .add("generator", DataTypes.StringType, true)
      .add("reasons", DataTypes.createArrayType(DataTypes.StringType, false), true)
      .add("error", DataTypes.StringType, true);

  /** One query: a node of a query type. */
  record Query(String type, String id) implements Serializable {}

  private final SparkSession spark;
  private final BlendPlan plan;
  private final int k;
  private final int partitions;

  /**
   * @param k candidates per list, > 0
   * @param partitions query partitions, > 0 (each a Spark task)
   */
  public SparkCandidateJob(SparkSession spark, BlendPlan plan, int k, int partitions) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.plan = Objects.requireNonNull(plan, "plan");
    if (k <= 0) {
      throw new IllegalArgumentException("k must be > 0 (got " + k + ")");
    }
    if (partitions <= 0) {
      throw new IllegalArgumentException("partitions must be > 0 (got " + partitions + ")");
    }
    this.k = k;
    this.partitions = partitions;
  }

  /**
   * The query types the graph supports, in order: {@code playlist} (relation
   * {@link CatalogNames#playlistRelation()} of {@code names}) and {@code user} (relation {@code userRelation},
   * when the graph has it and it leads to the track type), each with the names its catalog uses.
   */
  public static Map<String, CatalogNames> queryTypes(HeteroGraph graph, CatalogNames names, String userRelation) {
    Map<String, CatalogNames> types = new LinkedHashMap<>();
    if (graph.schema().hasRelation(names.playlistRelation())) {
      types.put("playlist", names);
    }
    if (userRelation != null && graph.schema().hasRelation(userRelation)
        && graph.schema().edgeType(userRelation).dst().name().equals(names.trackType())) {
      types.put("user", new CatalogNames(names.trackType(), names.creatorRelation(), userRelation,
          names.engagementRelation(), names.releaseDate(), names.popularity(), names.margin()));
    }
    if (types.isEmpty()) {
      throw new IllegalArgumentException("the graph has neither the playlist relation '" + names.playlistRelation()
          + "' nor a user relation '" + userRelation + "' into '" + names.trackType() + "': nothing to query");
    }
    return types;
  }

  /** Every query of {@code types}: the source nodes of each type's relation, in node order. */
  static List<Query> queries(HeteroGraph graph, Map<String, CatalogNames> types) {
    List<Query> queries = new ArrayList<>();
    types.forEach((type, names) -> {
      EdgeType relation = graph.schema().edgeType(names.playlistRelation());
      IdMap ids = graph.ids(relation.src());
      for (int node = 0; node < ids.size(); node++) {
        queries.add(new Query(type, ids.externalId(node)));
      }
    });
    return queries;
  }

  /**
   * The candidate rows ({@link #SCHEMA}) of every query of {@code types} over {@code tracks} and {@code graph}.
   * The generators are built on the driver first, so a catalog that lacks what one needs fails here, naming it.
   */
  public Dataset<Row> run(EmbeddingTable tracks, HeteroGraph graph, Map<String, CatalogNames> types)
      throws IOException {
    CandidateInputs inputs = new CandidateInputs(tracks, CandidateInputs.snapshotBytes(graph), plan, types);
    for (String type : types.keySet()) {
      inputs.blender(type);
    }
    Broadcast<CandidateInputs> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(inputs);
    List<Query> queries = queries(graph, types);
    int slices = Math.max(1, Math.min(partitions, queries.size()));
    JavaRDD<Query> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(queries, slices);
    int listLength = k;
    JavaRDD<Row> rows = rdd.mapPartitions(part -> lists(shared.value(), part, listLength));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * The rows of the queries of one partition, {@link CandidateInputs#queryBlock()} queries at a time: their
   * query vectors are scored against every track in one blocked pass ({@link BlockedExactIndex#prepare}), and
   * the generators' searches for them are then filtered top-k over those scores.
   */
  static Iterator<Row> lists(CandidateInputs inputs, Iterator<Query> queries, int k) {
    List<Row> rows = new ArrayList<>();
    List<Query> block = new ArrayList<>();
    while (queries.hasNext()) {
      block.add(queries.next());
      if (block.size() == inputs.queryBlock() || !queries.hasNext()) {
        listsOfBlock(inputs, block, k, rows);
        block.clear();
      }
    }
    return rows.iterator();
  }

  private static void listsOfBlock(CandidateInputs inputs, List<Query> block, int k, List<Row> rows) {
    List<float[]> vectors = new ArrayList<>(block.size());
    for (Query q : block) {
      try {
        vectors.add(inputs.catalog(q.type()).resolve(CandidateRequest.forPlaylist(q.id())).query());
      } catch (IllegalArgumentException e) {
        // The blend below fails the same way and records it.
      }
    }
    BlockedExactIndex index = inputs.index();
    index.prepare(vectors);
    try {
      for (Query q : block) {
        BlendResult result;
        try {
          result = inputs.blender(q.type()).blend(CandidateRequest.forPlaylist(q.id()), k);
        } catch (IllegalArgumentException e) {
          rows.add(RowFactory.create(q.type(), q.id(), null, null, null, null, null, String.valueOf(e.getMessage())));
          continue;
        }
        if (result.candidates().isEmpty()) {
          rows.add(RowFactory.create(q.type(), q.id(), null, null, null, null, null, "no generator proposed a track"
              + " (every track is in the query's own list or lacks what the generators need)"));
          continue;
        }
        int rank = 1;
        for (Candidate c : result.candidates()) {
          String[] reasons = c.reasons().stream().map(Reason::toString).toArray(String[]::new);
          rows.add(RowFactory.create(q.type(), q.id(), rank++, c.id(), c.score(), c.generator(), reasons, null));
        }
      }
    } finally {
      index.release();
    }
  }
}
