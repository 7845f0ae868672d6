package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolyphonyCommandTest {

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: polyphony", "ingest", "stats", "synth", "demo", "train", "embed",
        "evaluate", "retrieve", "export", "retrieval-quality");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ingest", "stats", "synth", "demo", "train", "embed", "evaluate", "retrieve", "export",
      "retrieval-quality"})
  void everyCommandHasHelp(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: polyphony " + command);
  }

  @Test
  void versionNamesTheProjectVersion() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("polyphony ").doesNotContain("${project.version}")
        .doesNotContain("unknown");
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("polyphony: error: missing command");
  }

  @Test
  void misspelledCommandGetsASuggestion() {
    CliRun run = CliRun.of("ingst");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("polyphony: error: Unmatched argument", "ingest");
  }
}
