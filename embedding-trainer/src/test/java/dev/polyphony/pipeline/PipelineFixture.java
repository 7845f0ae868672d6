package dev.polyphony.pipeline;

import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.job.JobFixtures;
import dev.polyphony.job.PipelineJobConfig;
import dev.polyphony.job.PipelineJobConfigReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline job on {@link JobFixtures#catalog()} (20 tracks, 6 playlists, read as a snapshot) with the tiny
 * training job: every stage runs in seconds. The Neo4j stage is skipped (it runs in a child JVM through the
 * launcher; {@code .ci/run} covers it with the demo).
 */
public final class PipelineFixture {
  public static final String JOB = JobFixtures.TINY_JOB + """
      input: {format: snapshot, path: catalog.snap}
      pipeline:
        skip: [neo4j]
        newTracks: 0.1
        evaluation: {baselines: [popularity, cooccurrence-knn], singleTasks: [organisational], threads: 1}
        candidates: {playlists: 2, tracks: 2, k: 5}
        report: {mapPoints: 20, annQueries: 10, annEfs: [5, 20]}
      """;

  private PipelineFixture() {}

  /** The job in {@code dir} (the catalog snapshot written beside it) with {@code overrides}. */
  public static PipelineJobConfig job(Path dir, String... overrides) throws IOException {
    GraphSnapshot.write(JobFixtures.catalog(), dir.resolve("catalog.snap"));
    return PipelineJobConfigReader.fromYaml(JOB, "job.yaml", List.of(overrides), dir);
  }

  /** One run of the standard pipeline into {@code out}; the text it printed is appended to {@code text}. */
  public static List<Pipeline.StageOutcome> run(PipelineJobConfig config, Path out, StringWriter text)
      throws IOException {
    PrintWriter writer = new PrintWriter(text, true);
    return Pipeline.standard().run(new StageContext(config, out, ProgressTracker.NONE, writer,
        new ChildCommand(Path.of("/nonexistent/polyphony"), writer)));
  }

  /** The statuses of {@code outcomes}, in order. */
  public static List<Pipeline.Status> statuses(List<Pipeline.StageOutcome> outcomes) {
    List<Pipeline.Status> statuses = new ArrayList<>();
    outcomes.forEach(o -> statuses.add(o.status()));
    return statuses;
  }
}
