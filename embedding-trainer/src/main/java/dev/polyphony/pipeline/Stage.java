package dev.polyphony.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * One step of the {@link Pipeline}. A stage reads files of the output folder (or the job's sources) and writes
 * others; the pipeline reruns it only when the checksums of {@link #inputs}, its {@link #settings} or the
 * checksums of its {@link #outputs} differ from those its last finished run recorded in the {@link StageLedger}.
 * Everything a stage's result depends on must therefore be among its inputs or settings.
 */
public interface Stage {
  /** The stage's name, one of {@link dev.polyphony.job.PipelineJobConfig#STAGES}. */
  String name();

  /** Stages whose outputs this stage reads; they must have run (now or before) for this one to run. */
  List<String> needs();

  /** Files and folders the stage reads; a missing one counts as absent, not as an error. */
  List<Path> inputs(StageContext context);

  /** The settings the stage's result depends on, as text (JSON of the job's sections, say). */
  String settings(StageContext context);

  /** Files and folders the stage writes (all of them, so a damaged output makes it run again). */
  List<Path> outputs(StageContext context);

  /** Does the work, printing a short account of it to {@link StageContext#text()}. */
  void run(StageContext context) throws Exception;
}
