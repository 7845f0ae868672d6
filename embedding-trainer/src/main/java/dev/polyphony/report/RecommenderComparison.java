package dev.polyphony.report;

import dev.polyphony.eval.EvaluationProtocol;
import dev.polyphony.eval.EvaluationReport;
import dev.polyphony.eval.EvaluationResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Offline metrics of several recommenders under several evaluation protocols, the data of the
 * comparison chart and table.
 *
 * @param rows one per recommender and protocol; copied
 */
public record RecommenderComparison(List<Row> rows) {
  /** The protocols compared by default: warm playlist continuation and cold-start tracks. */
  public static final List<EvaluationProtocol> WARM_AND_COLD = List.of(EvaluationProtocol.WARM,
      EvaluationProtocol.COLD);

  /**
   * The metrics of one recommender under one protocol (see {@link EvaluationResult}).
   *
   * @param recommender the recommender's name
   * @param protocol the protocol's label, as in tables ({@link EvaluationProtocol#label()})
   * @param queries playlists evaluated; >= 0
   */
  public record Row(String recommender, String protocol, int queries, double recallAt10, double recallAt50,
      double ndcgAt50) {
    public Row {
      Objects.requireNonNull(recommender, "recommender");
      Objects.requireNonNull(protocol, "protocol");
      if (queries < 0) {
        throw new IllegalArgumentException("queries must be >= 0 (got " + queries + ")");
      }
      checkShare("recallAt10", recallAt10);
      checkShare("recallAt50", recallAt50);
      checkShare("ndcgAt50", ndcgAt50);
    }

    private static void checkShare(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1] (got " + value + ")");
      }
    }
  }

  public RecommenderComparison {
    rows = List.copyOf(rows);
  }

  /** The results of {@code report} under {@link #WARM_AND_COLD}, where the report has them. */
  public static RecommenderComparison from(EvaluationReport report) {
    return from(report, WARM_AND_COLD);
  }

  /**
   * The results of {@code report} under {@code protocols}, protocol by protocol in the given order and
   * recommenders in report order; protocols the report did not run are left out.
   */
  public static RecommenderComparison from(EvaluationReport report, List<EvaluationProtocol> protocols) {
    List<Row> rows = new ArrayList<>();
    for (EvaluationProtocol protocol : protocols) {
      for (EvaluationResult r : report.results()) {
        if (r.protocol() == protocol) {
          rows.add(new Row(r.recommender(), protocol.label(), r.queries(), r.recallAt10(), r.recallAt50(),
              r.ndcgAt50()));
        }
      }
    }
    return new RecommenderComparison(rows);
  }

  /** Recommender names in order of first appearance. */
  public List<String> recommenders() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.add(r.recommender()));
    return List.copyOf(names);
  }

  /** Protocol labels in order of first appearance. */
  public List<String> protocols() {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.add(r.protocol()));
    return List.copyOf(names);
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
