package dev.polyphony.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineJobConfigReaderTest {
  @TempDir
  Path dir;

  private Path file(String text) throws Exception {
    Path f = dir.resolve("job.yaml");
    Files.writeString(f, text);
    return f;
  }

  private JobConfigException failure(String text, String... overrides) throws Exception {
    Path f = file(text);
    try {
      PipelineJobConfigReader.load(f, List.of(overrides));
    } catch (JobConfigException e) {
      return e;
    }
    throw new AssertionError("expected a JobConfigException for:\n" + text);
  }

  @Test
  void aJobFileHoldsInputPipelineAndTrainingSectionsWithPathsRelativeToTheFile() throws Exception {
    PipelineJobConfig config = PipelineJobConfigReader.load(file("""
        input: {format: spotify-songs, path: data/songs.zip}
        pipeline: {skip: [neo4j], newTracks: 0.1}
        training: {epochs: 2}
        seed: 5
        """), List.of("pipeline.candidates.k=7"));

    assertThat(config.input().format()).isEqualTo("spotify-songs");
    assertThat(config.resolve(config.input().path())).isEqualTo(dir.resolve("data/songs.zip").toAbsolutePath());
    assertThat(config.skips("neo4j")).isTrue();
    assertThat(config.skips("train")).isFalse();
    assertThat(config.pipeline().newTracks()).isEqualTo(0.1);
    assertThat(config.pipeline().candidates().k()).isEqualTo(7);
    assertThat(config.pipeline().candidates().playlists()).isEqualTo(3);
    assertThat(config.pipeline().evaluation().singleTasks()).containsExactly("organisational");
    assertThat(config.training().training().epochs()).isEqualTo(2);
    assertThat(config.training().seed()).isEqualTo(5);
    assertThat(config.training().encoder().seed()).isEqualTo(5L);
    assertThat(PipelineJobConfigReader.toJson(config)).contains("\"input\"", "\"pipeline\"", "\"encoder\"");
  }

  @Test
  void anUnknownSectionNamesTheLineAndTheKnownSections() throws Exception {
    JobConfigException e = failure("""
        input: {format: spotify-songs, path: a.zip}
        inptu: {format: mpd}
        """);
    assertThat(e.getMessage()).startsWith(dir.resolve("job.yaml") + " (line 2): inptu: unknown section (known: "
        + "input, pipeline, seed, encoder, training");
  }

  @Test
  void aBadInputFormatNamesFileLineFieldAndValue() throws Exception {
    JobConfigException e = failure("""
        input:
          format: csv
          path: a.csv
        """);
    assertThat(e.getMessage()).isEqualTo(dir.resolve("job.yaml") + " (line 2): input.format: must be one of "
        + "spotify-songs, mpd, lastfm-hetrec, generic, snapshot, neo4j (got 'csv')");
  }

  @Test
  void sourceRulesNameTheMissingOrMisplacedField() throws Exception {
    assertThat(failure("input: {format: mpd}\n").getMessage())
        .contains("input.path: is needed with format mpd");
    assertThat(failure("input: {format: neo4j}\n").getMessage())
        .contains("input.neo4jProjection: is needed with format neo4j");
    assertThat(failure("input: {format: generic, path: d}\n").getMessage())
        .contains("input.schema: is needed with format generic");
    assertThat(failure("input: {format: mpd, path: d, neo4jUri: 'bolt://x'}\n").getMessage())
        .contains("input.neo4jUri: is only for format neo4j (got format 'mpd')");
  }

  @Test
  void pipelineValuesAreCheckedPerKeyWithTheirValue() throws Exception {
    String input = "input: {format: mpd, path: d}\n";
    assertThat(failure(input + "pipeline:\n  skip: [trian]\n").getMessage())
        .isEqualTo(dir.resolve("job.yaml") + " (line 3): pipeline.skip[0]: unknown stage (got 'trian'; stages: "
            + "ingest, stats, train, embed, evaluate, candidates, neo4j, report)");
    assertThat(failure(input + "pipeline:\n  newTracks: 0.9\n").getMessage())
        .isEqualTo(dir.resolve("job.yaml") + " (line 3): pipeline.newTracks: must be in [0, 0.5] (got 0.9)");
    assertThat(failure(input + "pipeline:\n  evaluation:\n    baselines: [popular]\n").getMessage())
        .contains("(line 4): pipeline.evaluation.baselines[0]: unknown baseline (got 'popular'; baselines: "
            + "popularity, same-artist-popularity, cooccurrence-knn, content-knn, bpr)");
    assertThat(failure(input + "pipeline:\n  candidates: {k: zero}\n").getMessage())
        .contains("(line 3): pipeline.candidates.k: expected an integer (got 'zero')");
    assertThat(failure(input + "pipeline:\n  report: {annEfs: [10, -1]}\n").getMessage())
        .contains("pipeline.report.annEfs[1]: must be > 0 (got -1)");
  }

  @Test
  void trainingKeysKeepTheTrainingJobsMessages() throws Exception {
    JobConfigException e = failure("""
        input: {format: mpd, path: d}
        training:
          learningRate: -1
        """);
    assertThat(e.getMessage()).isEqualTo(dir.resolve("job.yaml") + " (line 3): training.learningRate: must be > 0 "
        + "(got -1.0)");
  }

  @Test
  void anOverrideProblemNamesTheOverride() throws Exception {
    JobConfigException e = failure("input: {format: mpd, path: d}\n", "pipeline.candidates.tracks=-2");
    assertThat(e.getMessage()).isEqualTo("--set pipeline.candidates.tracks=-2: pipeline.candidates.tracks: must be "
        + ">= 0 (got -2)");
    assertThat(e.origin().isOverride()).isTrue();
  }

  @Test
  void theDemoJobsAreValidAndQuickIsSmaller() {
    PipelineJobConfig full = PipelineJobConfigReader.fromResources(List.of("/dev/polyphony/pipeline/demo.yaml"),
        List.of("input.path=songs.zip"), dir);
    PipelineJobConfig quick = PipelineJobConfigReader.fromResources(List.of("/dev/polyphony/pipeline/demo.yaml",
        "/dev/polyphony/pipeline/demo-quick.yaml"), List.of("input.path=songs.zip"), dir);
    assertThat(full.pipeline().skip()).isEmpty();
    assertThat(quick.pipeline().skip()).isEmpty();
    assertThat(quick.training().training().epochs()).isLessThan(full.training().training().epochs());
    assertThat(quick.pipeline().evaluation().singleTasks()).isEmpty();
    assertThat(full.pipeline().evaluation().singleTasks()).containsExactly("organisational");
    assertThatThrownBy(() -> PipelineJobConfigReader.fromResources(List.of("/dev/polyphony/pipeline/demo.yaml"),
        List.of(), dir)).isInstanceOf(JobConfigException.class).hasMessageContaining("input.path: is needed");
  }

  @Test
  void fingerprintTextIsCanonicalWhateverTheMapOrder() {
    assertThat(PipelineJobConfigReader.sectionJson(java.util.Map.of("b", 1, "a", java.util.Map.of("d", 2, "c", 3))))
        .isEqualTo("{\"a\":{\"c\":3,\"d\":2},\"b\":1}");
    PipelineJobConfig config = PipelineJobConfigReader.fromYaml("input: {format: mpd, path: d}\n", "job.yaml",
        List.of(), dir);
    assertThat(PipelineJobConfigReader.trainingJson(config.training()))
        .contains("\"fixedWeights\":{\"content\":0.2,\"engagement\":0.2,\"stylistic\":0.2}");
  }
}
