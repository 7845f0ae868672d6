package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyphony.eval.EvaluationJson;
import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.graph.io.SpotifySongsReader;
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

  /**
   * The fixture catalog as Spotify songs rows (one per playlist and track), plus one row whose popularity is
   * not a number.
   */
  private Path songsCsv() throws Exception {
    StringBuilder csv = new StringBuilder(String.join(",", SpotifySongsReader.COLUMNS)).append('\n');
    for (int k = 0; k < JobFixtures.PLAYLISTS; k++) {
      for (int j = 0; j < 6; j++) {
        int i = (3 * k + j) % JobFixtures.TRACKS;
        csv.append(String.join(",", "t" + i, "Song " + i, "Artist " + i % 5, Integer.toString(7 * i % 100),
            "b" + i / 2, "Album " + i / 2, "2019-01-01", "Playlist " + k, "p" + k, k < 3 ? "rock" : "pop",
            k % 2 == 0 ? "indie" : "classic", Double.toString((i % 5) / 5.0), Double.toString((i / 5) / 4.0),
            Integer.toString(i % 12), "-5.0", Integer.toString(i % 2), "0.05", Double.toString(0.1 * (i % 3)),
            "0.0", "0.1", "0.5", Integer.toString(100 + i), Integer.toString(200_000 + i))).append('\n');
      }
    }
    csv.append("t99,Song 99,Artist 0,lots,b0,Album 0,2019-01-01,Playlist 0,p0,rock,indie,0.1,0.1,1,-5.0,1,0.05,0.1,"
        + "0.0,0.1,0.5,100,200000\n");
    Path file = dir.resolve("songs.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void readsSpotifySongsDataDirectlyAndReportsRejectedRows() throws Exception {
    Path out = dir.resolve("evaluation");
    CliRun run = CliRun.of("evaluate", "--data", songsCsv().toString(), "--config", job.toString(), "--set",
        "tasks.tasks=[organisational, content]", "--set", "training.epochs=1", "--out", out.toString(),
        "--threads", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("1 row of " + dir.resolve("songs.csv") + " was rejected; see "
        + out.resolve("rejects.tsv")).contains("| GraphSAGE multi-task (fixed) |");
    assertThat(out.resolve("rejects.tsv")).content().contains("track_popularity");
    EvaluationReport report = EvaluationJson.read(out.resolve("evaluation.json"));
    assertThat(report.recommenders()).hasSize(6);
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
