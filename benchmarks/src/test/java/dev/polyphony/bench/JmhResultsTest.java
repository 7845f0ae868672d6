package dev.polyphony.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.bench.JmhResults.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {
  private static final String JSON = """
      [
        {"benchmark": "dev.polyphony.bench.RandomWalkBenchmark.walkSteps", "mode": "thrpt", "threads": 1,
         "params": {"bias": "uniform", "scale": "1"},
         "primaryMetric": {"score": 4.0E6, "scoreError": 5.0E5, "scoreUnit": "ops/s",
           "scorePercentiles": {"0.0": 3.5E6, "100.0": 4.5E6}},
         "secondaryMetrics": {}},
        {"benchmark": "dev.polyphony.bench.RandomWalkBenchmark.walkSteps", "mode": "thrpt", "threads": 1,
         "params": {"bias": "node2vec", "scale": "1"},
         "primaryMetric": {"score": 2.0E6, "scoreError": "NaN", "scoreUnit": "ops/s",
           "scorePercentiles": {"0.0": 1.9E6, "100.0": 2.1E6}},
         "secondaryMetrics": {}},
        {"benchmark": "dev.polyphony.bench.NeighborSamplerBenchmark.sampleTwoThreads", "mode": "thrpt",
         "threads": 2, "params": {"batchSize": "512", "scale": "1"},
         "primaryMetric": {"score": 300.0, "scoreError": 20.0, "scoreUnit": "ops/s",
           "scorePercentiles": {"0.0": 280.0, "100.0": 320.0}},
         "secondaryMetrics": {"edges": {"score": 7.0E6, "scoreError": 1.0E6, "scoreUnit": "ops/s",
           "scorePercentiles": {"0.0": 6.0E6, "100.0": 8.0E6}}}},
        {"benchmark": "dev.polyphony.bench.CsrBuildBenchmark.polyphonyOutOnly", "mode": "avgt", "threads": 1,
         "params": {"edges": "1000000"},
         "primaryMetric": {"score": 60.0, "scoreError": 4.0, "scoreUnit": "ms/op",
           "scorePercentiles": {"0.0": 55.0, "100.0": 70.0}},
         "secondaryMetrics": {}}
      ]
      """;

  @Test
  void findsResultsByClassMethodAndParameters(@TempDir Path dir) throws IOException {
    JmhResults r = JmhResults.read(write(dir, JSON));

    assertThat(r.find("RandomWalkBenchmark.walkSteps", Map.of("bias", "node2vec")).orElseThrow().primary())
        .isEqualTo(new Metric(2.0e6, Double.NaN, "ops/s", 2.1e6));
    assertThat(r.find("RandomWalkBenchmark.walkSteps").orElseThrow().params()).containsEntry("bias", "uniform");
    assertThat(r.find("RandomWalkBenchmark.walkSteps", Map.of("bias", "other"))).isEmpty();
    assertThat(r.find("CsrBuildBenchmark.jgraphtOutOnly")).isEmpty();
  }

  @Test
  void bestIsTheFastestTimeAndTheHighestRate(@TempDir Path dir) throws IOException {
    JmhResults r = JmhResults.read(write(dir, JSON));

    Metric time = r.find("CsrBuildBenchmark.polyphonyOutOnly").orElseThrow().primary();
    assertThat(time.isTime()).isTrue();
    assertThat(time.best()).isEqualTo(55.0);
    JmhResults.Result sampler = r.find("NeighborSamplerBenchmark.sampleTwoThreads").orElseThrow();
    assertThat(sampler.threads()).isEqualTo(2);
    assertThat(sampler.secondary().get("edges")).isEqualTo(new Metric(7.0e6, 1.0e6, "ops/s", 8.0e6));
  }

  @Test
  void failsClearlyOnAMissingFileOrOtherJson(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("none.json");
    assertThatThrownBy(() -> JmhResults.read(missing)).isInstanceOf(IOException.class)
        .hasMessageContaining("no JMH results at " + missing);
    Path other = write(dir, "{\"benchmark\": 1}");
    assertThatThrownBy(() -> JmhResults.read(other)).isInstanceOf(IOException.class)
        .hasMessageContaining("is not a JMH JSON result list");
  }

  private static Path write(Path dir, String json) throws IOException {
    return Files.writeString(dir.resolve("jmh.json"), json);
  }
}
