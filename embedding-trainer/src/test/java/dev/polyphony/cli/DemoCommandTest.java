package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's built-in job on the bundled data, its slow stages skipped (the whole demo runs in {@code .ci/run};
 * the stages are tested on a small catalog in {@code PipelineTest}).
 */
class DemoCommandTest {
  private static final String SKIP_SLOW = "pipeline.skip=[train, embed, evaluate, candidates, neo4j]";

  @TempDir
  Path dir;

  @Test
  void ingestsTheBundledSongsDescribesThemReportsAndSkipsAllOnARerun() throws Exception {
    CliRun run = CliRun.of("demo", "--out", dir.toString(), "--set", SKIP_SLOW);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve("graph.snap")).isRegularFile();
    assertThat(dir.resolve("rejects.tsv")).isRegularFile();
    assertThat(dir.resolve("report/index.html")).isRegularFile();
    assertThat(run.out()).contains("== [3/8] train: skipped (pipeline.skip)", "== outputs in",
        dir.resolve("stats.json").toString(), dir.resolve("report/index.html").toString());
    JsonNode stats = new ObjectMapper().readTree(dir.resolve("stats.json").toFile());
    // The dataset's documented counts: 28,356 tracks, 471 playlists, 10,693 artists.
    assertThat(stats.get("nodes").get("track").asInt()).isEqualTo(28_356);
    assertThat(stats.get("nodes").get("playlist").asInt()).isEqualTo(471);
    assertThat(stats.get("nodes").get("artist").asInt()).isEqualTo(10_693);
    assertThat(stats.get("pageRank").get("projection").asText()).isEqualTo("track-playlist-track");
    assertThat(stats.get("pageRank").get("top")).hasSize(10);

    CliRun again = CliRun.of("demo", "--out", dir.toString(), "--set", SKIP_SLOW);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("== [1/8] ingest: unchanged since",
        "ran nothing; unchanged ingest, stats, report");
  }

  @Test
  void missingDataFileFailsNamingIt() {
    Path missing = dir.resolve("none.zip");
    CliRun run = CliRun.of("demo", "--out", dir.toString(), "--data", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("polyphony: error: stage ingest failed: input.path: " + missing
        + " does not exist");
  }

  @Test
  void aBadOverrideIsAUsageErrorNamingIt() {
    CliRun run = CliRun.of("demo", "--out", dir.toString(), "--set", "pipeline.skip=[trian]");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--set pipeline.skip=[trian]: pipeline.skip[0]: unknown stage (got 'trian'");
  }
}
