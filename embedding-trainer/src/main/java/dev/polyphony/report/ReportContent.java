package dev.polyphony.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a report shows. Each section is optional: a null or empty part leaves its section out of
 * the page ({@link #sections()}). Build with {@link #builder(String)}.
 *
 * @param title the page title; non-blank
 * @param runFacts key/value facts of the run (dataset, seed, model hash, durations), in the given order
 * @param training one record per epoch, ascending epochs; may be empty
 * @param comparison offline metrics of recommenders; may be null
 * @param embeddingMap a 2-d map of embeddings; may be null
 * @param degrees degree histograms per relation; may be empty
 * @param ann recall / speed points of the approximate index; may be empty
 * @param candidateShares the make-up of blended candidate lists; may be null
 * @param tables sections without a figure, shown after the figures in the given order; ids distinct; may be empty
 */
public record ReportContent(String title, Map<String, String> runFacts, List<EpochRecord> training,
    RecommenderComparison comparison, EmbeddingMap embeddingMap, List<DegreeHistogram> degrees,
    List<AnnTradeoffPoint> ann, CandidateShares candidateShares, List<ReportTable> tables) {

  public ReportContent {
    Objects.requireNonNull(title, "title");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title must be non-blank (got '" + title + "')");
    }
    Map<String, String> facts = new LinkedHashMap<>();
    runFacts.forEach((k, v) -> facts.put(Objects.requireNonNull(k, "run fact name"),
        Objects.requireNonNull(v, () -> "value of run fact '" + k + "'")));
    runFacts = Collections.unmodifiableMap(facts);
    training = List.copyOf(training);
    for (int i = 1; i < training.size(); i++) {
      if (training.get(i).epoch() <= training.get(i - 1).epoch()) {
        throw new IllegalArgumentException("training epochs must increase (got " + training.get(i).epoch()
            + " after " + training.get(i - 1).epoch() + ")");
      }
    }
    degrees = List.copyOf(degrees);
    ann = List.copyOf(ann);
    tables = List.copyOf(tables);
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (ReportTable t : tables) {
      boolean taken = java.util.Arrays.stream(ReportSection.values()).anyMatch(s -> s.id().equals(t.id()))
          || t.id().equals("run");
      if (taken || !ids.add(t.id())) {
        throw new IllegalArgumentException("table id '" + t.id() + "' is used twice or by a figure section");
      }
    }
  }

  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** The figure sections that have data, in page order. */
  public List<ReportSection> sections() {
    List<ReportSection> present = new ArrayList<>();
    for (ReportSection s : ReportSection.values()) {
      if (has(s)) {
        present.add(s);
      }
    }
    return present;
  }

  /** True when {@code section} has data to show. */
  public boolean has(ReportSection section) {
    return switch (section) {
      case TRAINING -> !training.isEmpty();
      case COMPARISON -> comparison != null && !comparison.isEmpty();
      case EMBEDDING_MAP -> embeddingMap != null && !embeddingMap.points().isEmpty();
      case DEGREES -> degrees.stream().anyMatch(h -> h.maxDegree() > 0);
      case ANN -> !ann.isEmpty();
      case CANDIDATES -> candidateShares != null && !candidateShares.placed().isEmpty();
    };
  }

  /** Collects the parts of a report; every part is optional. */
  public static final class Builder {
    private final String title;
    private final Map<String, String> runFacts = new LinkedHashMap<>();
    private List<EpochRecord> training = List.of();
    private RecommenderComparison comparison;
    private EmbeddingMap embeddingMap;
    private List<DegreeHistogram> degrees = List.of();
    private List<AnnTradeoffPoint> ann = List.of();
    private CandidateShares candidateShares;
    private final List<ReportTable> tables = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    /** Adds a fact (replacing an earlier value of {@code name}, keeping its place). */
    public Builder runFact(String name, Object value) {
      runFacts.put(name, String.valueOf(value));
      return this;
    }

    public Builder training(List<EpochRecord> epochs) {
      this.training = epochs;
      return this;
    }

    public Builder comparison(RecommenderComparison c) {
      this.comparison = c;
      return this;
    }

    public Builder embeddingMap(EmbeddingMap map) {
      this.embeddingMap = map;
      return this;
    }

    public Builder degrees(List<DegreeHistogram> histograms) {
      this.degrees = histograms;
      return this;
    }

    public Builder ann(List<AnnTradeoffPoint> points) {
      this.ann = points;
      return this;
    }

    public Builder candidateShares(CandidateShares shares) {
      this.candidateShares = shares;
      return this;
    }

    /** Adds a section without a figure after those added before. */
    public Builder table(ReportTable table) {
      tables.add(table);
      return this;
    }

    public ReportContent build() {
      return new ReportContent(title, runFacts, training, comparison, embeddingMap, degrees, ann, candidateShares,
          tables);
    }
  }
}
