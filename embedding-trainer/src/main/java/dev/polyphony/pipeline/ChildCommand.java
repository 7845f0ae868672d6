package dev.polyphony.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Runs {@code polyphony} commands as child processes through the launcher ({@code <home>/polyphony}, home from the
 * system property {@value #HOME_PROPERTY} the launcher sets). The Neo4j commands run this way so that the Neo4j
 * server and driver never share the trainer's class path. The child's standard output is saved to a file and
 * echoed, indented, to the run's text; its standard error (progress) is passed through. A child that fails ends
 * the stage with its command, exit code and last lines of output.
 */
public final class ChildCommand {
  public static final String HOME_PROPERTY = "polyphony.home";
  private static final int TAIL_LINES = 15;

  private final Path launcher;
  private final PrintWriter echo;

  /** Commands run by {@code launcher}, their output echoed to {@code echo}. */
  public ChildCommand(Path launcher, PrintWriter echo) {
    this.launcher = Objects.requireNonNull(launcher, "launcher");
    this.echo = Objects.requireNonNull(echo, "echo");
  }

  /**
   * Commands run by the launcher of the project home that the launcher passed as {@value #HOME_PROPERTY}; without
   * the property every {@link #run} fails saying so.
   */
  public static ChildCommand ofLauncherHome(PrintWriter echo) {
    String home = System.getProperty(HOME_PROPERTY);
    return new ChildCommand(home == null || home.isBlank() ? Path.of("") : Path.of(home).resolve("polyphony"), echo);
  }

  /**
   * Runs {@code polyphony args...}, saving its standard output to {@code outputFile}; returns that output.
   *
   * @throws IOException when the child cannot start, or exits with a non-zero code (the message names the command,
   *     the code and the child's last output lines)
   */
  public String run(List<String> args, Path outputFile) throws IOException, InterruptedException {
    if (launcher.toString().isEmpty()) {
      throw new IllegalStateException("the system property " + HOME_PROPERTY + " is not set, so the launcher that "
          + "runs 'polyphony " + args.get(0) + "' cannot be found; run through ./polyphony, or skip the stage in "
          + "pipeline.skip");
    }
    if (!Files.isExecutable(launcher)) {
      throw new IOException("the launcher " + launcher + " is missing or not executable");
    }
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(args);
    String shown = "polyphony " + String.join(" ", args);
    echo.println("  $ " + shown);
    echo.flush();
    Process process = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
        .start();
    StringBuilder output = new StringBuilder();
    Deque<String> tail = new ArrayDeque<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        output.append(line).append('\n');
        echo.println("    " + line);
        echo.flush();
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
          tail.removeFirst();
        }
      }
    }
    int code = process.waitFor();
    Files.createDirectories(outputFile.toAbsolutePath().getParent());
    dev.polyphony.graph.io.AtomicFiles.writeString(outputFile, output.toString());
    if (code != 0) {
      throw new IOException("'" + shown + "' failed with exit code " + code + (tail.isEmpty() ? ""
          : "; its last output:\n  " + String.join("\n  ", tail)) + "\n(its error message is on stderr above)");
    }
    return output.toString();
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
