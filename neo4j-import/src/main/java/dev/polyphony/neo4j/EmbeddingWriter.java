package dev.polyphony.neo4j;

import dev.polyphony.embedding.EmbeddingMetadata;
import dev.polyphony.embedding.EmbeddingTable;
import dev.polyphony.graph.ProgressTracker;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;

/**
 * Writes an {@link EmbeddingTable} onto existing nodes as a vector property: row {@code i} goes to the
 * node of the configured label whose {@code id} is the row's id, through Neo4j's
 * {@code db.create.setNodeVectorProperty}, which stores the vector as 32-bit floats (half the space of a
 * list of Cypher floats) and checks its values. Batches of rows run in parallel; each touches its own
 * nodes, so they never wait for each other.
 *
 * <p>Rows whose id matches no node are not written and are counted, with the first few ids, in the
 * result. Writing the same table again writes the same values, so a write that stopped midway is
 * finished by running it again. The table's metadata (model hash, metric, normalisation, dimension) is
 * kept on one {@code (:PolyphonyEmbeddings {label, property})} node, so the database can tell which
 * model its vectors come from.
 */
public final class EmbeddingWriter {
  /** Label of the node describing the vectors of one label and property. */
  public static final String METADATA_LABEL = "PolyphonyEmbeddings";

  private final Neo4jTarget target;

  public EmbeddingWriter(Neo4jTarget target) {
    this.target = Objects.requireNonNull(target, "target");
  }

  /**
   * Writes {@code table} as {@code config} says.
   *
   * @throws IllegalStateException when a batch fails; batches written before keep their vectors
   */
  public EmbeddingWriteResult write(EmbeddingTable table, EmbeddingWriteConfig config, ProgressTracker progress) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(config, "config");
    String query = "UNWIND range(0, size($ids) - 1) AS i MATCH (n:" + CypherNames.quote("label", config.label())
        + " {`" + GraphMapping.ID + "`: $ids[i]}) CALL db.create.setNodeVectorProperty(n, $property, $v[i]) "
        + "RETURN i";
    int rows = table.size();
    BitSet found = new BitSet(rows);
    long start = System.nanoTime();
    progress.begin("embeddings to :" + config.label() + "(" + config.property() + ")", rows);
    ExecutorService pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
      Thread t = new Thread(r, "polyphony-neo4j-embeddings");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < rows; from += config.batchSize()) {
        int lo = from;
        int hi = Math.min(rows, from + config.batchSize());
        batches.add(pool.submit(() -> {
          BitSet batchFound = writeBatch(table, lo, hi, query, config.property());
          synchronized (found) {
            found.or(batchFound);
          }
          progress.step(hi - lo);
          return null;
        }));
      }
      for (int b = 0; b < batches.size(); b++) {
        try {
          batches.get(b).get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("writing embeddings to :" + config.label() + "(" + config.property()
              + ") stopped at rows " + (long) b * config.batchSize() + "-" + Math.min(rows,
              (long) (b + 1) * config.batchSize()) + ": " + e.getCause().getMessage()
              + "; rows written before keep their vectors, write the table again to finish", e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("writing embeddings was interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
      progress.end();
    }
    long nanos = System.nanoTime() - start;
    int written = found.cardinality();
    List<String> missingIds = new ArrayList<>();
    for (int row = found.nextClearBit(0); row < rows && missingIds.size() < EmbeddingWriteResult.MISSING_SAMPLE;
        row = found.nextClearBit(row + 1)) {
      missingIds.add(table.id(row));
    }
    recordMetadata(table, config, written);
    return new EmbeddingWriteResult(config.label(), config.property(), rows, written, rows - written, missingIds,
        nanos);
  }

  private BitSet writeBatch(EmbeddingTable table, int from, int to, String query, String property) {
    int n = to - from;
    String[] ids = new String[n];
    List<float[]> vectors = new ArrayList<>(n);
    for (int row = from; row < to; row++) {
      ids[row - from] = table.id(row);
      vectors.add(table.vector(row));
    }
    Map<String, Object> params = Map.of("ids", ids, "v", vectors, "property", property);
    try (Session session = target.session()) {
      return session.executeWrite(tx -> {
        BitSet found = new BitSet();
        Result result = tx.run(query, params);
        while (result.hasNext()) {
          found.set(from + result.next().get(0).asInt());
        }
        return found;
      });
    }
  }

  private void recordMetadata(EmbeddingTable table, EmbeddingWriteConfig config, int written) {
    EmbeddingMetadata m = table.metadata();
    try (Session session = target.session()) {
      session.executeWriteWithoutResult(tx -> tx.run("MERGE (e:" + METADATA_LABEL
          + " {label: $label, property: $property}) SET e.modelHash = $model, e.metric = $metric, "
          + "e.normalization = $normalization, e.dimension = $dimension, e.nodeType = $nodeType, e.rows = $rows, "
          + "e.written = $written, e.createdAt = $createdAt, e.writtenAt = datetime()",
          Map.of("label", config.label(), "property", config.property(), "model", m.modelHash(),
              "metric", m.metric().label(), "normalization", m.normalization().label(),
              "dimension", table.dimension(), "nodeType", table.nodeType(), "rows", table.size(),
              "written", written, "createdAt", m.createdAt().toString())).consume());
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
