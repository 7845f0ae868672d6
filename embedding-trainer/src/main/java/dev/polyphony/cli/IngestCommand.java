package dev.polyphony.cli;

import dev.polyphony.graph.io.RejectReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polyphony ingest}: reads an input into a graph snapshot and a reject report. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {"Reads a catalog into a graph snapshot and writes a report of the rejected rows.",
        "Duplicate edges are merged (weights summed, earliest timestamp kept) and counted."})
final class IngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = InputFormat.Converter.class,
      completionCandidates = InputFormat.Names.class,
      description = "Input format: ${COMPLETION-CANDIDATES}.")
  InputFormat format;

  @Option(names = "--input", required = true, paramLabel = "PATH", description = "Input file or folder.")
  Path input;

  @Option(names = "--schema", paramLabel = "FILE",
      description = "Schema file describing the input files (only with --format generic).")
  Path schema;

  @Option(names = "--out", required = true, paramLabel = "FILE.snap", description = "Snapshot to write.")
  Path out;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Reject report (TSV) to write; default: beside the snapshot, NAME.rejects.tsv.")
  Path rejects;

  @Option(names = "--max-rejects", paramLabel = "N", defaultValue = "" + RejectReport.DEFAULT_MAX_REJECTS,
      description = "Fail once more than N rows are rejected (default: ${DEFAULT-VALUE}).")
  long maxRejects;

  @Override
  public Integer call() throws Exception {
    if (format.needsSchema() && schema == null) {
      throw new ParameterException(spec.commandLine(), "--format " + format.cliName() + " needs --schema FILE");
    }
    if (!format.needsSchema() && schema != null) {
      throw new ParameterException(spec.commandLine(), "--schema is only read with --format generic (got --format "
          + format.cliName() + ")");
    }
    if (maxRejects < 0) {
      throw new ParameterException(spec.commandLine(), "--max-rejects must be >= 0 (got " + maxRejects + ")");
    }
    Path rejectsFile = rejects != null ? rejects : Ingestion.defaultRejectsPath(out);
    try (ConsoleProgress progress = ConsoleProgress.forConsole(spec.commandLine().getErr())) {
      Ingestion.Outcome outcome = Ingestion.run(format, input, schema, out, rejectsFile, maxRejects, progress);
      IngestReport.print(outcome, spec.commandLine().getOut());
    }
    return 0;
  }
}
