package dev.polyphony.bench.gds;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Neo4j 5.26 in-process with the Graph Data Science library: projects {@link HomogeneousGraph}s into GDS's
 * in-memory catalog (a Cypher aggregation over integer ids, so nothing is written to the store) and streams
 * node embeddings of FastRP, GraphSAGE and Node2Vec back as row-major float arrays indexed by global id.
 * The store lives in a temporary folder removed on {@link #close()}.
 */
public final class GdsPeer implements AutoCloseable {
  private static final String PROJECT = """
      UNWIND range(0, size($source) - 1) AS i
      WITH $source[i] AS s, $target[i] AS t
      WITH gds.graph.project($name, s, CASE WHEN t < 0 THEN null ELSE t END,
        {sourceNodeProperties: {features: $features[s]},
         targetNodeProperties: CASE WHEN t < 0 THEN null ELSE {features: $features[t]} END},
        {undirectedRelationshipTypes: ['*']}) AS g
      WITH g RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships""";

  private final Path home;
  private final DatabaseManagementService service;
  private final GraphDatabaseService db;
  private int models;

  private GdsPeer(Path home, DatabaseManagementService service) {
    this.home = home;
    this.service = service;
    this.db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
  }

  /** Starts Neo4j with GDS in a new temporary folder; no network connector is opened. */
  public static GdsPeer start() {
    try {
      Path home = Files.createTempDirectory("polyphony-gds");
      DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
          .setConfig(BoltConnector.enabled, false)
          .setConfig(HttpConnector.enabled, false)
          .setConfig(HttpsConnector.enabled, false)
          .setConfig(GraphDatabaseSettings.pagecache_memory, 64L << 20)
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
          .build();
      GdsPeer peer = new GdsPeer(home, service);
      peer.registerProcedures();
      return peer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Registers the procedures and functions GDS's jars list as services: an embedded server loads procedures
   * from its plugins folder only, never from the class path.
   */
  private void registerProcedures() throws IOException {
    GlobalProcedures procedures = ((GraphDatabaseAPI) db).getDependencyResolver()
        .resolveDependency(GlobalProcedures.class);
    try {
      for (String name : services("org.neo4j.procedure.Procedure")) {
        procedures.registerProcedure(Class.forName(name));
      }
      for (String name : services("org.neo4j.procedure.UserFunction")) {
        Class<?> type = Class.forName(name);
        procedures.registerFunction(type);
        procedures.registerAggregationFunction(type);
      }
    } catch (ReflectiveOperationException | ProcedureException e) {
      throw new IllegalStateException("cannot register GDS procedures: " + e.getMessage(), e);
    }
  }

  private static Set<String> services(String service) throws IOException {
    Set<String> names = new TreeSet<>();
    Enumeration<URL> files = GdsPeer.class.getClassLoader().getResources("META-INF/services/" + service);
    while (files.hasMoreElements()) {
      try (InputStream in = files.nextElement().openStream()) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String name = line.strip();
          if (name.startsWith("org.neo4j.gds.")) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  /** The names of the registered GDS procedures and functions ({@code gds.list()}). */
  public List<String> procedures() {
    return db.executeTransactionally("CALL gds.list() YIELD name RETURN name ORDER BY name", Map.of(), r -> {
      List<String> names = new ArrayList<>();
      r.forEachRemaining(row -> names.add((String) row.get("name")));
      return names;
    });
  }

  /** Projects {@code graph} as undirected graph {@code name}; returns its node and relationship counts. */
  public long[] project(String name, HomogeneousGraph graph) {
    int n = Math.toIntExact(graph.nodeCount());
    long[] source = new long[n + graph.edgeCount()];
    long[] target = new long[source.length];
    for (int v = 0; v < n; v++) {
      source[v] = v;
      target[v] = -1;
    }
    System.arraycopy(graph.source(), 0, source, n, graph.edgeCount());
    System.arraycopy(graph.target(), 0, target, n, graph.edgeCount());
    List<float[]> features = new ArrayList<>(n);
    for (int v = 0; v < n; v++) {
      features.add(graph.featureRow(v));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("name", name);
    params.put("source", source);
    params.put("target", target);
    params.put("features", features);
    return db.executeTransactionally(PROJECT, params, r -> {
      Map<String, Object> row = r.next();
      return new long[] {((Number) row.get("nodes")).longValue(), ((Number) row.get("relationships")).longValue()};
    });
  }

  public void drop(String name) {
    db.executeTransactionally("CALL gds.graph.drop($name) YIELD graphName RETURN graphName", Map.of("name", name));
  }

  /** FastRP embeddings of every node of projected graph {@code graph} ({@code nodeCount x dimension}). */
  public float[] fastRp(String graph, long nodeCount, GdsSettings s) {
    Map<String, Object> config = new HashMap<>();
    config.put("embeddingDimension", s.dimension());
    config.put("featureProperties", List.of("features"));
    config.put("propertyRatio", s.propertyRatio());
    config.put("randomSeed", s.seed());
    config.put("concurrency", s.concurrency());
    return stream("CALL gds.fastRP.stream($graph, $config) YIELD nodeId, embedding", graph, config, nodeCount,
        s.dimension());
  }

  /** Node2Vec embeddings of every node of projected graph {@code graph}. */
  public float[] node2Vec(String graph, long nodeCount, GdsSettings s) {
    Map<String, Object> config = new HashMap<>();
    config.put("embeddingDimension", s.dimension());
    config.put("walksPerNode", s.walksPerNode());
    config.put("walkLength", s.walkLength());
    config.put("randomSeed", s.seed());
    config.put("concurrency", s.concurrency());
    return stream("CALL gds.node2vec.stream($graph, $config) YIELD nodeId, embedding", graph, config, nodeCount,
        s.dimension());
  }

  /** Trains a GraphSAGE model on projected graph {@code graph}; returns the model's name. */
  public String trainGraphSage(String graph, GdsSettings s) {
    String model = "sage-" + (++models);
    Map<String, Object> config = new HashMap<>();
    config.put("modelName", model);
    config.put("featureProperties", List.of("features"));
    config.put("aggregator", "mean");
    config.put("activationFunction", "relu");
    config.put("sampleSizes", s.sampleSizes());
    config.put("embeddingDimension", s.dimension());
    config.put("epochs", s.epochs());
    config.put("batchSize", s.batchSize());
    config.put("learningRate", s.learningRate());
    config.put("maxIterations", s.maxIterations());
    if (s.batchSamplingRatio() > 0) {
      config.put("batchSamplingRatio", s.batchSamplingRatio());
    }
    config.put("randomSeed", s.seed());
    config.put("concurrency", s.concurrency());
    db.executeTransactionally("CALL gds.beta.graphSage.train($graph, $config) YIELD modelInfo RETURN modelInfo",
        Map.of("graph", graph, "config", config), r -> {
          r.next();
          return null;
        });
    return model;
  }

  /** Embeddings of every node of projected graph {@code graph} by trained GraphSAGE model {@code model}. */
  public float[] graphSage(String graph, String model, long nodeCount, GdsSettings s) {
    Map<String, Object> config = Map.of("modelName", model, "concurrency", s.concurrency(), "batchSize",
        s.batchSize());
    return stream("CALL gds.beta.graphSage.stream($graph, $config) YIELD nodeId, embedding", graph, config,
        nodeCount, s.dimension());
  }

  public void dropModel(String model) {
    db.executeTransactionally("CALL gds.model.drop($model) YIELD modelName RETURN modelName", Map.of("model", model));
  }

  private float[] stream(String call, String graph, Map<String, Object> config, long nodeCount, int dimension) {
    float[] out = new float[Math.toIntExact(nodeCount * dimension)];
    long rows = db.executeTransactionally(call + " RETURN nodeId, embedding",
        Map.of("graph", graph, "config", config), r -> {
          long seen = 0;
          while (r.hasNext()) {
            Map<String, Object> row = r.next();
            long id = ((Number) row.get("nodeId")).longValue();
            if (id < 0 || id >= nodeCount) {
              throw new IllegalStateException("GDS returned node " + id + " outside [0, " + nodeCount + ")");
            }
            copy(row.get("embedding"), out, Math.toIntExact(id * dimension), dimension);
            seen++;
          }
          return seen;
        });
    if (rows != nodeCount) {
      throw new IllegalStateException("GDS returned " + rows + " embeddings for " + nodeCount + " nodes");
    }
    return out;
  }

  private static void copy(Object embedding, float[] out, int offset, int dimension) {
    if (embedding instanceof double[] d) {
      check(d.length, dimension);
      for (int c = 0; c < dimension; c++) {
        out[offset + c] = (float) d[c];
      }
    } else if (embedding instanceof float[] f) {
      check(f.length, dimension);
      System.arraycopy(f, 0, out, offset, dimension);
    } else if (embedding instanceof List<?> list) {
      check(list.size(), dimension);
      for (int c = 0; c < dimension; c++) {
        out[offset + c] = ((Number) list.get(c)).floatValue();
      }
    } else {
      throw new IllegalStateException("unexpected embedding value " + Objects.toString(embedding));
    }
  }

  private static void check(int length, int dimension) {
    if (length != dimension) {
      throw new IllegalStateException("embedding of " + length + " values, expected " + dimension);
    }
  }

  @Override
  public void close() {
    service.shutdown();
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
