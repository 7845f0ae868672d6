package dev.polyphony.bench;

import static dev.polyphony.graph.synth.SyntheticSchema.CONTAINS;
import static dev.polyphony.graph.synth.SyntheticSchema.TRACK;

import dev.polyphony.graph.CsrAdjacency;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.sample.AliasTable;
import dev.polyphony.graph.sample.DegreeNegativeSampler;
import dev.polyphony.graph.sample.NegativeConfig;
import dev.polyphony.graph.sample.NegativeSamples;
import dev.polyphony.graph.sample.PositiveFilter;
import dev.polyphony.graph.sample.UniformNegativeSampler;
import dev.polyphony.graph.sample.WalkHop;
import java.io.IOException;
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
 * uniform samplers. Graph: the synthetic catalog ({@link SyntheticCatalogFixture}, about ten million
 * edges). Run small with {@code -p scale=0.01}.
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

  /** Fraction of the default synthetic catalog. */
  @Param({"1"})
  public double scale;

  private AliasTable table;
  private DegreeNegativeSampler degree;
  private UniformNegativeSampler uniform;
  private int[] queries;
  private int[] positives;
  private final SplittableRandom random = new SplittableRandom(3);
  private long batch;

  @Setup(Level.Trial)
  public void buildGraph() throws IOException {
    HeteroGraph graph = SyntheticCatalogFixture.load(scale);
    CsrAdjacency playlistTracks = graph.out(CONTAINS);
    PositiveFilter filter = PositiveFilter.neighbors(playlistTracks);
    NegativeConfig config = NegativeConfig.of(PER_QUERY, 11);
    degree = new DegreeNegativeSampler(graph, WalkHop.in(CONTAINS), DegreeNegativeSampler.WORD2VEC_EXPONENT,
        filter, config);
    uniform = new UniformNegativeSampler(graph, TRACK, filter, config);
    table = degree.table();
    queries = SyntheticCatalogFixture.rowsWithEdges(playlistTracks, BATCH, 5);
    positives = new int[BATCH];
    for (int i = 0; i < BATCH; i++) {
      positives[i] = playlistTracks.target(playlistTracks.start(queries[i]));
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
