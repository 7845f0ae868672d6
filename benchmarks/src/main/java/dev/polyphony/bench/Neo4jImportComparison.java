package dev.polyphony.bench;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.EdgeType;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.IdMap;
import dev.polyphony.graph.NodeType;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.synth.SyntheticCatalog;
import dev.polyphony.graph.synth.SyntheticCatalogConfig;
import dev.polyphony.neo4j.EmbeddedNeo4jConfig;
import dev.polyphony.neo4j.GraphImportConfig;
import dev.polyphony.neo4j.GraphImportResult;
import dev.polyphony.neo4j.GraphImporter;
import dev.polyphony.neo4j.GraphMapping;
import dev.polyphony.neo4j.ImportMethod;
import dev.polyphony.neo4j.Neo4jConnection;
import dev.polyphony.neo4j.Neo4jTarget;
import dev.polyphony.neo4j.OfflineGraphImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.driver.Session;

/**
 * Relationships per second of {@link GraphImporter} against the naive import, in one run on the embedded
 * Neo4j: the same synthetic catalog (about one million relationships by default) written into a fresh
 * store by each method. The naive import writes nodes the same way ({@code UNWIND ... MERGE}, one batch
 * at a time) and relationships as one {@code UNWIND $rows AS r MATCH (a:Src {id: r.s}) MATCH (b:Dst
 * {id: r.d}) CREATE (a)-[:T]->(b)} transaction per batch of 10,000. {@link GraphImporter} runs with its
 * Cypher statements and with its import procedure, at each requested concurrency.
 * {@link OfflineGraphImporter} writes the same catalog into a fresh store with Neo4j's offline importer;
 * its time runs from the first CSV line to the constraints being online, nodes included, less the start and
 * stop of the server (the online imports are timed on a running server too).
 *
 * <p>A small catalog is imported by each method first to warm the JVM up. Each import gets its own
 * server and store so none inherits another's files or caches. The methods take turns for
 * {@code repeats} rounds and the best round of each is reported (the least disturbed by other work on a
 * shared machine), with the process CPU time per million relationships of that round (server and client
 * share the process) and the load average when it finished.
 *
 * <p>Run (the shaded jar breaks Neo4j's logging plugins, so use the module classpath):
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp benchmarks/target/classes:$(cat benchmarks/target/cp.txt) \
 *     dev.polyphony.bench.Neo4jImportComparison [tracks=100000] [repeats=1] [concurrency...=1 2]
 * </pre>
 */
public final class Neo4jImportComparison {
  private static final int NAIVE_BATCH = 10_000;

  private Neo4jImportComparison() {}

  public static void main(String[] args) throws IOException {
    int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    List<Integer> concurrency = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      concurrency.add(Integer.parseInt(args[i]));
    }
    if (concurrency.isEmpty()) {
      concurrency.addAll(List.of(1, 2));
    }
    HeteroGraph graph = catalog(tracks, 42);
    HeteroGraph warmup = catalog(5_000, 1);
    System.out.printf("catalog: %s (%,d nodes, %,d relationships)%n", graph, graph.nodeCount(), graph.edgeCount());
    System.out.println("load average at start: " + loadAverage());

    List<Method> methods = new ArrayList<>();
    methods.add(new Method("naive (UNWIND, MATCH by id x2, CREATE)", Neo4jImportComparison::measureNaive));
    for (boolean procedures : new boolean[] {false, true}) {
      for (int c : concurrency) {
        GraphImportConfig config = GraphImportConfig.defaults().withProcedures(procedures).withConcurrency(c);
        methods.add(new Method("polyphony, " + (procedures ? "procedure" : "Cypher") + ", " + c + " partition"
            + (c == 1 ? "" : "s"), g -> measureFast(g, config)));
      }
    }
    methods.add(new Method("offline importer (CSV, fresh store)", Neo4jImportComparison::measureOffline));

