package dev.polyphony.neo4j;

import dev.polyphony.graph.AttributeColumn;
import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeAttributes;
import dev.polyphony.graph.NodeFeatures;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Writes a {@link HeteroGraph} of any schema into Neo4j over Bolt, as laid out by a {@link GraphMapping}.
 *
 * <p>Order of work: a uniqueness constraint on {@code id} for every label (and the ledger's own), then
 * the nodes of each type in batches of {@code UNWIND ... MERGE} run in parallel (batches hold
 * disjoint ids), each returning the nodes' internal ids; then each relation in batches that address both
 * ends by internal id (a direct seek instead of an index lookup of the string id) and create the
 * relationships, in parallel over node-disjoint blocks ({@link RelationshipBatchPlan}). Where the server
 * has {@value ImportProcedures#CREATE_RELATIONSHIPS} (the embedded one does), a CREATE batch is one call of
 * it; otherwise, and for MERGE, one {@code UNWIND ... MATCH ... CREATE} (or {@code MERGE}) statement.
 * Every batch runs in a managed transaction, which the driver retries on
 * transient errors such as deadlocks, and records itself in the {@link ImportLedger} in that same
 * transaction. An import that stops midway therefore resumes, when run again with the same graph, from
 * its last committed batches and ends with exactly the graph's nodes and relationships; running a
 * finished import again writes nothing. Whatever stops a run (a failed batch, a lost connection, a closed
 * driver) surfaces as a {@link GraphImportException}.
 *
 * <p>Internal node ids are only held for the duration of one run: they are read back from the node
 * batches (or looked up again for batches a previous run committed) and never stored.
 */
public final class GraphImporter {
  private final Driver driver;
  private final SessionConfig sessionConfig;
  private final GraphImportConfig config;

  public GraphImporter(Driver driver, SessionConfig sessionConfig, GraphImportConfig config) {
    this.driver = Objects.requireNonNull(driver, "driver");
    this.sessionConfig = Objects.requireNonNull(sessionConfig, "sessionConfig");
    this.config = Objects.requireNonNull(config, "config");
  }

  public GraphImporter(Neo4jTarget target, GraphImportConfig config) {
    this(target.driver(), target.sessionConfig(), config);
  }

  /** Imports with the conventional mapping (see {@link GraphMapping#conventional}). */
  public GraphImportResult importGraph(HeteroGraph graph, ProgressTracker progress) {
    return importGraph(graph, GraphMapping.conventional(graph.schema()), progress);
  }

  /**
   * Imports {@code graph}; see the class comment for the guarantees.
   *
   * @throws IllegalArgumentException when an attribute name is not a valid property name or collides
   *     with {@code id} or the features property
   * @throws GraphImportException when a batch fails for good; committed batches stay and a new run resumes
   */
  public GraphImportResult importGraph(HeteroGraph graph, GraphMapping mapping, ProgressTracker progress) {
    Objects.requireNonNull(progress, "progress");
    if (!graph.schema().equals(mapping.schema())) {
      throw new IllegalArgumentException("the mapping is for another schema: " + mapping.schema());
    }
    checkPropertyNames(graph, mapping);
    String fingerprint = GraphFingerprint.of(graph, mapping);
    ImportLedger ledger = new ImportLedger(fingerprint);
    Run run = new Run(graph, mapping, ledger, progress);
    return run.execute();
  }

  /**
   * The uniqueness constraint on {@code id} of every label of {@code mapping} and the ledger's own
   * constraints, waiting until they are online.
   */
  static void createConstraints(Session session, GraphMapping mapping) {
    ImportLedger.ensureSchema(session);
    for (NodeType t : mapping.schema().nodeTypes()) {
      String label = mapping.label(t);
      session.run("CREATE CONSTRAINT " + CypherNames.quote("constraint", "polyphony_" + label + "_id")
          + " IF NOT EXISTS FOR (n:" + mapping.quotedLabel(t) + ") REQUIRE n.`" + GraphMapping.ID
          + "` IS UNIQUE").consume();
    }
    session.run("CALL db.awaitIndexes(600)").consume();
  }

  /** Refuses attribute names that are not valid property names or would overwrite id or features. */
  static void checkPropertyNames(HeteroGraph graph, GraphMapping mapping) {
    for (NodeType t : graph.schema().nodeTypes()) {
      for (String name : graph.attributes(t).names()) {
        CypherNames.require("attribute '" + name + "' of node type '" + t + "': property name", name);
        if (name.equals(GraphMapping.ID) || name.equals(mapping.featuresProperty())) {
          throw new IllegalArgumentException("attribute '" + name + "' of node type '" + t
              + "' would overwrite the node property '" + name + "'");
        }
      }
    }
  }

  /** One import run: its pool, counters and the internal ids it learns. */
  private final class Run {
    private final HeteroGraph graph;
    private final GraphMapping mapping;
    private final ImportLedger ledger;
    private final ProgressTracker progress;
    private final Map<String, Long> nodesWritten = new LinkedHashMap<>();
    private final Map<String, Long> relationshipsCreated = new LinkedHashMap<>();
    private final AtomicLong nodesCreated = new AtomicLong();
    private final AtomicInteger batchesWritten = new AtomicInteger();
    private final AtomicInteger batchesSkipped = new AtomicInteger();
    private ExecutorService pool;
    private ImportLayout layout;
    private Set<String> committed;

    Run(HeteroGraph graph, GraphMapping mapping, ImportLedger ledger, ProgressTracker progress) {
      this.graph = graph;
      this.mapping = mapping;
      this.ledger = ledger;
      this.progress = progress;
    }

    /** What the run is doing, for the message when it stops. */
    private volatile String stage = "starting";
    private boolean procedure;

    /** Runs the import; whatever stops it midway surfaces as a {@link GraphImportException}. */
    GraphImportResult execute() {
      try {
        return executeStages();
      } catch (GraphImportException e) {
        throw e;
      } catch (RuntimeException e) {
        throw stopped(stage, e);
      }
    }

    private GraphImportResult executeStages() {
      long start = System.nanoTime();
      ImportLedger.Entry entry;
      try (Session session = driver.session(sessionConfig)) {
        stage = "creating constraints";
        progress.begin("constraints", -1);
        createConstraints(session, mapping);
        entry = ledger.begin(session, config.layout());
        progress.end();
        layout = entry.layout();
        if (entry.isComplete()) {
          stage = "completing the import";
          ledger.complete(session, graph.nodeCount(), graph.edgeCount());
          return new GraphImportResult(ledger.graph(), true, layout, method(), Map.of(), 0, Map.of(), 0, 0, 0, 0);
        }
        committed = ledger.committedBatches(session);
        procedure = config.useProcedures() && layout.relationshipMode() == RelationshipWriteMode.CREATE
            && hasProcedure(session, ImportProcedures.CREATE_RELATIONSHIPS);
      }
      pool = Executors.newFixedThreadPool(config.concurrency(), new WorkerThreads());
      try {
        Map<NodeType, long[]> internalIds = importNodes();
        long nodeNanos = System.nanoTime() - start;
        long relStart = System.nanoTime();
        for (EdgeType e : graph.schema().edgeTypes()) {
          importRelation(e, internalIds.get(e.src()), internalIds.get(e.dst()));
        }
        long relationshipNanos = System.nanoTime() - relStart;
        stage = "completing the import";
        try (Session session = driver.session(sessionConfig)) {
          ledger.complete(session, graph.nodeCount(), graph.edgeCount());
        }
        return new GraphImportResult(ledger.graph(), false, layout, method(), nodesWritten, nodesCreated.get(),
            relationshipsCreated, batchesWritten.get(), batchesSkipped.get(), nodeNanos, relationshipNanos);
      } finally {
        pool.shutdownNow();
        awaitQuietly(pool);
      }
    }

    private ImportMethod method() {
      return procedure ? ImportMethod.PROCEDURE : ImportMethod.CYPHER;
    }

    private GraphImportException stopped(String what, Throwable failure) {
      return new GraphImportException("import of graph " + GraphFingerprint.shortForm(ledger.graph())
          + " stopped while " + what + ": "
          + Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName())
          + "; committed batches are kept, run the same import again to resume", failure);
    }

    /** Whether the server offers procedure {@code name}; a server that cannot tell is taken not to. */
    private static boolean hasProcedure(Session session, String name) {
      try {
        return session.run("SHOW PROCEDURES YIELD name WHERE name = $name RETURN count(*) AS n",
            Map.of("name", name)).single().get(0).asLong() > 0;
      } catch (ClientException e) {
        return false;
      }
    }

    // ---------------------------------------------------------------- nodes

    private Map<NodeType, long[]> importNodes() {
      Map<NodeType, long[]> internalIds = new HashMap<>();
      for (NodeType t : graph.schema().nodeTypes()) {
        boolean endpoint = !graph.schema().edgeTypesTouching(t).isEmpty();
        int n = graph.nodeCount(t);
        long[] ids = endpoint ? new long[n] : null;
        String label = mapping.label(t);
        stage = "writing nodes of " + label;
        AtomicLong written = new AtomicLong();
        progress.begin("nodes " + label, n);
        List<Callable<Void>> tasks = new ArrayList<>();
        int batchSize = layout.nodeBatchSize();
        for (int k = 0; (long) k * batchSize < n; k++) {
          int from = k * batchSize;
          int to = (int) Math.min(n, (long) from + batchSize);
          String key = ledger.batchKey("nodes:" + label, Integer.toString(k));
          tasks.add(() -> {
            if (committed.contains(key)) {
              batchesSkipped.incrementAndGet();
              if (ids != null) {
                lookUpNodes(t, from, to, ids);
              }
            } else {
              writeNodes(t, from, to, key, ids);
              written.addAndGet(to - from);
              batchesWritten.incrementAndGet();
            }
            progress.step(to - from);
            return null;
          });
        }
        runAll(tasks, "nodes of " + label);
        progress.end();
        nodesWritten.put(label, written.get());
        if (ids != null) {
          internalIds.put(t, ids);
        }
      }
      return internalIds;
    }

    private void writeNodes(NodeType t, int from, int to, String key, long[] ids) {
      IdMap idMap = graph.ids(t);
      NodeFeatures features = graph.features(t).orElse(null);
      List<AttributeColumn> columns = graph.attributes(t).columns();
      int n = to - from;
      String[] external = new String[n];
      List<Map<String, Object>> props = columns.isEmpty() ? null : new ArrayList<>(n);
      List<float[]> rows = features == null ? null : new ArrayList<>(n);
      for (int i = from; i < to; i++) {
        external[i - from] = idMap.externalId(i);
        if (props != null) {
          props.add(attributeValues(columns, i));
        }
        if (rows != null) {
          rows.add(features.row(i));
        }
      }
      StringBuilder q = new StringBuilder("UNWIND range(0, size($ids) - 1) AS i MERGE (n:")
          .append(mapping.quotedLabel(t)).append(" {`").append(GraphMapping.ID).append("`: $ids[i]})");
      List<String> sets = new ArrayList<>();
      if (props != null) {
        sets.add("n += $p[i]");
      }
      if (rows != null) {
        sets.add("n." + CypherNames.quote("property", mapping.featuresProperty()) + " = $f[i]");
      }
      if (!sets.isEmpty()) {
        q.append(" SET ").append(String.join(", ", sets));
      }
      q.append(" RETURN i, id(n) AS nid");
      String query = q.toString();
      Map<String, Object> params = new HashMap<>(4);
      params.put("ids", external);
      if (props != null) {
        params.put("p", props);
      }
      if (rows != null) {
        params.put("f", rows);
      }
      try (Session session = driver.session(sessionConfig)) {
        long created = session.executeWrite(tx -> {
          Result result = tx.run(query, params);
          int seen = 0;
          while (result.hasNext()) {
            Record r = result.next();
            if (ids != null) {
              ids[from + r.get(0).asInt()] = r.get(1).asLong();
            }
            seen++;
          }
          ResultSummary summary = result.consume();
          if (seen != n) {
            throw new IllegalStateException("node batch " + key + " returned " + seen + " of " + n + " nodes");
          }
          ledger.markBatch(tx, key);
          return (long) summary.counters().nodesCreated();
        });
        nodesCreated.addAndGet(created);
      }
    }

    private Map<String, Object> attributeValues(List<AttributeColumn> columns, int row) {
      Map<String, Object> values = new HashMap<>(columns.size() * 2);
      for (AttributeColumn c : columns) {
        Object v = c.get(row);
        if (v != null) {
          values.put(c.name(), v);
        }
      }
      return values;
    }

    private void lookUpNodes(NodeType t, int from, int to, long[] ids) {
      IdMap idMap = graph.ids(t);
      String[] external = new String[to - from];
      for (int i = from; i < to; i++) {
        external[i - from] = idMap.externalId(i);
      }
      String query = "UNWIND range(0, size($ids) - 1) AS i MATCH (n:" + mapping.quotedLabel(t) + " {`"
          + GraphMapping.ID + "`: $ids[i]}) RETURN i, id(n) AS nid";
      try (Session session = driver.session(sessionConfig)) {
        int seen = session.executeRead(tx -> {
          Result result = tx.run(query, Map.of("ids", external));
          int count = 0;
          while (result.hasNext()) {
            Record r = result.next();
            ids[from + r.get(0).asInt()] = r.get(1).asLong();
            count++;
          }
          return count;
        });
        if (seen != to - from) {
          throw new IllegalStateException((to - from - seen) + " nodes of label " + mapping.label(t)
              + " committed by an earlier run are missing; was the database changed in between?");
        }
      }
    }

    // ---------------------------------------------------------------- relationships

    private void importRelation(EdgeType e, long[] sourceIds, long[] targetIds) {
      CsrAdjacency out = graph.out(e);
      String type = mapping.relationshipType(e);
      stage = "writing relationships " + type;
      RelationshipBatchPlan plan = RelationshipBatchPlan.of(out, graph.in(e), e.isHomogeneous(),
          layout.partitions());
      String query = relationshipQuery(e, out);
      AtomicLong created = new AtomicLong();
      progress.begin("relationships " + type, out.edgeCount());
      for (List<RelationshipBatchPlan.Block> round : plan.rounds()) {
        List<Callable<Void>> tasks = new ArrayList<>();
        for (RelationshipBatchPlan.Block block : round) {
          tasks.add(() -> {
            Iterator<RelationshipBatchPlan.EdgeBatch> batches = plan.batches(block, layout.relationshipBatchSize());
            while (batches.hasNext()) {
              if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("import cancelled");
              }
              RelationshipBatchPlan.EdgeBatch batch = batches.next();
              String key = ledger.batchKey("rels:" + type, block.name() + "/" + batch.index());
              if (committed.contains(key)) {
                batchesSkipped.incrementAndGet();
              } else {
                created.addAndGet(writeRelationships(e, batch, query, key, sourceIds, targetIds));
                batchesWritten.incrementAndGet();
              }
              progress.step(batch.edgeCount());
            }
            return null;
          });
        }
        runAll(tasks, "relationships " + type);
      }
      progress.end();
      relationshipsCreated.put(type, created.get());
    }

    /**
     * One statement per relation. Parameters are parallel arrays ({@code $s[i] -> $d[i]}, optional
     * {@code $w[i]}, {@code $t[i]}): measured faster than a list of maps, which costs a map per edge to
     * pack, send and unpack. With the import procedure the same arrays go to
     * {@value ImportProcedures#CREATE_RELATIONSHIPS}, the properties as a map of columns.
     */
    private String relationshipQuery(EdgeType e, CsrAdjacency out) {
      if (procedure) {
        return "CALL " + ImportProcedures.CREATE_RELATIONSHIPS + "($type, $s, $d, $p) YIELD created RETURN created";
      }
      List<String> props = new ArrayList<>();
      if (out.hasWeights()) {
        props.add("`" + GraphMapping.WEIGHT + "`: $w[i]");
      }
      if (out.hasTimestamps()) {
        props.add("`" + GraphMapping.TIMESTAMP + "`: $t[i]");
      }
      StringBuilder q = new StringBuilder("UNWIND range(0, size($s) - 1) AS i ")
          .append("MATCH (a) WHERE id(a) = $s[i] MATCH (b) WHERE id(b) = $d[i] ");
      String type = mapping.quotedRelationshipType(e);
      if (layout.relationshipMode() == RelationshipWriteMode.CREATE) {
        q.append("CREATE (a)-[:").append(type);
        if (!props.isEmpty()) {
          q.append(" {").append(String.join(", ", props)).append('}');
        }
        q.append("]->(b)");
      } else {
        q.append("MERGE (a)-[x:").append(type).append("]->(b)");
        if (!props.isEmpty()) {
          q.append(" SET x += {").append(String.join(", ", props)).append('}');
        }
      }
      return q.toString();
    }

    private long writeRelationships(EdgeType e, RelationshipBatchPlan.EdgeBatch batch, String query,
        String key, long[] sourceIds, long[] targetIds) {
      CsrAdjacency out = graph.out(e);
      int m = batch.edgeCount();
      long[] s = new long[m];
      long[] d = new long[m];
      float[] w = out.hasWeights() ? new float[m] : null;
      long[] t = out.hasTimestamps() ? new long[m] : null;
      int k = 0;
      for (int g = 0; g < batch.groups(); g++) {
        long source = sourceIds[batch.sources()[g]];
        for (int p = batch.from()[g]; p < batch.to()[g]; p++, k++) {
          s[k] = source;
          d[k] = targetIds[out.target(p)];
          if (w != null) {
            w[k] = out.weight(p);
          }
          if (t != null) {
            t[k] = out.timestamp(p);
          }
        }
      }
      Map<String, Object> params = new HashMap<>(8);
      params.put("s", s);
      params.put("d", d);
      if (procedure) {
        Map<String, Object> properties = new HashMap<>(4);
        if (w != null) {
          properties.put(GraphMapping.WEIGHT, w);
        }
        if (t != null) {
          properties.put(GraphMapping.TIMESTAMP, t);
        }
        params.put("type", mapping.relationshipType(e));
        params.put("p", properties);
      } else {
        if (w != null) {
          params.put("w", w);
        }
        if (t != null) {
          params.put("t", t);
        }
      }
      boolean exact = layout.relationshipMode() == RelationshipWriteMode.CREATE;
      try (Session session = driver.session(sessionConfig)) {
        return session.executeWrite(tx -> {
          Result result = tx.run(query, params);
          long created = procedure ? result.single().get(0).asLong()
              : result.consume().counters().relationshipsCreated();
          if (exact && created != m) {
            throw new IllegalStateException("relationship batch " + key + " created " + created + " of "
                + m + " relationships: end nodes are missing");
          }
          ledger.markBatch(tx, key);
          return created;
        });
      }
    }

    // ---------------------------------------------------------------- execution

    /** Runs tasks on the pool; on the first failure cancels the rest and waits for running batches. */
    private void runAll(List<Callable<Void>> tasks, String what) {
      List<Future<Void>> futures = new ArrayList<>(tasks.size());
      for (Callable<Void> task : tasks) {
        futures.add(pool.submit(task));
      }
      Throwable failure = null;
      for (Future<Void> f : futures) {
        try {
          if (failure == null) {
            f.get();
          } else {
            f.cancel(true);
          }
        } catch (ExecutionException ex) {
          failure = ex.getCause();
          futures.forEach(other -> other.cancel(true));
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          failure = ex;
          futures.forEach(other -> other.cancel(true));
        }
      }
      if (failure != null) {
        pool.shutdownNow();
        awaitQuietly(pool);
        throw stopped("writing " + what, failure);
      }
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException("import workers did not stop within 10 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Daemon worker threads with readable names. */
  private static final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "polyphony-neo4j-import-" + next.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
