package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FusionCommandsTest {
  @TempDir
  Path dir;

  @Test
  void trainsAPolicyAndComparesItWithTheOthers() throws Exception {
    Path trained = dir.resolve("train");
    CliRun train = CliRun.of("fusion-train", "--users", "100", "--tracks", "600", "--sessions", "200", "--out",
        trained.toString());

    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("learned a fusion policy from 200 logged sessions");
    assertThat(trained.resolve(FusionTrainCommand.POLICY)).exists();
    assertThat(Files.readAllLines(trained.resolve(FusionTrainCommand.SESSIONS)).get(0)).contains("\"actions\"");

    Path again = dir.resolve("again");
    CliRun fromLog = CliRun.of("fusion-train", "--log", trained.resolve(FusionTrainCommand.SESSIONS).toString(),
        "--out", again.toString());
    assertThat(fromLog.exitCode()).as(fromLog.err()).isZero();
    // One log, one policy.
    assertThat(Files.readString(again.resolve(FusionTrainCommand.POLICY)))
        .isEqualTo(Files.readString(trained.resolve(FusionTrainCommand.POLICY)));

    Path evaluated = dir.resolve("eval");
    CliRun eval = CliRun.of("fusion-eval", "--users", "100", "--tracks", "600", "--seeds", "1", "--sessions", "200",
        "--eval-sessions", "100", "--search-queries", "40", "--policy", trained.resolve(FusionTrainCommand.POLICY)
            .toString(), "--out", evaluated.toString());

    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("| fixed product | ", "| CEM-searched | ", "| behaviour | ",
        "| learned (fitted-Q) | ", "| saved policy fusion-policy.json | ", "| best fixed action (simulator reference) | ",
        "Reproduce with `./polyphony fusion-eval --world-seed 3 --users 100 --tracks 600 --seeds 1");
    JsonNode json = new ObjectMapper().readTree(evaluated.resolve(FusionEvalCommand.JSON).toFile());
    assertThat(json.get("runs").get(0).get("policies")).hasSize(6);
    assertThat(json.get("summaries").get(0).get("policy").asText()).isEqualTo("fixed product");
    assertThat(Files.readString(evaluated.resolve(FusionEvalCommand.MARKDOWN))).contains("| policy | session return");
  }

  @Test
  void answersBadOptionsWithAUsageError() {
    CliRun run = CliRun.of("fusion-train", "--epsilon", "0", "--out", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("epsilon must be in (0, 1] (got 0.0)");
    CliRun seeds = CliRun.of("fusion-eval", "--seeds", "0", "--out", dir.toString());
    assertThat(seeds.exitCode()).isEqualTo(2);
    assertThat(seeds.err()).contains("--seeds must be > 0 (got 0)");
  }
}
