package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void withoutATerminalEachStagePrintsAStartAndAnEndLine() {
    StringWriter text = new StringWriter();
    try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false)) {
      progress.begin("read rows", 10);
      progress.step(4);
      progress.step(6);
      progress.end();
      progress.begin("write snapshot", -1);
      progress.end();
    }
    String[] lines = text.toString().split("\\R");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo("> read rows (10 steps)");
    assertThat(lines[1]).matches("  read rows: done, 10 steps in [0-9.]+ s");
    assertThat(lines[2]).isEqualTo("> write snapshot");
    assertThat(lines[3]).matches("  write snapshot: done in [0-9.]+ s");
  }

  @Test
  void nestedStagesCountTheirOwnSteps() {
    StringWriter text = new StringWriter();
    try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false)) {
      progress.begin("ingest", -1);
      progress.step(1);
      progress.begin("build adjacency", 2);
      progress.step(2);
      progress.end();
      progress.step(1);
      progress.end();
    }
    assertThat(text.toString()).contains("build adjacency: done, 2 steps", "ingest: done, 2 steps");
  }

  @Test
  void stepsOutsideAStageAndExtraEndsAreIgnored() {
    StringWriter text = new StringWriter();
    ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), false);
    progress.step(3);
    progress.end();
    progress.close();
    assertThat(text.toString()).isEmpty();
  }
}
