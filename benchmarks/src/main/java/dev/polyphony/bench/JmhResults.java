package dev.polyphony.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one JMH run, read from the file JMH writes with {@code -rf json}. Benchmarks are named
 * {@code SimpleClassName.method}; a benchmark run with several parameter values has one result per value.
 */
final class JmhResults {
  /**
   * A score with its 99.9% confidence half-width (NaN when JMH had too few iterations), its unit, and the
   * best measured iteration: the fastest for times ({@code .../op}), the highest for rates. On a shared
   * machine the best iteration is the one least disturbed by other load.
   */
  record Metric(double score, double error, String unit, double best) {
    boolean isTime() {
      return unit.endsWith("/op");
    }
  }

  /** One benchmark at one parameter setting. */
  record Result(String benchmark, Map<String, String> params, int threads, Metric primary,
      Map<String, Metric> secondary) {}

  private final List<Result> results;

  private JmhResults(List<Result> results) {
    this.results = results;
  }

  static JmhResults read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no JMH results at " + file + " (run JMH with -rf json -rff " + file + ")");
    }
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    if (root == null || !root.isArray()) {
      throw new IOException(file + " is not a JMH JSON result list");
    }
    List<Result> results = new ArrayList<>();
    for (JsonNode run : root) {
      String name = run.path("benchmark").asText();
      int lastDot = name.lastIndexOf('.');
      int classDot = name.lastIndexOf('.', lastDot - 1);
      Map<String, String> params = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        params.put(p.getKey(), p.getValue().asText());
      }
      Map<String, Metric> secondary = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = run.path("secondaryMetrics").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        secondary.put(m.getKey(), metric(m.getValue()));
      }
      results.add(new Result(name.substring(classDot + 1), params, run.path("threads").asInt(),
          metric(run.path("primaryMetric")), secondary));
    }
    return new JmhResults(results);
  }

  /** The first result of {@code benchmark} ({@code Class.method}) whose parameters include {@code params}. */
  Optional<Result> find(String benchmark, Map<String, String> params) {
    return results.stream()
        .filter(r -> r.benchmark().equals(benchmark) && r.params().entrySet().containsAll(params.entrySet()))
        .findFirst();
  }

  Optional<Result> find(String benchmark) {
    return find(benchmark, Map.of());
  }

  private static Metric metric(JsonNode node) {
    // JMH writes "NaN" as a string when it cannot estimate the error.
    String unit = node.path("scoreUnit").asText();
    JsonNode percentiles = node.path("scorePercentiles");
    double best = percentiles.path(unit.endsWith("/op") ? "0.0" : "100.0").asDouble(Double.NaN);
    return new Metric(node.path("score").asDouble(Double.NaN), node.path("scoreError").asDouble(Double.NaN),
        unit, best);
  }
}
