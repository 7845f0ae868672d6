package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir
  Path dir;

  @Test
  void aJobFileErrorNamesFileLineKeyAndValue() throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "input:\n  format: mpd\n  path: mpd/\npipeline:\n  newTracks: 2\n");
    CliRun run = CliRun.of("run", "--config", job.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("polyphony: error: " + job + " (line 5): pipeline.newTracks: must be in "
        + "[0, 0.5] (got 2.0)");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aMissingJobFileIsAUsageError() {
    Path job = dir.resolve("none.yaml");
    CliRun run = CliRun.of("run", "--config", job.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--config: job file not found: " + job);
  }

  @Test
  void aMissingInputFailsTheIngestStageNamingTheFile() throws Exception {
    Path job = dir.resolve("job.yaml");
    Files.writeString(job, "input: {format: spotify-songs, path: songs.zip}\n");
    CliRun run = CliRun.of("run", "--config", job.toString(), "--out", dir.resolve("out").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("polyphony: error: stage ingest failed: input.path: "
        + dir.resolve("songs.zip") + " does not exist");
  }
}
