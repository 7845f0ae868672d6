package dev.polyphony.pipeline;

import static dev.polyphony.pipeline.Pipeline.Status.RAN;
import static dev.polyphony.pipeline.Pipeline.Status.SKIPPED;
import static dev.polyphony.pipeline.Pipeline.Status.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.polyphony.embedding.io.EmbeddingExport;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.job.JobFixtures;
import dev.polyphony.job.PipelineJobConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  @TempDir
  Path dir;

  @Test
  void everyStageRunsThenARerunSkipsEverythingAndATrainingChangeRerunsTrainingAndDownstream() throws Exception {
    Path out = dir.resolve("out");
    PipelineJobConfig config = PipelineFixture.job(dir);
    StringWriter text = new StringWriter();

    List<Pipeline.StageOutcome> first = PipelineFixture.run(config, out, text);

    assertThat(PipelineFixture.statuses(first)).containsExactly(RAN, RAN, RAN, RAN, RAN, RAN, SKIPPED, RAN);
    assertThat(out.resolve("graph.snap")).isRegularFile();
    assertThat(out.resolve("stats.json")).isRegularFile();
    assertThat(out.resolve("train/model/manifest.json")).isRegularFile();
    List<String> newTracks = Files.readAllLines(out.resolve("train/new-tracks.tsv"), StandardCharsets.UTF_8);
    assertThat(newTracks).hasSize(2);
    var table = EmbeddingExport.read(out.resolve("embeddings"));
    assertThat(table.size()).isEqualTo(JobFixtures.TRACKS);
    assertThat(table.ids()).containsAll(newTracks);
    assertThat(out.resolve("embeddings/index.voy")).isRegularFile();
    String evaluation = Files.readString(out.resolve("evaluation/evaluation.json"));
    assertThat(evaluation).contains("popularity", "GraphSAGE multi-task (fixed)", "GraphSAGE organisational only");
    assertThat(Files.readString(out.resolve("candidates/lists.json"))).contains("\"blend\"", "\"similar\"");
    assertThat(out.resolve("report/index.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("report/metrics.json"))).contains("\"training\"", "\"comparison\"",
        "\"embedding-map\"", "\"ann\"", "\"candidate-lists\"");
    assertThat(text.toString()).contains("held out as new tracks", "== [7/8] neo4j: skipped (pipeline.skip)");

    List<Pipeline.StageOutcome> second = PipelineFixture.run(config, out, new StringWriter());
    assertThat(PipelineFixture.statuses(second))
        .containsExactly(UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, SKIPPED, UNCHANGED);

    PipelineJobConfig changed = PipelineFixture.job(dir, "training.epochs=1");
    List<Pipeline.StageOutcome> third = PipelineFixture.run(changed, out, new StringWriter());
    assertThat(PipelineFixture.statuses(third))
        .containsExactly(UNCHANGED, UNCHANGED, RAN, RAN, RAN, RAN, SKIPPED, RAN);

    Files.delete(out.resolve("embeddings/index.voy"));
    List<Pipeline.StageOutcome> fourth = PipelineFixture.run(changed, out, new StringWriter());
    assertThat(PipelineFixture.statuses(fourth).subList(0, 4)).containsExactly(UNCHANGED, UNCHANGED, UNCHANGED, RAN);
    assertThat(out.resolve("embeddings/index.voy")).isRegularFile();
  }

  @Test
  void aStageThatFailedRunsAgainWhileTheStagesBeforeItAreSkipped() throws Exception {
    Path out = dir.resolve("out");
    PipelineJobConfig config = PipelineFixture.job(dir);
    AtomicInteger attempts = new AtomicInteger();
    Stage first = new WritingStage("ingest", out.resolve("a.txt"), () -> { });
    Stage flaky = new WritingStage("stats", out.resolve("b.txt"), () -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("disk full");
      }
    });
    Pipeline pipeline = new Pipeline(List.of(first, flaky));
    StringWriter text = new StringWriter();
    StageContext context = new StageContext(config, out, ProgressTracker.NONE, new PrintWriter(text, true),
        new ChildCommand(Path.of("/nonexistent"), new PrintWriter(text, true)));

    assertThatThrownBy(() -> pipeline.run(context)).isInstanceOf(Pipeline.PipelineException.class)
        .hasMessage("stage stats failed: disk full");
    StageLedger ledger = StageLedger.read(out);
    assertThat(ledger.entry("ingest")).isPresent();
    assertThat(ledger.entry("stats")).isEmpty();

    assertThat(PipelineFixture.statuses(pipeline.run(context))).containsExactly(UNCHANGED, RAN);
    assertThat(PipelineFixture.statuses(pipeline.run(context))).containsExactly(UNCHANGED, UNCHANGED);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aStageNeedingASkippedStagesMissingOutputFailsNamingBoth() throws Exception {
    PipelineJobConfig config = PipelineFixture.job(dir, "pipeline.skip=[train, neo4j]");
    assertThatThrownBy(() -> PipelineFixture.run(config, dir.resolve("out"), new StringWriter()))
        .isInstanceOf(Pipeline.PipelineException.class)
        .hasMessageStartingWith("stage embed failed: needs the output of stage 'train'")
        .hasMessageContaining("remove 'train' from pipeline.skip or skip 'embed' too");
  }

  /** A stage that runs {@code action} then writes its one output file. */
  private record WritingStage(String name, Path output, Runnable action) implements Stage {
    @Override
    public List<String> needs() {
      return List.of();
    }

    @Override
    public List<Path> inputs(StageContext context) {
      return List.of();
    }

    @Override
    public String settings(StageContext context) {
      return "";
    }

    @Override
    public List<Path> outputs(StageContext context) {
      return List.of(output);
    }

    @Override
    public void run(StageContext context) throws Exception {
      action.run();
      Files.writeString(output, name);
    }
  }
}
