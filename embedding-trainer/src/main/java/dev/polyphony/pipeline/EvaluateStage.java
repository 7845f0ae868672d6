package dev.polyphony.pipeline;

import dev.polyphony.eval.EvaluationJson;
import dev.polyphony.eval.EvaluationMarkdown;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.graph.io.AtomicFiles;
import dev.polyphony.job.EvaluationJob;
import dev.polyphony.job.JobConfigException;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The playlist-continuation evaluation ({@link EvaluationJob}, warm and cold-start tracks) of the chosen baselines,
 * the job's multi-task recommender and its single-task recommenders ({@code pipeline.evaluation}), each trained on
 * the evaluation's own split, into {@code evaluation/evaluation.json} and {@code evaluation/evaluation.md}.
 */
final class EvaluateStage implements Stage {
  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public List<String> needs() {
    return List.of("ingest");
  }

  @Override
  public List<Path> inputs(StageContext c) {
    return List.of(c.layout().graph());
  }

  @Override
  public String settings(StageContext c) {
    PipelineJobConfig.Evaluation e = c.config().pipeline().evaluation();
    // Threads change the speed, not the result.
    return PipelineJobConfigReader.trainingJson(c.config().training()) + "\n"
        + PipelineJobConfigReader.sectionJson(new PipelineJobConfig.Evaluation(e.baselines(), e.singleTasks(), 0));
  }

  @Override
  public List<Path> outputs(StageContext c) {
    return List.of(c.layout().evaluation());
  }

  @Override
  public void run(StageContext c) throws Exception {
    PipelineJobConfig.Evaluation settings = c.config().pipeline().evaluation();
    EvaluationJob job = new EvaluationJob(c.config().training());
    List<dev.polyphony.eval.PlaylistRecommender> recommenders;
    try {
      recommenders = job.recommenders(settings.baselines(), settings.singleTasks());
    } catch (JobConfigException e) {
      throw new JobConfigException("pipeline.evaluation." + e.path(), e.problem());
    }
    int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
    EvaluationReport report = job.run(c.graph(), recommenders, threads, c.progress());
    Path dir = c.layout().evaluation();
    Files.createDirectories(dir);
    EvaluationJson.write(report, c.layout().evaluationJson());
    String table = EvaluationMarkdown.format(report);
    AtomicFiles.writeString(dir.resolve("evaluation.md"), table);
    c.text().print(table);
    c.text().println("   evaluation: " + c.layout().evaluationJson() + ", " + dir.resolve("evaluation.md"));
  }
}
