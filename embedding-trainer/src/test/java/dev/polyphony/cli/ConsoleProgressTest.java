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

  @Test
  void onATerminalTheStageLineIsRedrawnInPlaceAndEndsWithItsTime() {
    StringWriter text = new StringWriter();
    try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text), true)) {
      progress.begin("read rows", 4);
      progress.step(4);
      progress.end();
      progress.begin("rank", -1);
      progress.end();
    }
    String out = text.toString();
    assertThat(out).startsWith("\rread rows [------------------------------]   0% 0/4");
    assertThat(out).containsPattern("\\rread rows \\[#{30}\\] 100% 4/4  done in [0-9.]+ s *\\R");
    assertThat(out).containsPattern("\\rrank  done in [0-9.]+ s *\\R$");
  }

  @Test
  void linesShowABarForKnownTotalsAndACounterOtherwise() {
    assertThat(ConsoleProgress.line("build", 5, 10, 1.25, false))
        .isEqualTo("build [###############---------------]  50% 5/10  1.3 s");
    assertThat(ConsoleProgress.line("read", 1, -1, 0.5, false)).isEqualTo("read 1 step  0.5 s");
    assertThat(ConsoleProgress.line("read", 0, -1, 0.04, false)).isEqualTo("read ...  0.0 s");
    assertThat(ConsoleProgress.line("read", 7, -1, 2, true)).isEqualTo("read 7 steps  done in 2.00 s");
  }
}
