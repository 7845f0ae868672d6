package dev.polyphony.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.graph.split.ColdStartSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link EvaluationJson} and {@link EvaluationMarkdown} on a hand-made report. */
class EvaluationReportFormatsTest {
  private static final EvaluationReport REPORT = new EvaluationReport(
      new EvaluationConfig(new PlaylistContinuationSplitConfig("contains", 5, 0.2, 3),
          new ColdStartSplitConfig("track", List.of("contains"), 0.1, true, 4), 2),
      List.of(new EvaluationReport.Recommender("popularity", Map.of()),
          new EvaluationReport.Recommender("BPR-MF", new BprConfig(8, 2, 0.5, 0.25, 9))),
      List.of(
          new EvaluationResult("popularity", EvaluationProtocol.COLD, 4, 9, 0.125, 0.5, 0.25),
          new EvaluationResult("popularity", EvaluationProtocol.WARM, 3, 5, 0.1, 0.2, 0.15),
          new EvaluationResult("BPR-MF", EvaluationProtocol.WARM, 3, 5, 0.33333333, 0.66666666, 1.0)));

  @Test
  void markdownListsProtocolsInOrderWithTheSplitSettings() {
    assertThat(EvaluationMarkdown.format(REPORT)).isEqualTo("""
        Continuation split: relation contains, playlists with >= 5 tracks, 20% of tracks held out, seed 3. \
        Cold-start split: 10% of track nodes cold (held out: contains, isolated in training), seed 4.

        | protocol | recommender | queries | relevant | Recall@10 | Recall@50 | NDCG@50 |
        |---|---|---:|---:|---:|---:|---:|
        | warm | popularity | 3 | 5 | 0.1000 | 0.2000 | 0.1500 |
        | warm | BPR-MF | 3 | 5 | 0.3333 | 0.6667 | 1.0000 |
        | cold | popularity | 4 | 9 | 0.1250 | 0.5000 | 0.2500 |
        """);
  }

  @Test
  void jsonNamesEveryFieldAndReadsBack() throws IOException {
    String json = EvaluationJson.write(REPORT);
    JsonNode tree = new ObjectMapper().readTree(json);
    assertThat(tree.at("/config/continuation/holdOutFraction").asDouble()).isEqualTo(0.2);
    assertThat(tree.at("/config/coldStart/isolateInTraining").asBoolean()).isTrue();
    assertThat(tree.at("/recommenders/1/parameters/learningRate").asDouble()).isEqualTo(0.5);
    assertThat(tree.at("/results/0/protocol").asText()).isEqualTo("COLD");
    assertThat(tree.at("/results/2/recallAt50").asDouble()).isEqualTo(0.66666666);

    EvaluationReport read = EvaluationJson.read(json);
    assertThat(read.config()).isEqualTo(REPORT.config());
    assertThat(read.results()).isEqualTo(REPORT.results());
    assertThat(read.recommenders().get(1).parameters()).isEqualTo(Map.of("factors", 8, "epochs", 2,
        "learningRate", 0.5, "regularization", 0.25, "seed", 9));
    assertThat(EvaluationJson.write(read)).isEqualTo(json);
  }

  @Test
  void filesAreWrittenWholeAndBadFilesAreNamed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("baselines.json");
    EvaluationJson.write(REPORT, file);
    assertThat(EvaluationJson.read(file).results()).isEqualTo(REPORT.results());
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"config\": 3}");
    assertThatThrownBy(() -> EvaluationJson.read(bad)).isInstanceOf(IOException.class)
        .hasMessageContaining(bad.toString());
  }

  @Test
  void resultsAreLookedUpByRecommenderAndProtocol() {
    assertThat(REPORT.result("popularity", EvaluationProtocol.COLD).recallAt50()).isEqualTo(0.5);
    assertThatThrownBy(() -> REPORT.result("BPR-MF", EvaluationProtocol.COLD))
        .hasMessageContaining("no result of 'BPR-MF' under COLD");
  }
}