    for (Method m : methods) {
      m.measure.run(warmup);
    }
    Row[] best = new Row[methods.size()];
    for (int round = 0; round < repeats; round++) {
      for (int i = 0; i < methods.size(); i++) {
        Row r = methods.get(i).measure.run(graph).named(methods.get(i).name);
        System.out.printf("  %-44s %,10.0f rel/s  (load %s)%n", r.method, r.relationshipsPerSecond, r.load);
        best[i] = better(best[i], r);
      }
    }
    double naive = best[0].relationshipsPerSecond;
    System.out.println();
    System.out.printf("%-44s %9s %9s %13s %10s %12s %7s  %s%n", "method (best of " + repeats + ")", "nodes",
        "nodes/s", "relationships", "rel/s", "CPU s per 1M", "ratio", "load average after");
    for (Row r : best) {
      System.out.printf("%-44s %,9d %,9.0f %,13d %,10.0f %12.1f %6.2fx  %s%n", r.method, r.nodes,
          r.nodesPerSecond, r.relationships, r.relationshipsPerSecond, r.cpuSecondsPerMillion,
          r.relationshipsPerSecond / naive, r.load);
    }
    System.out.println("load average at end: " + loadAverage() + " (" + Runtime.getRuntime().availableProcessors()
        + " cores)");
  }

  private interface Measurement {
    Row run(HeteroGraph graph) throws IOException;
  }

  private record Method(String name, Measurement measure) {}

  private static HeteroGraph catalog(int tracks, long seed) {
    return SyntheticCatalog.generate(SyntheticCatalogConfig.builder().tracks(tracks).playlists(tracks * 3 / 20)
        .creators(tracks / 10).users(tracks / 5).seed(seed).build());
  }

  private static Row better(Row a, Row b) {
    return a == null || b.relationshipsPerSecond > a.relationshipsPerSecond ? b : a;
  }

  private static Row measureFast(HeteroGraph graph, GraphImportConfig config) throws IOException {
    return withFreshServer(target -> {
      RelationshipCpu cpu = new RelationshipCpu();
      GraphImportResult r = new GraphImporter(target, config).importGraph(graph, cpu);
      verify(target, graph);
      ImportMethod expected = config.useProcedures() ? ImportMethod.PROCEDURE : ImportMethod.CYPHER;
      if (r.method() != expected) {
        throw new IllegalStateException("expected an import by " + expected + ", got " + r.method());
      }
      return new Row("", r.totalNodesWritten(), r.nodesPerSecond(), r.totalRelationshipsCreated(),
          r.relationshipsPerSecond(), cpu.seconds() * 1e6 / r.totalRelationshipsCreated(), loadAverage());
    });
  }

  /** Process CPU time from the first relationship stage to the end of the last. */
  private static final class RelationshipCpu implements ProgressTracker {
    private long start = -1;
    private long end;

    @Override
    public void begin(String stage, long totalSteps) {
      if (start < 0 && stage.startsWith("relationships")) {
        start = processCpuNanos();
      }
    }

    @Override
    public void step(long steps) {}

    @Override
    public void end() {
      end = processCpuNanos();
    }

    double seconds() {
      return (end - start) / 1e9;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Row measureNaive(HeteroGraph graph) throws IOException {
    return withFreshServer(target -> {
      GraphMapping mapping = GraphMapping.conventional(graph.schema());
      long t0 = System.nanoTime();
      try (Session s = target.session()) {
        for (NodeType t : graph.schema().nodeTypes()) {
          s.run("CREATE CONSTRAINT IF NOT EXISTS FOR (n:" + mapping.quotedLabel(t) + ") REQUIRE n.id IS UNIQUE")
              .consume();
        }
        s.run("CALL db.awaitIndexes(600)").consume();
        for (NodeType t : graph.schema().nodeTypes()) {
          IdMap ids = graph.ids(t);
          String q = "UNWIND $rows AS r MERGE (n:" + mapping.quotedLabel(t) + " {id: r.id}) SET n += r.p";
          for (int from = 0; from < ids.size(); from += NAIVE_BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(ids.size(), from + NAIVE_BATCH); i++) {
              Map<String, Object> props = new HashMap<>();
              for (var c : graph.attributes(t).columns()) {
                Object v = c.get(i);
                if (v != null) {
                  props.put(c.name(), v);
                }
              }
              if (graph.features(t).isPresent()) {
                props.put("features", graph.features(t).get().row(i));
              }
              batch.add(Map.of("id", ids.externalId(i), "p", props));
            }
            s.executeWriteWithoutResult(tx -> tx.run(q, Map.of("rows", batch)).consume());
          }
        }
        long nodeNanos = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        long cpu0 = processCpuNanos();
        long created = 0;
        for (EdgeType e : graph.schema().edgeTypes()) {
          CsrAdjacency out = graph.out(e);
          IdMap src = graph.ids(e.src());
          IdMap dst = graph.ids(e.dst());
          String q = "UNWIND $rows AS r MATCH (a:" + mapping.quotedLabel(e.src()) + " {id: r.s}) MATCH (b:"
              + mapping.quotedLabel(e.dst()) + " {id: r.d}) CREATE (a)-[:" + mapping.quotedRelationshipType(e)
              + "]->(b)";
          List<Map<String, Object>> batch = new ArrayList<>();
          for (int u = 0; u < out.rowCount(); u++) {
            for (int p = out.start(u); p < out.end(u); p++) {
              batch.add(Map.of("s", src.externalId(u), "d", dst.externalId(out.target(p))));
              if (batch.size() == NAIVE_BATCH) {
                created += write(s, q, batch);
                batch = new ArrayList<>();
              }
            }
          }
          if (!batch.isEmpty()) {
            created += write(s, q, batch);
          }
        }
        long relNanos = System.nanoTime() - t1;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        verify(target, graph);
        return new Row("", graph.nodeCount(), graph.nodeCount() * 1e9 / nodeNanos, created, created * 1e9 / relNanos,
            cpuSeconds * 1e6 / created, loadAverage());
      }
    });
  }

  private static long write(Session s, String q, List<Map<String, Object>> batch) {
    return s.executeWrite(tx -> tx.run(q, Map.of("rows", batch)).consume().counters().relationshipsCreated());
  }

  private static void verify(Neo4jTarget target, HeteroGraph graph) {
    try (Session s = target.session()) {
      long rels = s.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong();
      if (rels != graph.edgeCount()) {
        throw new IllegalStateException("expected " + graph.edgeCount() + " relationships, found " + rels);
      }
    }
  }

  /**
   * {@link OfflineGraphImporter} into a fresh home: CSV files, the importer, then the server started on
   * the store, the uniqueness constraints built online and the import recorded. Nodes and relationships
   * share the whole time.
   */
  private static Row measureOffline(HeteroGraph graph) throws IOException {
    Path home = Files.createTempDirectory("polyphony-neo4j-offline");
    try {
      EmbeddedNeo4jConfig embedded = new EmbeddedNeo4jConfig(home, 0, EmbeddedNeo4jConfig.DEFAULT_PAGE_CACHE_BYTES);
      long cpu0 = processCpuNanos();
      StageTimes stages = new StageTimes();
      GraphImportResult r = new OfflineGraphImporter(embedded, Runtime.getRuntime().availableProcessors())
          .importGraph(graph, stages);
      double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      // The online imports are timed on a running server; so is this one, without the server's start and stop.
      double seconds = (r.relationshipNanos() - stages.nanos("start") - stages.nanos("stop")) / 1e9;
      System.out.println("  offline: " + stages + "; " + String.format(Locale.ROOT,
          "%.1f s without start and stop", seconds));
      try (Neo4jTarget target = Neo4jTarget.open(Neo4jConnection.embedded(embedded))) {
        verify(target, graph);
      }
      return new Row("", graph.nodeCount(), graph.nodeCount() / seconds, graph.edgeCount(),
          graph.edgeCount() / seconds, cpuSeconds * 1e6 / graph.edgeCount(), loadAverage());
    } finally {
      delete(home);
    }
  }

  /** Wall time per stage kind (the first word of the stage name), in order of appearance. */
  private static final class StageTimes implements ProgressTracker {
    private record Open(String kind, long startNanos) {}

    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();

    @Override
    public void begin(String stage, long totalSteps) {
      open.push(new Open(stage.split(" ")[0], System.nanoTime()));
    }

    @Override
    public void step(long steps) {}

    @Override
    public void end() {
      Open stage = open.pop();
      nanos.merge(stage.kind(), System.nanoTime() - stage.startNanos(), Long::sum);
    }

    long nanos(String kind) {
      return nanos.getOrDefault(kind, 0L);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      nanos.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k)
          .append(String.format(Locale.ROOT, " %.1f s", v / 1e9)));
      return sb.toString();
    }
  }

  private interface OnServer {
    Row run(Neo4jTarget target);
  }

  private static Row withFreshServer(OnServer m) throws IOException {
    Path home = Files.createTempDirectory("polyphony-neo4j-bench");
    try (Neo4jTarget target = open(home)) {
      return m.run(target);
    } finally {
      delete(home);
    }
  }

  private static Neo4jTarget open(Path home) {
    return Neo4jTarget.open(Neo4jConnection.embedded(
        new EmbeddedNeo4jConfig(home, 0, EmbeddedNeo4jConfig.DEFAULT_PAGE_CACHE_BYTES)));
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The 1, 5 and 15 minute load averages. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private record Row(String method, long nodes, double nodesPerSecond, long relationships,
      double relationshipsPerSecond, double cpuSecondsPerMillion, String load) {
    Row named(String name) {
      return new Row(name, nodes, nodesPerSecond, relationships, relationshipsPerSecond, cpuSecondsPerMillion, load);
    }
  }
}
