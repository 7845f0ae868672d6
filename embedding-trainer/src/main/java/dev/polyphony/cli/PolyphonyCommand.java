package dev.polyphony.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code polyphony} command line. Subcommands parse their options, delegate to the engine and print
 * what happened; errors end in one line {@code polyphony: error: ...} with exit code 1 (2 for usage
 * errors), with a stack trace only under {@code --verbose} or {@code POLYPHONY_DEBUG}.
 */
@Command(name = "polyphony", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    scope = ScopeType.INHERIT,
    description = "Builds heterogeneous music catalog graphs (tracks, playlists, artists, users), describes "
        + "them, trains multi-task GraphSAGE encoders on them, embeds and evaluates, exports the embeddings, "
        + "proposes candidate tracks from them and compares ranking heads.",
    subcommands = {IngestCommand.class, StatsCommand.class, SynthCommand.class, DemoCommand.class, RunCommand.class,
        TrainCommand.class, EmbedCommand.class, EvaluateCommand.class, RetrieveCommand.class, ExportCommand.class,
        RetrievalQualityCommand.class, RankCommand.class, RecommendCommand.class, FusionTrainCommand.class,
        FusionEvalCommand.class, SequenceEvalCommand.class, GraphTablesCommand.class, HelpCommand.class})
public final class PolyphonyCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error (also when POLYPHONY_DEBUG is set).")
  boolean verbose;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** A command line with the project's error handling; {@code execute} returns the exit code. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new PolyphonyCommand());
    ErrorReporter errors = new ErrorReporter();
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.getSubcommands().get("ingest").getCommandSpec().usageMessage().footer(InputFormat.helpFooter());
    commandLine.getSubcommands().get("synth").getCommandSpec().usageMessage().footer(SynthCommand.helpFooter());
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }
}
