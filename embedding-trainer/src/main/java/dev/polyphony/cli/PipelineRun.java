package dev.polyphony.cli;

import dev.polyphony.job.JobConfigException;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.pipeline.ChildCommand;
import dev.polyphony.pipeline.Pipeline;
import dev.polyphony.pipeline.PipelineLayout;
import dev.polyphony.pipeline.StageContext;
import dev.polyphony.pipeline.StageLedger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Runs the {@link Pipeline} for {@code run} and {@code demo}: console progress on stderr, the stages' accounts on
 * stdout, then a table of where every output went.
 */
final class PipelineRun {
  private PipelineRun() {}

  /** The job of {@code load}; a bad {@code --set} is a usage error of {@code spec}'s command. */
  static PipelineJobConfig load(CommandSpec spec, Supplier<PipelineJobConfig> load) {
    try {
      return load.get();
    } catch (JobConfigException e) {
      if (e.origin() != null && e.origin().isOverride()) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      throw e;
    }
  }

  static int run(CommandSpec spec, PipelineJobConfig config, Path out) throws IOException {
    PrintWriter text = spec.commandLine().getOut();
    List<Pipeline.StageOutcome> outcomes;
    long start = System.nanoTime();
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr());
        SameDiffOutputFilter quiet = new SameDiffOutputFilter()) {
      StageContext context = new StageContext(config, out, progress, text, ChildCommand.ofLauncherHome(text));
      outcomes = Pipeline.standard().run(context);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    text.println();
    List<String> ran = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Pipeline.StageOutcome o : outcomes) {
      (o.status() == Pipeline.Status.RAN ? ran : o.status() == Pipeline.Status.UNCHANGED ? unchanged : skipped)
          .add(o.stage());
    }
    text.printf(Locale.ROOT, "== done in %.1f s: ran %s%s%s%n", seconds,
        ran.isEmpty() ? "nothing" : String.join(", ", ran),
        unchanged.isEmpty() ? "" : "; unchanged " + String.join(", ", unchanged),
        skipped.isEmpty() ? "" : "; skipped " + String.join(", ", skipped));
    printOutputs(new PipelineLayout(out), text);
    text.flush();
    return 0;
  }

  private static void printOutputs(PipelineLayout l, PrintWriter text) {
    text.println("== outputs in " + l.out().toAbsolutePath().normalize());
    TextTable table = new TextTable("what", "where");
    row(table, "report (open in a browser)", l.report().resolve("index.html"));
    row(table, "report numbers", l.report().resolve("metrics.json"));
    row(table, "graph snapshot", l.graph());
    row(table, "reject report", l.rejects());
    row(table, "ingest summary", l.ingestSummary());
    row(table, "graph statistics", l.statsJson());
    row(table, "model (polyphony embed --model)", l.model());
    row(table, "training metrics per epoch", l.metrics());
    row(table, "new tracks held out of training", l.newTracks());
    row(table, "embeddings (numpy.load)", l.embeddings().resolve("embeddings.npy"));
    row(table, "embedding ids, row by row", l.embeddings().resolve("ids.tsv"));
    row(table, "Voyager index (voyager.Index.load)", l.embeddings().resolve("index.voy"));
    row(table, "export manifest", l.embeddings().resolve("manifest.json"));
    row(table, "evaluation", l.evaluation().resolve("evaluation.md"));
    row(table, "candidate lists", l.candidateLists());
    row(table, "candidate lists (TSV)", l.candidates().resolve("lists.tsv"));
    row(table, "Neo4j query results", l.neo4j());
    row(table, "Neo4j store (polyphony neo4j --neo4j-home)", l.neo4jStore());
    row(table, "stage ledger", l.out().resolve(StageLedger.FILE));
    table.print(text, "  ");
  }

  private static void row(TextTable table, String what, Path where) {
    if (Files.exists(where)) {
      table.row(what, where);
    }
  }
}
