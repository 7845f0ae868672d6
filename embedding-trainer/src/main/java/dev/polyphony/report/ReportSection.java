package dev.polyphony.report;

/** The sections of the report that carry a figure, in page order, each with its PNG file and size. */
public enum ReportSection {
  TRAINING("training", "Training", "training-curves.png", TrainingCurvesPlot.DEFAULT_SIZE),
  COMPARISON("comparison", "Recommenders compared", "recommenders.png", RecommenderComparisonPlot.DEFAULT_SIZE),
  EMBEDDING_MAP("embedding-map", "Embedding map", "embedding-map.png", EmbeddingMapPlot.DEFAULT_SIZE),
  DEGREES("degrees", "Degree distribution", "degree-distribution.png", DegreeDistributionPlot.DEFAULT_SIZE),
  ANN("ann", "Approximate search", "ann-tradeoff.png", AnnTradeoffPlot.DEFAULT_SIZE),
  CANDIDATES("candidates", "Candidate generators", "candidate-shares.png", CandidateSharesPlot.DEFAULT_SIZE);

  private final String id;
  private final String heading;
  private final String fileName;
  private final PlotSize size;

  ReportSection(String id, String heading, String fileName, PlotSize size) {
    this.id = id;
    this.heading = heading;
    this.fileName = fileName;
    this.size = size;
  }

  /** The HTML id of the section and its key in {@code metrics.json}. */
  public String id() {
    return id;
  }

  public String heading() {
    return heading;
  }

  /** The figure's file, next to {@code index.html}. */
  public String fileName() {
    return fileName;
  }

  /** The figure's pixel size. */
  public PlotSize size() {
    return size;
  }
}
