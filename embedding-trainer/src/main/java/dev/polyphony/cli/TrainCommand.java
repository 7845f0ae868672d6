package dev.polyphony.cli;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.job.EpochLine;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.job.TrainingJobResult;
import dev.polyphony.train.EpochStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony train}: trains the job's multi-task GraphSAGE encoder on a whole catalog and saves the model. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Trains the multi-task GraphSAGE encoder of a job (the built-in defaults, --config and --set) on "
        + "every track of a catalog snapshot with all the job's tasks, then saves the model to DIR/model for "
        + "`polyphony embed`.",
        "DIR also gets job.json (the resolved job), checkpoint.bin (after every epoch) and metrics.jsonl (one JSON "
            + "line per epoch). Run again with --resume to continue an interrupted run: it ends with the model an "
            + "uninterrupted run would have."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--graph", required = true, paramLabel = "FILE.snap", description = "Catalog graph snapshot.")
  Path graph;

  @Mixin
  JobConfigOptions job;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory to write.")
  Path out;

  @Option(names = "--resume", description = "Continue from the checkpoint in DIR (start afresh when there is none).")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    TrainingJobConfig config = job.load(spec);
    if (TrainingJob.hasCheckpoint(out) && !resume) {
      throw new ParameterException(spec.commandLine(), out + " holds the checkpoint of an earlier run ("
          + TrainingJob.CHECKPOINT + "); add --resume to continue it, or choose another --out");
    }
    PrintWriter err = spec.commandLine().getErr();
    TrainingJobResult result;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(err);
        SameDiffOutputFilter quiet = new SameDiffOutputFilter()) {
      progress.begin("read graph", -1);
      HeteroGraph catalog = GraphSnapshot.read(graph);
      progress.end();
      TrainingJob trainingJob = new TrainingJob(config, catalog);
      if (resume && !TrainingJob.hasCheckpoint(out)) {
        err.println("no checkpoint in " + out + "; starting at epoch 1");
      }
      result = trainingJob.run(out, resume, progress, stats -> {
        err.println(EpochLine.format(stats, config.trainConfig().epochs()));
        err.flush();
      });
    }
    print(result, config);
    return 0;
  }

  private void print(TrainingJobResult result, TrainingJobConfig config) {
    PrintWriter text = spec.commandLine().getOut();
    List<EpochStats> history = result.training().history();
    text.printf(Locale.ROOT, "trained %d-dimensional '%s' embeddings on %s: %d epoch%s%s, %d steps in %.1f s%n",
        result.bundle().dimension(), result.bundle().seedType(), graph, history.size(), history.size() == 1 ? "" : "s",
        result.resumedAfterEpoch() > 0 ? " (resumed after epoch " + result.resumedAfterEpoch() + ")" : "",
        result.training().steps(), result.training().seconds());
    List<String> header = new ArrayList<>(List.of("epoch", "seconds", "learning rate", "loss"));
    List<String> tasks = history.isEmpty() ? List.of() : List.copyOf(history.get(0).taskLosses().keySet());
    header.addAll(tasks);
    boolean validated = history.stream().anyMatch(s -> Double.isFinite(s.validation()));
    if (validated) {
      header.add("validation");
    }
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (EpochStats s : history) {
      List<Object> row = new ArrayList<>(List.of(s.epoch(), String.format(Locale.ROOT, "%.1f", s.seconds()),
          String.format(Locale.ROOT, "%.6f", s.learningRate()), String.format(Locale.ROOT, "%.4f", s.meanLoss())));
      Map<String, Double> losses = s.taskLosses();
      for (String task : tasks) {
        row.add(String.format(Locale.ROOT, "%.4f", losses.getOrDefault(task, Double.NaN)));
      }
      if (validated) {
        row.add(String.format(Locale.ROOT, "%.4f", s.validation()));
      }
      table.row(row.toArray());
    }
    table.print(text, "  ");
    if (validated) {
      text.printf(Locale.ROOT, "kept epoch %d (best validation %.4f)%n", result.training().bestEpoch(),
          result.training().bestValidation());
    }
    text.println("model:   " + result.bundleDir() + "  (hash " + result.bundle().modelHash() + ")");
    text.println("metrics: " + out.resolve(TrainingJob.METRICS));
    text.println("next:    polyphony embed --model " + result.bundleDir() + " --graph " + graph + " --out "
        + out.resolve("embeddings"));
    text.flush();
  }
}
