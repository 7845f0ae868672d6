package dev.polyphony.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Chromium headless on a page, as the report's readers would open it. The browser is
 * required, never optional: without it the tests fail with the command that installs it.
 */
final class HeadlessChromium {
  /** The browser, overridable with {@code -Dpolyphony.chromium=/path}. */
  static final Path BINARY = Path.of(System.getProperty("polyphony.chromium", "/usr/bin/chromium"));
  private static final long TIMEOUT_SECONDS = 180;

  private final Path work;

  /** {@code work} receives the browser profile and its logs. */
  HeadlessChromium(Path work) {
    this.work = work;
  }

  /** Fails unless the browser is installed. */
  static void requireInstalled() {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError(BINARY + " is missing: the report's browser test needs Chromium"
          + " (apt-get install -y chromium, as .ci/run does)");
    }
  }

  /** The DOM after the page loaded and its scripts ran (within {@code budgetMillis} of virtual time). */
  String dumpDom(Path page, int budgetMillis) throws IOException, InterruptedException {
    Path out = run("dump-dom", List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom", url(page)));
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** Writes a PNG screenshot of {@code page} in a window of {@code width x height} to {@code png}. */
  void screenshot(Path page, Path png, int width, int height, int budgetMillis)
      throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    run("screenshot", List.of("--virtual-time-budget=" + budgetMillis, "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(), url(page)));
    if (!Files.isRegularFile(png)) {
      throw new AssertionError("Chromium wrote no screenshot to " + png + "; see its log in " + work);
    }
  }

  private static String url(Path page) {
    return page.toAbsolutePath().toUri().toString();
  }

  /** Runs the browser with {@code args}; returns the file holding its standard output. */
  private Path run(String name, List<String> args) throws IOException, InterruptedException {
    requireInstalled();
    Files.createDirectories(work);
    Path profile = Files.createTempDirectory(work, "profile-");
    Path stdout = work.resolve(name + ".out");
    Path stderr = work.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--disable-gpu",
        "--no-sandbox", "--no-first-run", "--no-default-browser-check", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath()));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
        .start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + command + "\n"
          + Files.readString(stderr, StandardCharsets.UTF_8));
    }
    return stdout;
  }
}
