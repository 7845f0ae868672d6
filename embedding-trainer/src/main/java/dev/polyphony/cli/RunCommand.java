package dev.polyphony.cli;

import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony run}: the main job's stages from the user's own sources, resumable. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the main job from a job file: ingest (any input format, or a Neo4j projection), graph "
        + "statistics, multi-task training, embeddings of every track with the ANN export, evaluation against "
        + "baselines, candidate lists, Neo4j import with queries and the report, into --out DIR.",
        "A rerun skips the stages whose inputs, settings and outputs are unchanged (checksums in "
            + "DIR/pipeline-ledger.json) and reruns the rest; pipeline.skip leaves stages out. The job file's keys "
            + "are documented in default-pipeline.yaml and default-training.yaml (see the README)."})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Job file (YAML, or JSON when "
      + "named *.json).")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one key of the job, e.g. training.epochs=3 or pipeline.skip=[neo4j]; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (kept between runs).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new ParameterException(spec.commandLine(), "--config: job file not found: " + file);
    }
    PipelineJobConfig config = PipelineRun.load(spec, () -> {
      try {
        return PipelineJobConfigReader.load(file, overrides);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return PipelineRun.run(spec, config, out);
  }
}
