package dev.polyphony.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into one clear line on stderr. Failures of the work exit with 1; usage errors (bad or
 * missing options) exit with 2 and point at {@code --help}. A stack trace follows only with
 * {@code --verbose} or when the environment variable {@code POLYPHONY_DEBUG} is set.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
  static final String PREFIX = "polyphony: error: ";

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + describe(ex));
    if (verbose(parseResult)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    if (debugFromEnvironment()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** A one-line description naming the file where one is involved. */
  static String describe(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    if (t instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    if (t instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (t instanceof FileAlreadyExistsException e) {
      return "already exists: " + e.getFile();
    }
    if (t instanceof NotDirectoryException e) {
      return "not a directory: " + e.getFile();
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory; raise POLYPHONY_HEAP (now " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB)";
    }
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.replace('\n', ' ');
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return debugFromEnvironment();
  }

  private static boolean debugFromEnvironment() {
    String debug = System.getenv("POLYPHONY_DEBUG");
    return debug != null && !debug.isBlank() && !debug.equals("0");
  }
}
