package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.eval.EvaluationJson;
import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.job.JobFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  @TempDir
  Path dir;

  private Path snapshot;
  private Path job;

  @BeforeEach
  void files() throws Exception {
    snapshot = dir.resolve("catalog.snap");
    GraphSnapshot.write(JobFixtures.catalog(), snapshot);
    job = dir.resolve("job.yaml");
    Files.writeString(job, JobFixtures.TINY_JOB);
  }

  @Test
  void evaluatesTheBaselinesTheJobAndItsAblations() throws Exception {
    Path out = dir.resolve("evaluation");
    CliRun run = CliRun.of("evaluate", "--graph", snapshot.toString(), "--config", job.toString(), "--set",
        "tasks.tasks=[organisational, engagement]", "--set", "training.epochs=1", "--out", out.toString(),
        "--ablations", "--threads", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String[] names = {"popularity", "same-artist popularity", "item co-occurrence kNN", "content kNN", "BPR-MF",
        "GraphSAGE multi-task (fixed)", "GraphSAGE multi-task (uncertainty)", "GraphSAGE multi-task (dwa)",
        "GraphSAGE organisational only", "GraphSAGE engagement only"};
    assertThat(run.out()).contains("| protocol | recommender | queries | relevant | Recall@10 | Recall@50 | NDCG@50 |")
        .contains(names).doesNotContain(SameDiffOutputFilter.PREFIX)
        .endsWith("wrote " + out.resolve("evaluation.json") + " and " + out.resolve("evaluation.md") + "\n");
    EvaluationReport report = EvaluationJson.read(out.resolve("evaluation.json"));
    assertThat(report.recommenders()).extracting(EvaluationReport.Recommender::name).containsExactly(names);
    assertThat(report.results()).hasSize(names.length * EvaluationProtocol.values().length);
    assertThat(report.config().continuation().seed()).isEqualTo(20_200_121L);
    assertThat(report.result("GraphSAGE multi-task (fixed)", EvaluationProtocol.WARM).queries()).isPositive();
    assertThat(run.out()).startsWith(Files.readString(out.resolve("evaluation.md")));
    assertThat(out.resolve("job.json")).content().contains("\"tasks\" : [ \"organisational\", \"engagement\" ]");
  }

  @Test
  void theInputIsOneGraphOrOneDataFileAndBadSettingsNameTheKey() throws Exception {
    Path out = dir.resolve("evaluation");
    CliRun both = CliRun.of("evaluate", "--graph", snapshot.toString(), "--data", "songs.zip", "--out", out.toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CliRun neither = CliRun.of("evaluate", "--out", out.toString());
    assertThat(neither.exitCode()).isEqualTo(2);
    CliRun split = CliRun.of("evaluate", "--graph", snapshot.toString(), "--set", "evaluation.holdOutFraction=0",
        "--out", out.toString());
    assertThat(split.exitCode()).isEqualTo(2);
    assertThat(split.err()).contains("polyphony: error: --set evaluation.holdOutFraction=0: "
        + "evaluation.holdOutFraction: must be in (0, 1) (got 0.0)");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"evaluation\": {\"seed\": \"soon\"}}");
    CliRun file = CliRun.of("evaluate", "--graph", snapshot.toString(), "--config", bad.toString(), "--out",
        out.toString());
    assertThat(file.exitCode()).isEqualTo(1);
    assertThat(file.err()).startsWith("polyphony: error: " + bad + " (line 1): evaluation.seed: expected an integer "
        + "(got 'soon')");
    assertThat(out).doesNotExist();
  }
}
