package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  void ingestsTheBundledSongsAndWritesSnapshotRejectsAndStatistics() throws Exception {
    CliRun run = CliRun.of("demo", "--out", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve("spotify-songs.snap")).isRegularFile();
    assertThat(dir.resolve("spotify-songs.rejects.tsv")).isRegularFile();
    assertThat(run.out()).contains("== outputs in", dir.resolve("stats.json").toString());
    JsonNode stats = new ObjectMapper().readTree(dir.resolve("stats.json").toFile());
    // The dataset's documented counts: 28,356 tracks, 471 playlists, 10,693 artists.
    assertThat(stats.get("nodes").get("track").asInt()).isEqualTo(28_356);
    assertThat(stats.get("nodes").get("playlist").asInt()).isEqualTo(471);
    assertThat(stats.get("nodes").get("artist").asInt()).isEqualTo(10_693);
    assertThat(stats.get("pageRank").get("projection").asText()).isEqualTo("track-playlist-track");
    assertThat(stats.get("pageRank").get("top")).hasSize(10);
  }

  @Test
  void missingDataFileFailsNamingIt() {
    Path missing = dir.resolve("none.zip");
    CliRun run = CliRun.of("demo", "--out", dir.toString(), "--data", missing.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("polyphony: error: input not found: " + missing);
  }
}
