package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.graph.io.GraphSnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  @TempDir
  Path dir;

  private CliRun synth(Path out, String seed) {
    return CliRun.of("synth", "--tracks", "300", "--playlists", "20", "--creators", "30", "--users", "15",
        "--genres", "6", "--mean-playlist-length", "8", "--listens-per-user", "5", "--seed", seed,
        "--out", out.toString());
  }

  @Test
  void sameSeedWritesTheSameGraph() throws Exception {
    CliRun first = synth(dir.resolve("a.snap"), "7");
    CliRun second = synth(dir.resolve("b.snap"), "7");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(first.out()).contains("seed 7", "nodes:", "edges:", "snapshot:");
    assertThat(GraphSnapshot.read(dir.resolve("a.snap"))).isEqualTo(GraphSnapshot.read(dir.resolve("b.snap")));
  }

  @Test
  void helpListsTheDefaults() {
    CliRun run = CliRun.of("synth", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Defaults:", "--tracks 1000000", "--seed 42");
  }

  @Test
  void invalidSizeIsAUsageErrorQuotingTheValue() {
    CliRun run = CliRun.of("synth", "--tracks", "-1", "--out", dir.resolve("x.snap").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("(got -1)");
    assertThat(dir.resolve("x.snap")).doesNotExist();
  }
}
