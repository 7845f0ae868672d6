package dev.polyphony.bench;

import dev.polyphony.rank.FeatureScaling;
import dev.polyphony.rank.HeadConfig;
import dev.polyphony.rank.RankingModel;
import dev.polyphony.rank.data.LastfmImpressions;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking throughput: candidates scored per second by each ranking head on one thread, one forward pass
 * ({@code RankingModel.predict}, feature rows in, one probability per task out) per invocation over
 * {@code batch} candidates. The shape is the Last.fm recommendation's: 101 features (rank-32 embeddings, their
 * product, dot product and four statistics), tasks {@code listened -> heavy, tagged}, the heads' default
 * widths. The weights are the seeded initial ones: the cost of a pass does not depend on their values. JMH's
 * score is invocations per second; times {@code batch} it is candidates per second (the report does this).
 *
 * <p>Run: {@code OMP_NUM_THREADS=1 java -jar benchmarks/target/benchmarks.jar RankingThroughput}, with the
 * malloc variables of DESIGN.md as the launcher sets them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xmn32m"})
@State(Scope.Benchmark)
public class RankingThroughputBenchmark {
  static final int FACTORS = 32;
  private static final long SEED = 5;

  @Param({"shared-bottom", "mmoe", "ple", "esmm", "aitm", "clicked-only"})
  public String head;

  /** Candidates per forward pass: one request's (100) and a bulk pass (4,096). */
  @Param({"100", "4096"})
  public int batch;

  private RankingModel model;
  private float[] features;

  @Setup(Level.Trial)
  public void setUp() {
    int d = LastfmImpressions.featureNames(FACTORS).size();
    double[] baseRates = {0.2, 0.1, 0.07};
    model = new RankingModel(HeadConfig.parse(head), LastfmImpressions.TASKS, FeatureScaling.identity(d), baseRates,
        SEED);
    features = new float[batch * d];
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < features.length; i++) {
      features[i] = (float) random.nextGaussian();
    }
  }

  @Benchmark
  public float[] score() {
    return model.predict(features, batch);
  }
}
