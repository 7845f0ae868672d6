package dev.polyphony.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.polyphony.bench.gds.CoraComparison;
import dev.polyphony.bench.gds.GdsAlgorithm;
import dev.polyphony.bench.gds.GdsPeer;
import dev.polyphony.bench.gds.GdsRecommender;
import dev.polyphony.bench.gds.GdsSettings;
import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.eval.EvaluationResult;
import dev.polyphony.eval.PlaylistRecommender;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.job.EvaluationJob;
import dev.polyphony.job.TrainingJobConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Polyphony side by side with Neo4j GDS: playlist-continuation quality on Spotify songs (both splits, the
 * project's evaluation code for every method), Cora node classification, and training / inference speed and
 * peak memory of GDS GraphSAGE and Polyphony's GraphSAGE (each speed run in its own JVM). Writes
 * {@code gds-comparison.md} and {@code gds-comparison.json} to the output folder (atomically).
 *
 * <p>Arguments: {@code [outDir] [speedEpochs] [syntheticScale]}, defaults {@code benchmarks/results/gds}, 1 and
 * 0.1 (about one million edges). Run through {@code benchmarks/gds-compare.sh}.
 */
public final class GdsComparison {
  private static final List<EvaluationProtocol> SHOWN = List.of(EvaluationProtocol.WARM, EvaluationProtocol.COLD);

  private GdsComparison() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "benchmarks/results/gds");
    int speedEpochs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
    Files.createDirectories(out);
    ProgressTracker progress = new PrintingProgress();
    Map<String, Object> json = new LinkedHashMap<>();
    TrainingJobConfig job = TrainingJobConfig.defaults().resolved();
    GdsSettings settings = GdsSettings.matching(job.encoder().outputDim(),
        GdsSpeedProbe.sampleSizes(job.training().fanouts()), job.training().epochs(), job.training().batchSize(),
        job.training().learningRate(), job.seed());
    json.put("gdsSettings", settings);

    List<EvaluationResult> quality;
    Map<String, Double> cora;
    try (GdsPeer peer = GdsPeer.start()) {
      HeteroGraph spotify = new SpotifySongsReader().read(BenchmarkDatasets.spotifySongsZip(), new RejectReport())
          .graph();
      EvaluationJob evaluation = new EvaluationJob(job);
      List<PlaylistRecommender> recommenders = new ArrayList<>();
      for (GdsAlgorithm a : GdsAlgorithm.values()) {
        recommenders.add(new GdsRecommender(peer, a, settings, job.training().kernelTemperature(),
            job.training().densityCorrection()));
      }
      recommenders.addAll(evaluation.recommenders(List.of(), List.of("organisational")));
      EvaluationReport report = evaluation.run(spotify, recommenders, 2, progress);
      quality = report.results();
      json.put("quality", quality);
      cora = CoraComparison.run(BenchmarkDatasets.cora(), Path.of("docs", "examples", "cora-schema.yaml"), peer,
          settings.withEpochs(settings.epochs()), progress);
      json.put("coraTestAccuracy", cora);
    }

    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    // Quality alone first, so a failing speed run does not lose it.
    AtomicFiles.writeString(out.resolve("gds-comparison.json"), mapper.writeValueAsString(json) + "\n");
    List<Map<String, Object>> speed = new ArrayList<>();
    for (String graph : List.of("spotify", "synthetic")) {
      for (String system : List.of("gds", "polyphony")) {
        System.err.printf(Locale.ROOT, "[speed] %s on %s, %d epoch(s)%n", system, graph, speedEpochs);
        speed.add(probe(system, graph, speedEpochs, scale));
      }
    }
    json.put("speed", speed);
    json.put("syntheticScale", scale);
    json.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage());

    String markdown = markdown(quality, cora, speed, speedEpochs, scale);
    AtomicFiles.writeString(out.resolve("gds-comparison.json"), mapper.writeValueAsString(json) + "\n");
    AtomicFiles.writeString(out.resolve("gds-comparison.md"), markdown);
    System.out.print(markdown);
    System.err.println("wrote " + out.resolve("gds-comparison.md") + " and " + out.resolve("gds-comparison.json"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> probe(String system, String graph, int epochs, double scale) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx3g", "-Xmn32m", "-Xss4m",
        "-Dpolyphony.datasets=" + System.getProperty("polyphony.datasets", ""),
        "-cp", System.getProperty("java.class.path"), GdsSpeedProbe.class.getName(), system, graph,
        String.valueOf(epochs), String.valueOf(scale)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String result = null;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line.substring("RESULT ".length());
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || result == null) {
      throw new IllegalStateException("speed run " + system + " " + graph + " failed with exit code " + exit);
    }
    return new ObjectMapper().readValue(result, Map.class);
  }

  static String markdown(List<EvaluationResult> quality, Map<String, Double> cora, List<Map<String, Object>> speed,
      int speedEpochs, double scale) {
    StringBuilder md = new StringBuilder();
    md.append("### Playlist continuation, Spotify songs (Recall@50 / NDCG@50)\n\n");
    md.append("| method |");
    SHOWN.forEach(p -> md.append(" ").append(p.label()).append(" R@50 | ").append(p.label()).append(" NDCG@50 |"));
    md.append("\n|---|").append("---:|---:|".repeat(SHOWN.size())).append('\n');
    Map<String, Map<EvaluationProtocol, EvaluationResult>> byMethod = new LinkedHashMap<>();
    for (EvaluationResult r : quality) {
      byMethod.computeIfAbsent(r.recommender(), k -> new LinkedHashMap<>()).put(r.protocol(), r);
    }
    byMethod.forEach((method, results) -> {
      md.append("| ").append(method).append(" |");
      for (EvaluationProtocol p : SHOWN) {
        EvaluationResult r = results.get(p);
        md.append(String.format(Locale.ROOT, " %.4f | %.4f |", r.recallAt50(), r.ndcgAt50()));
      }
      md.append('\n');
    });
    md.append("\n### Cora node classification (test accuracy, Planetoid split)\n\n| method | accuracy |\n|---|---:|\n");
    cora.forEach((method, acc) -> md.append(String.format(Locale.ROOT, "| %s | %.3f |%n", method, acc)));
    md.append(String.format(Locale.ROOT, "%n### Speed: GDS GraphSAGE vs Polyphony GraphSAGE (%d epoch(s), each one"
        + " pass over the training seeds; synthetic scale %s)%n%n", speedEpochs, scale));
    md.append("| graph | system | fan-outs | seeds per epoch | train s | seeds/s | embed s | nodes embedded"
        + " | peak heap MB | peak RSS MB |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map<String, Object> s : speed) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %.1f | %,.0f | %.1f | %,d | %,d | %,d |%n",
          s.get("graph"), s.get("system"), s.get("sampleSizes"), (long) num(s, "seedsPerEpoch"),
          num(s, "trainSeconds"), seedsPerSecond(s), num(s, "embedSeconds"), (long) num(s, "nodesEmbedded"),
          (long) (num(s, "peakHeapBytes") / 1e6), (long) (num(s, "peakRssBytes") / 1e6)));
    }
    md.append("\n| graph | train time per epoch GDS / Polyphony | training seeds/s Polyphony / GDS"
        + " | embed time per node GDS / Polyphony | peak heap GDS / Polyphony | peak RSS GDS / Polyphony |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i + 1 < speed.size(); i += 2) {
      Map<String, Object> g = speed.get(i);
      Map<String, Object> p = speed.get(i + 1);
      md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", g.get("graph"),
          num(g, "trainSeconds") / num(p, "trainSeconds"), seedsPerSecond(p) / seedsPerSecond(g),
          (num(g, "embedSeconds") / num(g, "nodesEmbedded")) / (num(p, "embedSeconds") / num(p, "nodesEmbedded")),
          num(g, "peakHeapBytes") / num(p, "peakHeapBytes"), num(g, "peakRssBytes") / num(p, "peakRssBytes")));
    }
    return md.toString();
  }

  private static double seedsPerSecond(Map<String, Object> row) {
    return num(row, "seedsPerEpoch") * num(row, "epochs") / num(row, "trainSeconds");
  }

  private static double num(Map<String, Object> row, String key) {
    return ((Number) row.get(key)).doubleValue();
  }

  /** Prints each stage's start and duration to standard error. */
  private static final class PrintingProgress implements ProgressTracker {
    private final java.util.ArrayDeque<Object[]> open = new java.util.ArrayDeque<>();

    @Override
    public void begin(String stage, long totalSteps) {
      if (open.isEmpty()) {
        System.err.println("[start] " + stage);
      }
      open.push(new Object[] {stage, System.nanoTime()});
    }

    @Override
    public void step(long steps) {}

    @Override
    public void end() {
      Object[] stage = open.pop();
      if (open.isEmpty()) {
        System.err.printf(Locale.ROOT, "[done]  %s in %.1f s%n", stage[0], (System.nanoTime() - (long) stage[1]) / 1e9);
      }
    }
  }
}
