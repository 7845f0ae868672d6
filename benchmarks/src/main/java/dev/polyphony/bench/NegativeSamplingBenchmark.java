package dev.polyphony.bench;

import dev.polyphony.graph.sample.AliasTable;
import dev.polyphony.graph.sample.DegreeNegativeSampler;
import dev.polyphony.graph.sample.NegativeConfig;
import dev.polyphony.graph.sample.NegativeSamples;
import dev.polyphony.graph.sample.PositiveFilter;
import dev.polyphony.graph.sample.UniformNegativeSampler;
import dev.polyphony.graph.sample.WalkHop;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Negatives per second on one thread: raw alias-table draws over track degree^0.75, and whole batches
 * of filtered negatives (a playlist's own tracks refused by binary search) from the degree^0.75 and the
 * uniform samplers. Run small with {@code -p edges=100000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class NegativeSamplingBenchmark {
  static final int BATCH = 512;
  static final int PER_QUERY = 5;

  @Param({"10000000"})
  public int edges;

  private AliasTable table;
  private DegreeNegativeSampler degree;
  private UniformNegativeSampler uniform;
  private int[] queries;
  private int[] positives;
  private final SplittableRandom random = new SplittableRandom(3);
  private long batch;

  @Setup(Level.Trial)
  public void buildGraph() {
    PlaylistTrackGraph g = new PlaylistTrackGraph(edges, 42);
    PositiveFilter playlistTracks = PositiveFilter.neighbors(g.graph.out(g.contains));
    NegativeConfig config = NegativeConfig.of(PER_QUERY, 11);
    degree = new DegreeNegativeSampler(g.graph, WalkHop.in(g.contains), DegreeNegativeSampler.WORD2VEC_EXPONENT,
        playlistTracks, config);
    uniform = new UniformNegativeSampler(g.graph, g.track, playlistTracks, config);
    table = degree.table();
    queries = g.playlistsWithTracks(BATCH, 5);
    positives = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      positives[i] = g.graph.out(g.contains).target(g.graph.out(g.contains).start(queries[i]));
    }
  }

  @Benchmark
  public int aliasDraw() {
    return table.sample(random);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH * PER_QUERY)
  public NegativeSamples degreeNegatives() {
    return degree.sample(queries, positives, batch++);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH * PER_QUERY)
  public NegativeSamples uniformNegatives() {
    return uniform.sample(queries, positives, batch++);
  }
}
