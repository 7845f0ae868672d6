package dev.polyphony.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A pipeline job ({@code polyphony run --config job.yaml}, and the demo's built-in job): where the catalog comes
 * from ({@code input}), what the stages after training do ({@code pipeline}) and the training job itself (every
 * other key, as in {@code default-training.yaml}). Read with {@link PipelineJobConfigReader}.
 *
 * @param input the catalog source
 * @param pipeline stage settings
 * @param training the resolved training job
 * @param baseDir the folder relative paths of the job are resolved against (the job file's folder)
 */
public record PipelineJobConfig(Input input, Pipeline pipeline, TrainingJobConfig training, Path baseDir) {
  /** The stages in the order they run. */
  public static final List<String> STAGES = List.of("ingest", "stats", "train", "embed", "evaluate", "candidates",
      "neo4j", "report");
  /**
   * Input formats: those of {@code polyphony ingest}, {@code snapshot} for a graph snapshot written earlier, and
   * {@code neo4j} for a projection of a Neo4j database.
   */
  public static final List<String> FORMATS = List.of("spotify-songs", "mpd", "lastfm-hetrec", "generic", "snapshot",
      "neo4j");

  public PipelineJobConfig {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(baseDir, "baseDir");
  }

  /** {@code path} resolved against {@link #baseDir()}; {@code null} stays {@code null}. */
  public Path resolve(String path) {
    return path == null ? null : baseDir.resolve(path).toAbsolutePath().normalize();
  }

  /** Whether the job skips {@code stage}. */
  public boolean skips(String stage) {
    return pipeline.skip().contains(stage);
  }

  /**
   * The {@code input} section.
   *
   * @param format one of {@link #FORMATS}
   * @param path the input file or folder (file formats); relative to the job file
   * @param schema the schema file of the {@code generic} format
   * @param maxRejects rows rejected before the ingest fails; >= 0
   * @param neo4jProjection {@code neo4j}: the projection file of {@code polyphony neo4j read --projection}
   * @param neo4jUri {@code neo4j}: Bolt URI of the server; without it the embedded store in {@code neo4jHome}
   * @param neo4jHome {@code neo4j}: home of the embedded Neo4j to read
   */
  public record Input(String format, String path, String schema, long maxRejects, String neo4jProjection,
      String neo4jUri, String neo4jHome) {
    public Input {
      if (format == null || !FORMATS.contains(format)) {
        throw new JobConfigException("input.format", "must be one of " + String.join(", ", FORMATS) + " (got "
            + (format == null ? "nothing" : "'" + format + "'") + ")");
      }
      if (maxRejects < 0) {
        throw new JobConfigException("input.maxRejects", "must be >= 0 (got " + maxRejects + ")");
      }
      if (format.equals("neo4j")) {
        if (neo4jProjection == null || neo4jProjection.isBlank()) {
          throw new JobConfigException("input.neo4jProjection", "is needed with format neo4j (a projection file, "
              + "see docs/neo4j.md)");
        }
        if (path != null) {
          throw new JobConfigException("input.path", "is not used with format neo4j; give input.neo4jProjection "
              + "(got '" + path + "')");
        }
      } else {
        if (path == null || path.isBlank()) {
          throw new JobConfigException("input.path", "is needed with format " + format + " (the input file or "
              + "folder)");
        }
        if (neo4jProjection != null || neo4jUri != null || neo4jHome != null) {
          throw new JobConfigException(neo4jProjection != null ? "input.neo4jProjection"
              : neo4jUri != null ? "input.neo4jUri" : "input.neo4jHome", "is only for format neo4j (got format '"
              + format + "')");
        }
      }
      if (format.equals("generic") != (schema != null)) {
        throw new JobConfigException("input.schema", format.equals("generic")
            ? "is needed with format generic (the schema file)" : "is only for format generic (got '" + schema + "')");
      }
      if (neo4jUri != null && neo4jHome != null) {
        throw new JobConfigException("input.neo4jHome", "is for the embedded Neo4j; it cannot go with input.neo4jUri "
            + "(got '" + neo4jHome + "')");
      }
    }
  }

  /**
   * The {@code pipeline} section.
   *
   * @param skip stages not to run, among {@link #STAGES}; a stage that needs a skipped stage's output fails
   * @param newTracks share of the tracks held out of training (with every edge) and embedded afterwards as new
   *     tracks, in [0, 0.5]
   * @param evaluation which recommenders the evaluation compares
   * @param candidates the sample requests whose candidate lists are written
   * @param report the report's samples
   */
  public record Pipeline(List<String> skip, double newTracks, Evaluation evaluation, Candidates candidates,
      Report report) {
    public Pipeline {
      if (skip == null) {
        throw new JobConfigException("pipeline.skip", "must be a list of stages (got nothing)");
      }
      for (int i = 0; i < skip.size(); i++) {
        if (!STAGES.contains(skip.get(i))) {
          throw new JobConfigException("pipeline.skip[" + i + "]", "unknown stage (got '" + skip.get(i)
              + "'; stages: " + String.join(", ", STAGES) + ")");
        }
      }
      skip = List.copyOf(skip);
      if (!(newTracks >= 0 && newTracks <= 0.5)) {
        throw new JobConfigException("pipeline.newTracks", "must be in [0, 0.5] (got " + newTracks + ")");
      }
      Objects.requireNonNull(evaluation, "evaluation");
      Objects.requireNonNull(candidates, "candidates");
      Objects.requireNonNull(report, "report");
    }
  }

  /**
   * {@code pipeline.evaluation}: the recommenders of the playlist-continuation evaluation.
   *
   * @param baselines the baselines compared, among {@link EvaluationJob#BASELINES}
   * @param singleTasks tasks of the job each also trained alone (e.g. {@code [organisational]})
   * @param threads threads scoring queries; 0 for one per processor
   */
  public record Evaluation(List<String> baselines, List<String> singleTasks, int threads) {
    public Evaluation {
      if (baselines == null) {
        throw new JobConfigException("pipeline.evaluation.baselines", "must be a list (got nothing)");
      }
      for (int i = 0; i < baselines.size(); i++) {
        if (!EvaluationJob.BASELINES.contains(baselines.get(i))) {
          throw new JobConfigException("pipeline.evaluation.baselines[" + i + "]", "unknown baseline (got '"
              + baselines.get(i) + "'; baselines: " + String.join(", ", EvaluationJob.BASELINES) + ")");
        }
      }
      baselines = baselines.stream().distinct().toList();
      if (singleTasks == null) {
        throw new JobConfigException("pipeline.evaluation.singleTasks", "must be a list (got nothing)");
      }
      singleTasks = List.copyOf(singleTasks);
      if (threads < 0) {
        throw new JobConfigException("pipeline.evaluation.threads", "must be >= 0, 0 for one per processor (got "
            + threads + ")");
      }
    }
  }

  /**
   * {@code pipeline.candidates}: candidate lists of every generator for sample playlists and tracks.
   *
   * @param playlists sample playlists (the largest, ties by id); >= 0
   * @param tracks sample seed tracks (drawn with the job seed, new tracks first); >= 0
   * @param k candidates per list; > 0
   */
  public record Candidates(int playlists, int tracks, int k) {
    public Candidates {
      if (playlists < 0) {
        throw new JobConfigException("pipeline.candidates.playlists", "must be >= 0 (got " + playlists + ")");
      }
      if (tracks < 0) {
        throw new JobConfigException("pipeline.candidates.tracks", "must be >= 0 (got " + tracks + ")");
      }
      if (k <= 0) {
        throw new JobConfigException("pipeline.candidates.k", "must be > 0 (got " + k + ")");
      }
    }
  }

  /**
   * {@code pipeline.report}: samples of the report.
   *
   * @param mapPoints tracks on the embedding map; > 0
   * @param annQueries queries of the recall-versus-speed sweep; > 0
   * @param annEfs search list sizes of the sweep; each > 0
   */
  public record Report(int mapPoints, int annQueries, List<Integer> annEfs) {
    public Report {
      if (mapPoints <= 0) {
        throw new JobConfigException("pipeline.report.mapPoints", "must be > 0 (got " + mapPoints + ")");
      }
      if (annQueries <= 0) {
        throw new JobConfigException("pipeline.report.annQueries", "must be > 0 (got " + annQueries + ")");
      }
      if (annEfs == null || annEfs.isEmpty()) {
        throw new JobConfigException("pipeline.report.annEfs", "must list at least one search list size (got "
            + (annEfs == null ? "nothing" : "[]") + ")");
      }
      for (int i = 0; i < annEfs.size(); i++) {
        if (annEfs.get(i) == null || annEfs.get(i) <= 0) {
          throw new JobConfigException("pipeline.report.annEfs[" + i + "]", "must be > 0 (got " + annEfs.get(i) + ")");
        }
      }
      annEfs = List.copyOf(annEfs);
    }
  }
}
