package dev.polyphony.bench;

import static dev.polyphony.graph.synth.SyntheticSchema.CONTAINS;
import static dev.polyphony.graph.synth.SyntheticSchema.TRACK;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.sample.Metapath;
import dev.polyphony.graph.sample.RandomWalker;
import dev.polyphony.graph.sample.WalkConfig;
import dev.polyphony.graph.sample.Walks;
import java.io.IOException;
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
 * Walk steps per second of track-playlist-track metapath walks on one thread, uniform and with node2vec
 * biases (p = 0.5, q = 2, rejection sampling). Every start track is in a playlist, so walks never end
 * early and each invocation takes exactly {@code STARTS * LENGTH} steps: the score is steps per second.
 * Graph: the synthetic catalog ({@link SyntheticCatalogFixture}, about ten million edges). Run small with
 * {@code -p scale=0.01}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@State(Scope.Benchmark)
public class RandomWalkBenchmark {
  static final int STARTS = 256;
  static final int LENGTH = 80;

  /** Fraction of the default synthetic catalog. */
  @Param({"1"})
  public double scale;

  @Param({"uniform", "node2vec"})
  public String bias;

  private RandomWalker walker;
  private WalkConfig config;
  private int[] starts;

  @Setup(Level.Trial)
  public void buildGraph() throws IOException {
    HeteroGraph graph = SyntheticCatalogFixture.load(scale);
    walker = RandomWalker.metapath(graph, Metapath.startingAt(TRACK).in(CONTAINS).out(CONTAINS).build());
    starts = SyntheticCatalogFixture.rowsWithEdges(graph.in(CONTAINS), STARTS, 7);
    WalkConfig uniform = WalkConfig.uniform(LENGTH, 1, 1);
    config = switch (bias) {
      case "uniform" -> uniform;
      case "node2vec" -> uniform.withBias(0.5, 2);
      default -> throw new IllegalArgumentException("bias must be uniform or node2vec (got " + bias + ")");
    };
  }

  @Benchmark
  @OperationsPerInvocation(STARTS * LENGTH)
  public Walks walkSteps() {
    config = config.withSeed(config.seed() + 1);
    return walker.walk(starts, config, 1, ProgressTracker.NONE);
  }
}
