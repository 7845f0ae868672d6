package dev.polyphony.pipeline;

import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs stages in order into one output folder, skipping those the job skips and those whose inputs, settings and
 * outputs are unchanged since their last finished run (by the checksums of the {@link StageLedger}). A stage that
 * fails ends the run with a {@link PipelineException} naming it; stages before it keep their ledger entries, so
 * the next run starts at the failed stage.
 */
public final class Pipeline {
  /** What happened to a stage in one run. */
  public enum Status { RAN, UNCHANGED, SKIPPED }

  /** A stage's outcome: its status and seconds spent (0 unless it ran). */
  public record StageOutcome(String stage, Status status, double seconds) {}

  private final List<Stage> stages;

  public Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(stages);
    Set<String> names = new HashSet<>();
    for (Stage s : this.stages) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("stage '" + s.name() + "' is given twice");
      }
    }
  }

  /** The stages of the main job, in order. */
  public static Pipeline standard() {
    return new Pipeline(List.of(new IngestStage(), new StatsStage(), new TrainStage(), new EmbedStage(),
        new EvaluateStage(), new CandidatesStage(), new Neo4jStage(), new ReportStage()));
  }

  public List<Stage> stages() {
    return stages;
  }

  /** Runs every stage in {@code context}; returns each stage's outcome in order. */
  public List<StageOutcome> run(StageContext context) throws IOException {
    PipelineJobConfig config = context.config();
    PipelineLayout layout = context.layout();
    Files.createDirectories(layout.out());
    AtomicFiles.writeString(layout.job(), PipelineJobConfigReader.toJson(config) + "\n");
    StageLedger ledger = StageLedger.read(layout.out());
    PrintWriter text = context.text();
    List<StageOutcome> outcomes = new ArrayList<>();
    Map<String, Stage> byName = new LinkedHashMap<>();
    stages.forEach(s -> byName.put(s.name(), s));
    int number = 0;
    for (Stage stage : stages) {
      number++;
      String head = String.format(Locale.ROOT, "== [%d/%d] %s", number, stages.size(), stage.name());
      if (config.skips(stage.name())) {
        text.println(head + ": skipped (pipeline.skip)");
        text.flush();
        outcomes.add(new StageOutcome(stage.name(), Status.SKIPPED, 0));
        continue;
      }
      requireNeeds(stage, byName, context, outcomes);
      String inputs = Fingerprint.of(stage.inputs(context), stage.settings(context));
      StageLedger.Entry done = ledger.entry(stage.name()).orElse(null);
      if (done != null && done.inputs().equals(inputs)
          && done.outputs().equals(Fingerprint.of(stage.outputs(context), ""))) {
        text.println(head + ": unchanged since " + done.finishedAt() + ", skipped");
        text.flush();
        outcomes.add(new StageOutcome(stage.name(), Status.UNCHANGED, 0));
        continue;
      }
      text.println(head);
      text.flush();
      ledger.remove(stage.name());
      long start = System.nanoTime();
      try {
        stage.run(context);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PipelineException(stage.name(), "interrupted", e);
      } catch (PipelineException e) {
        throw e;
      } catch (Exception e) {
        throw new PipelineException(stage.name(), String.valueOf(e.getMessage()), e);
      }
      if (stage instanceof IngestStage) {
        context.graphChanged();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      ledger.put(stage.name(), new StageLedger.Entry(inputs, Fingerprint.of(stage.outputs(context), ""),
          Instant.now().toString(), Math.round(seconds * 10) / 10.0));
      text.printf(Locale.ROOT, "   %s took %.1f s%n", stage.name(), seconds);
      text.flush();
      outcomes.add(new StageOutcome(stage.name(), Status.RAN, seconds));
    }
    return outcomes;
  }

  private static void requireNeeds(Stage stage, Map<String, Stage> byName, StageContext context,
      List<StageOutcome> outcomes) throws IOException {
    for (String need : stage.needs()) {
      Stage needed = byName.get(need);
      if (needed == null) {
        continue;
      }
      boolean skipped = outcomes.stream().anyMatch(o -> o.stage().equals(need) && o.status() == Status.SKIPPED);
      if (skipped) {
        for (Path p : needed.outputs(context)) {
          if (!Files.exists(p)) {
            throw new PipelineException(stage.name(), "needs the output of stage '" + need + "' (" + p
                + "), which pipeline.skip skips and no earlier run wrote; remove '" + need + "' from pipeline.skip"
                + " or skip '" + stage.name() + "' too");
          }
        }
      }
    }
  }

  /** A stage that failed; the message names it. */
  public static final class PipelineException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String stage;

    public PipelineException(String stage, String message, Throwable cause) {
      super("stage " + stage + " failed: " + message, cause);
      this.stage = Objects.requireNonNull(stage, "stage");
    }

    public PipelineException(String stage, String message) {
      this(stage, message, null);
    }

    public String stage() {
      return stage;
    }
  }
}
