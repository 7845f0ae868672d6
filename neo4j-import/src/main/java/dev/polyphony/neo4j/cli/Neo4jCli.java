package dev.polyphony.neo4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code polyphony neo4j}: catalog graphs and embeddings to and from Neo4j. The launcher runs this entry
 * point for {@code polyphony neo4j ...}, so the Neo4j server and driver stay out of the trainer's
 * classpath.
 */
@Command(name = "polyphony neo4j", mixinStandardHelpOptions = true,
    versionProvider = Neo4jCli.Version.class,
    description = "Imports catalog graphs into Neo4j, writes embeddings with a vector index, explores the "
        + "catalog and reads graphs back. Without --neo4j-uri an embedded Neo4j runs in this process, with its "
        + "store in ./polyphony-neo4j (or --neo4j-home).",
    subcommands = {ImportCommand.class, WriteEmbeddingsCommand.class, ExploreCommand.class, ReadCommand.class,
        HelpCommand.class})
public final class Neo4jCli implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: choose one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /** The command line with the project's error handling; {@code execute} returns the exit code. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new Neo4jCli());
    ErrorLine errors = new ErrorLine();
    commandLine.setExecutionExceptionHandler(errors);
    commandLine.setParameterExceptionHandler(errors);
    return commandLine;
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The module version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Neo4jCli.class.getPackage().getImplementationVersion();
      return new String[] {"polyphony neo4j " + (v == null ? "(development build)" : v)};
    }
  }
}
