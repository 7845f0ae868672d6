package dev.polyphony.neo4j.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Ends a failed command with one line {@code polyphony: error: ...} on stderr: exit code 1 for failures
 * of the work, 2 for usage errors. The stack trace follows only when {@code POLYPHONY_DEBUG} is set.
 */
final class ErrorLine implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final String PREFIX = "polyphony: error: ";

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + describe(ex));
    trace(ex, err);
    err.flush();
    return 1;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + ex.getMessage());
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    trace(ex, err);
    err.flush();
    return 2;
  }

  static String describe(Throwable ex) {
    if (ex instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    String message = ex.getMessage();
    return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message.replace('\n', ' ');
  }

  private static void trace(Throwable ex, PrintWriter err) {
    String debug = System.getenv("POLYPHONY_DEBUG");
    if (debug != null && !debug.isBlank() && !debug.equals("0")) {
      ex.printStackTrace(err);
    }
  }
}
