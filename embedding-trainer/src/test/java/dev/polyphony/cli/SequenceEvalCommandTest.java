package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceEvalCommandTest {
  @TempDir
  Path dir;

  @Test
  void comparesAHeadWithAndWithoutSequences() throws Exception {
    CliRun run = CliRun.of("sequence-eval", "--heads", "esmm", "--seeds", "1", "--epochs", "1", "--users", "150",
        "--listens", "10", "--dimension", "4", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("| esmm | none | ", "| esmm | last, recent, all | ", "AUC save given parent",
        "15 extra features", "Reproduce with `./polyphony sequence-eval --source listens --heads esmm --seeds 1",
        "--feature-noise 0.3");
    JsonNode json = new ObjectMapper().readTree(dir.resolve(SequenceEvalCommand.JSON).toFile());
    assertThat(json.get("without").get("heads")).hasSize(1);
    assertThat(json.get("with").get("testImpressions").asInt())
        .isEqualTo(json.get("without").get("testImpressions").asInt());
    assertThat(Files.readString(dir.resolve(SequenceEvalCommand.MARKDOWN))).contains("| head | sequences |");
  }

  @Test
  void takesTheSequencesFromEarlierClicksToo() {
    CliRun run = CliRun.of("sequence-eval", "--source", "clicks", "--heads", "esmm", "--seeds", "1", "--epochs", "1",
        "--users", "150", "--listens", "10", "--out", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("| esmm | last, recent, all | ", "all clicks on the user's impressions before this",
        "27 extra features");
  }

  @Test
  void answersAnUnknownHeadWithAUsageError() {
    CliRun run = CliRun.of("sequence-eval", "--heads", "wide-and-deep", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown head 'wide-and-deep'");
    CliRun source = CliRun.of("sequence-eval", "--source", "playlists", "--out", dir.toString());
    assertThat(source.exitCode()).isEqualTo(2);
    assertThat(source.err()).contains("unknown sequence source 'playlists' (expected listens or clicks)");
  }
}
