package dev.polyphony.spark;

import picocli.CommandLine;

/** The command lines of the Spark jobs: an error prints one line naming the problem and exits with 1. */
final class SparkCommandLines {
  private SparkCommandLines() {}

  /**
   * {@code command}'s command line; a failure prints {@code polyphony NAME: error: MESSAGE} (and the stack trace
   * when the environment variable {@code POLYPHONY_DEBUG} is set).
   */
  static CommandLine of(String name, Object command) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("polyphony " + name + ": error: " + e.getMessage());
      if (System.getenv("POLYPHONY_DEBUG") != null) {
        e.printStackTrace(line.getErr());
      }
      line.getErr().flush();
      return 1;
    });
    return cli;
  }
}
