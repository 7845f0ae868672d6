package dev.polyphony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.embedding.io.ExportFormat;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.retrieval.candidates.TinyCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrieveCommandTest {
  @TempDir
  Path dir;

  private Path embeddings;
  private Path graph;

  @BeforeEach
  void writeTheTinyCatalog() throws Exception {
    embeddings = dir.resolve("embeddings");
    EmbeddingExport.write(TinyCatalog.table(), embeddings, Set.of(ExportFormat.NPY));
    graph = dir.resolve("tiny.snap");
    GraphSnapshot.write(TinyCatalog.graph(), graph);
  }

  private CliRun retrieve(String... args) {
    List<String> all = new ArrayList<>(List.of("retrieve", "--embeddings", embeddings.toString(), "--graph",
        graph.toString()));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  @Test
  void printsTheCandidatesOfOneGeneratorWithTheirReasons() {
    CliRun run = retrieve("--generator", "similar", "--seed-track", "t0", "-k", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly(
        "3 candidates for seed track t0",
        "#  track   score  generator  reasons",
        "1  t1     0.9600  similar    similar: similar to seed track t0 (cos 0.96)",
        "2  t2     0.8000  similar    similar: similar to seed track t0 (cos 0.80)",
        "3  t3     0.6000  similar    similar: similar to seed track t0 (cos 0.60)");
  }

  @Test
  void blendsSeveralGeneratorsAndReportsTheirShares() {
    CliRun run = retrieve("--generator", "similar:0.5,fresh", "--seed-track", "t0", "-k", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(
        "1  t1     0.9600  similar    similar: similar to seed track t0 (cos 0.96)",
        "2  t3     0.6000  fresh      fresh: released 2020-01-14, within 30 days of 2020-01-15; cos 0.60 to seed"
            + " track t0 | similar: similar to seed track t0 (cos 0.60)",
        "generator  places  proposed  placed  share  with reason",
        "similar         2         4       2   0.50            4",
        "fresh           2         4       2   0.50            3");
  }

  @Test
  void jsonListsCandidatesReasonsAndShares() throws Exception {
    CliRun run = retrieve("--generator", "playlist", "--playlist", "p0", "-k", "2", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertThat(root.get("request").get("playlist").asText()).isEqualTo("p0");
    assertThat(root.get("candidates")).hasSize(2);
    JsonNode first = root.get("candidates").get(0);
    assertThat(first.get("id").asText()).isEqualTo("t2");
    assertThat(first.get("reasons").get(0).get("generator").asText()).isEqualTo("playlist");
    assertThat(first.get("reasons").get(0).get("explanation").asText())
        .isEqualTo("continues playlist p0 (cos 0.88 to the mean of its 2 tracks)");
    assertThat(root.get("shares").get(0).get("placed").asInt()).isEqualTo(2);
  }

  @Test
  void usesTheExportsVoyagerIndexWhenItHasOne() {
    CliRun export = CliRun.of("export", "--embeddings", embeddings.toString(), "--format", "npy,voyager", "--out",
        embeddings.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    CliRun run = retrieve("--generator", "fresh", "--seed-track", "t0", "-k", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("load the Voyager index");
    assertThat(run.out()).contains("1  t2", "2  t3", "released 2020-01-14, within 30 days of 2020-01-15");
    // Only creator a4 (percentile 0) is below percentile 20, and its one track has no vector.
    CliRun tail = retrieve("--generator", "tail-creator", "--seed-track", "t0");
    assertThat(tail.exitCode()).as(tail.err()).isZero();
    assertThat(tail.out()).startsWith("0 candidates for seed track t0");
  }

  @Test
  void requestAndGeneratorMistakesAreUsageErrors() {
    CliRun none = retrieve("--generator", "similar");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("give --seed-track ID, --playlist ID or both");
    CliRun unknown = retrieve("--generator", "similiar", "--seed-track", "t0");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown generator 'similiar'");
    CliRun shares = retrieve("--generator", "similar:0.8,fresh:0.4", "--seed-track", "t0");
    assertThat(shares.exitCode()).isEqualTo(2);
    assertThat(shares.err()).contains("generator shares must sum to at most 1 (got 1.200)");
  }

  @Test
  void whatTheCatalogCannotServeIsAnErrorNamingIt() throws Exception {
    CliRun unknownSeed = retrieve("--generator", "similar", "--seed-track", "t404");
    assertThat(unknownSeed.exitCode()).isEqualTo(1);
    assertThat(unknownSeed.err()).contains("polyphony: error: seed track 't404' has no embedding");
    GraphSnapshot.write(TinyCatalog.graph(true, false), graph);
    CliRun noMargin = retrieve("--generator", "revenue-margin", "--seed-track", "t0");
    assertThat(noMargin.exitCode()).isEqualTo(1);
    assertThat(noMargin.err()).contains("revenue-margin needs the track attribute 'margin'");
    assertThat(noMargin.errorLines()).isEqualTo(1);
  }
}
