package dev.polyphony.report;

import dev.polyphony.graph.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report directory: one PNG per present {@link ReportSection}, {@value #METRICS} with the
 * numbers and {@value #INDEX}, the page that shows both. Every file is written atomically, the page
 * last, so a reader never meets a page whose figures are missing. Figures of sections without data
 * left over from an earlier report in the same directory are deleted. The page needs nothing but the
 * files next to it: open it from disk or serve the directory.
 */
public final class ReportWriter {
  /** The directory name the engine's commands use for a run's report. */
  public static final String DIRECTORY = "report";
  public static final String INDEX = "index.html";
  public static final String METRICS = "metrics.json";

  private ReportWriter() {}

  /** Writes {@code content} into {@code reportDir} (created if missing); returns the page's path. */
  public static Path write(ReportContent content, Path reportDir) throws IOException {
    Files.createDirectories(reportDir);
    for (ReportSection s : ReportSection.values()) {
      Path png = reportDir.resolve(s.fileName());
      if (content.has(s)) {
        plot(s, content, png);
      } else {
        Files.deleteIfExists(png);
      }
    }
    AtomicFiles.writeString(reportDir.resolve(METRICS), ReportMetrics.render(content));
    Path index = reportDir.resolve(INDEX);
    AtomicFiles.writeString(index, ReportPage.render(content));
    return index;
  }

  private static void plot(ReportSection section, ReportContent c, Path png) throws IOException {
    switch (section) {
      case TRAINING -> TrainingCurvesPlot.write(c.training(), png, section.size());
      case COMPARISON -> RecommenderComparisonPlot.write(c.comparison(), png, section.size());
      case EMBEDDING_MAP -> EmbeddingMapPlot.write(c.embeddingMap(), png, section.size());
      case DEGREES -> DegreeDistributionPlot.write(c.degrees(), png, section.size());
      case ANN -> AnnTradeoffPlot.write(c.ann(), png, section.size());
      case CANDIDATES -> CandidateSharesPlot.write(c.candidateShares(), png, section.size());
    }
  }
}
