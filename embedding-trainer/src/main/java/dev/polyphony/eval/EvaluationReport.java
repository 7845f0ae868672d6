package dev.polyphony.eval;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link PlaylistContinuationEvaluation}: its settings, the recommenders with their
 * parameters, and one result per recommender and protocol. {@link EvaluationJson} writes and reads it,
 * {@link EvaluationMarkdown} formats it as a table.
 */
public record EvaluationReport(EvaluationConfig config, List<Recommender> recommenders,
    List<EvaluationResult> results) {

  public EvaluationReport {
    Objects.requireNonNull(config, "config");
    recommenders = List.copyOf(recommenders);
    results = List.copyOf(results);
  }

  /** A recommender's name and parameters (a record or map, written as a JSON object). */
  public record Recommender(String name, Object parameters) {
    public Recommender {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(parameters, "parameters");
    }
  }

  /** The result of {@code recommender} under {@code protocol}. */
  public EvaluationResult result(String recommender, EvaluationProtocol protocol) {
    for (EvaluationResult r : results) {
      if (r.recommender().equals(recommender) && r.protocol() == protocol) {
        return r;
      }
    }
    throw new IllegalArgumentException("no result of '" + recommender + "' under " + protocol);
  }
}
