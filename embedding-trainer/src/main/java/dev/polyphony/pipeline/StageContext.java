package dev.polyphony.pipeline;

import dev.polyphony.graph.HeteroGraph;
import dev.polyphony.graph.ProgressTracker;
import dev.polyphony.graph.io.GraphSnapshot;
import dev.polyphony.job.PipelineJobConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What every stage of one run shares: the job, the output folder and its {@link PipelineLayout}, progress, the text
 * output, the launcher of child commands and the catalog graph, read once.
 */
public final class StageContext {
  private final PipelineJobConfig config;
  private final PipelineLayout layout;
  private final ProgressTracker progress;
  private final PrintWriter text;
  private final ChildCommand child;
  private HeteroGraph graph;

  public StageContext(PipelineJobConfig config, Path outDir, ProgressTracker progress, PrintWriter text,
      ChildCommand child) {
    this.config = Objects.requireNonNull(config, "config");
    this.layout = new PipelineLayout(outDir);
    this.progress = Objects.requireNonNull(progress, "progress");
    this.text = Objects.requireNonNull(text, "text");
    this.child = Objects.requireNonNull(child, "child");
  }

  public PipelineJobConfig config() {
    return config;
  }

  public PipelineLayout layout() {
    return layout;
  }

  public ProgressTracker progress() {
    return progress;
  }

  public PrintWriter text() {
    return text;
  }

  /** Runs {@code polyphony} commands in child processes (the Neo4j ones). */
  public ChildCommand child() {
    return child;
  }

  /** The catalog graph of the ingest stage's snapshot, read on first use. */
  public HeteroGraph graph() throws IOException {
    if (graph == null) {
      progress.begin("read graph", -1);
      graph = GraphSnapshot.read(layout.graph());
      progress.end();
    }
    return graph;
  }

  /** Forgets the graph read so far (the ingest stage has written a new snapshot). */
  void graphChanged() {
    graph = null;
  }
}
