package dev.polyphony.cli;

import dev.polyphony.job.JobConfigException;
import dev.polyphony.job.TrainingJobConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The job options shared by the training commands: a job file over the built-in defaults and {@code --set}
 * overrides over both. A bad override is a usage error (exit 2); a bad job file fails the command (exit 1);
 * either message names the key.
 */
final class JobConfigOptions {
  @Option(names = "--config", paramLabel = "FILE",
      description = "Job file (YAML, or JSON when named *.json) overriding any of the built-in defaults "
          + "(default-training.yaml, see the README).")
  Path file;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one key of the job, e.g. training.epochs=3 or tasks.tasks=[organisational,content];"
          + " repeatable; wins over --config.")
  List<String> overrides = new ArrayList<>();

  /** The job these options describe. */
  TrainingJobConfig load(CommandSpec spec) throws IOException {
    try {
      return TrainingJobConfig.load(file, overrides);
    } catch (JobConfigException e) {
      if (e.origin() != null && e.origin().isOverride()) {
        throw new ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      throw e;
    }
  }
}
