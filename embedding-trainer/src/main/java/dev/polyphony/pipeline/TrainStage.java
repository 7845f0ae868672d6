package dev.polyphony.pipeline;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.sample.SeedDerivation;
import dev.polyphony.job.EpochLine;
import dev.polyphony.job.PipelineJobConfigReader;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.job.TrainingJobResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Trains the job's multi-task encoder ({@link TrainingJob}) on the catalog less the {@link NewTracks} (a seeded
 * share {@code pipeline.newTracks} of the tracks, listed in {@code train/new-tracks.tsv}), into {@code train/}.
 * A run that was killed during training resumes from its checkpoint when the graph and the job are the ones the
 * checkpoint was made with (recorded in {@code train/inputs.sha256}); otherwise the folder is cleared first.
 */
final class TrainStage implements Stage {
  /** Stream of the job seed that draws the new tracks. */
  static final long NEW_TRACKS_STREAM = 11;
  private static final String INPUTS_MARKER = "inputs.sha256";

  @Override
  public String name() {
    return "train";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    return List.of(c.layout().graph());
  }

  @Override
  public String settings(StageContext c) {
    return PipelineJobConfigReader.trainingJson(c.config().training()) + "\nnewTracks="
        + PipelineJobConfigReader.sectionJson(c.config().pipeline().newTracks());
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().train());
  }

  @Override
  public void run(StageContext c) throws Exception {
    Path dir = c.layout().train();
    String marker = Fingerprint.of(inputs(c), settings(c));
    Path markerFile = dir.resolve(INPUTS_MARKER);
    boolean resume = TrainingJob.hasCheckpoint(dir) && Files.isRegularFile(markerFile)
        && Files.readString(markerFile, StandardCharsets.UTF_8).trim().equals(marker);
    if (!resume) {
      deleteTree(dir);
    }
    Files.createDirectories(dir);
    AtomicFiles.writeString(markerFile, marker + "\n");
    TrainingJobConfig config = c.config().training();
    HeteroGraph graph = c.graph();
    config.checkAgainst(graph);
    NewTracks newTracks = NewTracks.draw(graph, graph.schema().edgeType(config.catalog().playlistRelation()).dst(),
        c.config().pipeline().newTracks(), SeedDerivation.derive(config.seed(), NEW_TRACKS_STREAM));
    AtomicFiles.writeString(c.layout().newTracks(), String.join("\n", newTracks.ids(graph))
        + (newTracks.count() > 0 ? "\n" : ""));
    HeteroGraph trainingGraph = newTracks.trainingGraph(graph, c.progress());
    PrintWriter text = c.text();
    text.printf(Locale.ROOT, "   training on %,d of %,d %s nodes (%,d held out as new tracks)%s%n",
        graph.nodeCount(newTracks.type()) - newTracks.count(), graph.nodeCount(newTracks.type()), newTracks.type(),
        newTracks.count(), resume ? ", resuming from the checkpoint" : "");
    text.flush();
    TrainingJob job = new TrainingJob(config, trainingGraph);
    int epochs = config.trainConfig().epochs();
    TrainingJobResult result = job.run(dir, resume, c.progress(), stats -> {
      text.println("   " + EpochLine.format(stats, epochs));
      text.flush();
    });
    text.printf(Locale.ROOT, "   %d epochs, %d steps in %.1f s; kept epoch %d%n", result.training().history().size(),
        result.training().steps(), result.training().seconds(), result.training().bestEpoch());
    text.println("   model:   " + result.bundleDir() + " (hash " + result.bundle().modelHash() + ")");
    text.println("   metrics: " + c.layout().metrics());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
