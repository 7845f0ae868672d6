package dev.polyphony.cli;

import dev.polyphony.eval.EvaluationJson;
import dev.polyphony.eval.EvaluationMarkdown;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.IngestResult;
import dev.polyphony.graph.io.RejectReport;
import dev.polyphony.graph.io.SpotifySongsReader;
import dev.polyphony.job.EvaluationJob;
import dev.polyphony.job.TrainingJob;
import dev.polyphony.job.TrainingJobConfig;
import dev.polyphony.job.TrainingJobConfigReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony evaluate}: playlist continuation of the baselines and the job's GraphSAGE recommender. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = {"Evaluates playlist continuation (warm and cold-start tracks, Recall@10, Recall@50, NDCG@50) of "
        + "the five baselines (popularity, same-artist popularity, item co-occurrence kNN, content kNN, BPR-MF) and "
        + "the job's multi-task GraphSAGE recommender, on splits seeded by evaluation.seed.",
        "--ablations adds the job's tasks under each weighting scheme (fixed, uncertainty, dwa) and each task alone. "
            + "Writes DIR/evaluation.json, DIR/evaluation.md and DIR/job.json, and prints the table."})
final class EvaluateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--graph", required = true, paramLabel = "FILE.snap", description = "Catalog graph snapshot.")
    Path graph;

    @Option(names = "--data", required = true, paramLabel = "FILE",
        description = "Spotify songs CSV or ZIP, read directly (rejected rows go to DIR/rejects.tsv).")
    Path data;
  }

  @Mixin
  JobConfigOptions job;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the reports.")
  Path out;

  @Option(names = "--ablations", description = "Also each weighting scheme and each task alone.")
  boolean ablations;

  @Option(names = "--threads", paramLabel = "N", description = "Threads scoring queries (default: one per processor).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    TrainingJobConfig config = job.load(spec);
    int scoringThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (scoringThreads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be >= 1 (got " + scoringThreads + ")");
    }
    PrintWriter text = spec.commandLine().getOut();
    EvaluationReport report;
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr());
        SameDiffOutputFilter quiet = new SameDiffOutputFilter()) {
      HeteroGraph catalog;
      if (input.graph != null) {
        progress.begin("read graph", -1);
        catalog = GraphSnapshot.read(input.graph);
        progress.end();
      } else {
        IngestResult ingested = new SpotifySongsReader().read(input.data, new RejectReport(), progress);
        catalog = ingested.graph();
        long rejected = ingested.rejects().total();
        if (rejected > 0) {
          Path rejects = out.resolve("rejects.tsv");
          ingested.rejects().writeTsv(rejects);
          text.println(rejected + (rejected == 1 ? " row of " : " rows of ") + input.data
              + (rejected == 1 ? " was" : " were") + " rejected; see " + rejects);
        }
      }
      report = new EvaluationJob(config).run(catalog, ablations, scoringThreads, progress);
    }
    Files.createDirectories(out);
    AtomicFiles.writeString(out.resolve(TrainingJob.JOB), TrainingJobConfigReader.toJson(config.resolved()) + "\n");
    EvaluationJson.write(report, out.resolve("evaluation.json"));
    String table = EvaluationMarkdown.format(report);
    AtomicFiles.writeString(out.resolve("evaluation.md"), table);
    text.print(table);
    text.println();
    text.println("wrote " + out.resolve("evaluation.json") + " and " + out.resolve("evaluation.md"));
    text.flush();
    return 0;
  }
}
