package dev.polyphony.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the command line with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    CommandLine commandLine = PolyphonyCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The stderr lines that report an error. */
  long errorLines() {
    return err.lines().filter(l -> l.startsWith(ErrorReporter.PREFIX)).count();
  }
}
