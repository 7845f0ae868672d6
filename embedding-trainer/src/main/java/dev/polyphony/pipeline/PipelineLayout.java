package dev.polyphony.pipeline;

import java.nio.file.Path;

/**
 * Where a pipeline run puts things, under one output folder:
 * <pre>
 * job.json                 the resolved job
 * pipeline-ledger.json     finished stages and their checksums ({@link StageLedger})
 * graph.snap, rejects.tsv, ingest.json                ingest
 * stats.json, stats.txt                               stats
 * train/ (model/, metrics.jsonl, checkpoint.bin, job.json, new-tracks.tsv)  train
 * embeddings/ (embeddings.npy, ids.tsv, index.voy, index.json, manifest.json)  embed
 * evaluation/ (evaluation.json, evaluation.md)        evaluate
 * candidates/ (lists.tsv, lists.json)                 candidates
 * neo4j/ (*.txt command outputs and query results), neo4j-store/ (the embedded database)   neo4j
 * report/ (index.html, metrics.json, *.png)           report
 * </pre>
 */
public record PipelineLayout(Path out) {
  public Path job() {
    return out.resolve("job.json");
  }

  public Path graph() {
    return out.resolve("graph.snap");
  }

  public Path rejects() {
    return out.resolve("rejects.tsv");
  }

  public Path ingestSummary() {
    return out.resolve("ingest.json");
  }

  public Path statsJson() {
    return out.resolve("stats.json");
  }

  public Path statsText() {
    return out.resolve("stats.txt");
  }

  public Path train() {
    return out.resolve("train");
  }

  public Path model() {
    return train().resolve(dev.polyphony.job.TrainingJob.MODEL);
  }

  public Path metrics() {
    return train().resolve(dev.polyphony.job.TrainingJob.METRICS);
  }

  public Path newTracks() {
    return train().resolve("new-tracks.tsv");
  }

  public Path embeddings() {
    return out.resolve("embeddings");
  }

  public Path evaluation() {
    return out.resolve("evaluation");
  }

  public Path evaluationJson() {
    return evaluation().resolve("evaluation.json");
  }

  public Path candidates() {
    return out.resolve("candidates");
  }

  public Path candidateLists() {
    return candidates().resolve("lists.json");
  }

  public Path neo4j() {
    return out.resolve("neo4j");
  }

  public Path neo4jStore() {
    return out.resolve("neo4j-store");
  }

  public Path report() {
    return out.resolve(dev.polyphony.report.ReportWriter.DIRECTORY);
  }
}
