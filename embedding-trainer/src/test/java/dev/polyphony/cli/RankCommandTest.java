package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankCommandTest {
  @TempDir
  Path dir;

  @Test
  void comparesHeadsOnSyntheticLogsAndWritesTheTables() throws Exception {
    Path out = dir.resolve("rank");
    CliRun run = CliRun.of("rank", "--dataset", "synthetic", "--heads", "esmm,clicked-only", "--seeds", "1",
        "--synthetic-users", "300", "--epochs", "2", "--trade-off-head", "esmm", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("## synthetic: click -> save -> subscribe", "| esmm | ", "| clicked-only | ",
        "esmm beats the clicked-only conversion model on conversion steps",
        "Reproduce with `./polyphony rank --dataset synthetic --heads esmm,clicked-only --seeds 1");
    assertThat(run.out()).doesNotContain("Added differentiated op");
    assertThat(Files.readString(out.resolve(RankCommand.MARKDOWN))).contains("### Trade-off: esmm");
    JsonNode json = new ObjectMapper().readTree(out.resolve(RankCommand.JSON).toFile());
    assertThat(json.get("datasets").get(0).get("heads")).hasSize(2);
    assertThat(json.get("datasets").get(0).get("heads").get(0).get("runs").get(0).get("seed").asLong()).isEqualTo(1);
  }

  @Test
  void answersAUnknownHeadWithAUsageError() {
    CliRun run = CliRun.of("rank", "--heads", "mmoe,wide-and-deep", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown head 'wide-and-deep'", "a head may end in +kd");
  }

  @Test
  void answersAnUnknownDatasetWithAUsageError() {
    CliRun run = CliRun.of("rank", "--dataset", "movielens", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--dataset must be synthetic, lastfm or all (got 'movielens')");
  }

  @Test
  void answersBadCreditsWithAUsageError() {
    CliRun number = CliRun.of("rank", "--credit", "tail=much", "--out", dir.toString());
    assertThat(number.exitCode()).isEqualTo(2);
    assertThat(number.err()).contains("--credit tail needs a number (got 'much')");
    CliRun trait = CliRun.of("rank", "--credit", "speed=1", "--out", dir.toString());
    assertThat(trait.err()).contains("unknown exposure trait 'speed' (expected tail, fresh or margin)");
    CliRun negative = CliRun.of("rank", "--credit", "fresh=-1", "--out", dir.toString());
    assertThat(negative.err()).contains("credit of fresh must be finite and >= 0 (got -1.0)");
  }

  @Test
  void isAlsoCalledRankEval() {
    CliRun run = CliRun.of("rank-eval", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: polyphony rank", "--trade-off-head");
  }
}
