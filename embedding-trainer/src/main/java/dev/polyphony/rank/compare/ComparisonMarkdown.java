package dev.polyphony.rank.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Formats comparisons as GitHub-flavoured Markdown: per data set the AUC table, calibration and (on
 * synthetic data) errors against the true probabilities, the fused ranking, the fusion weights, the
 * trade-off curve and the claims. Metrics are {@code mean ± std} over seeds with four decimals; a dash marks
 * a metric that does not apply.
 */
public final class ComparisonMarkdown {
  private ComparisonMarkdown() {}

  /** The whole report; {@code command} is the command line that reproduces it. */
  public static String format(List<DatasetComparison> comparisons, String command, int seeds, long firstSeed) {
    StringBuilder out = new StringBuilder("# Ranking heads compared\n\n");
    out.append(String.format(Locale.ROOT, "Mean ± sample std over %d seed%s (%s). Reproduce with `%s`.%n", seeds,
        seeds == 1 ? "" : "s", seedList(seeds, firstSeed), command));
    for (DatasetComparison c : comparisons) {
      out.append('\n').append(format(c));
    }
    return out.toString();
  }

  /** The section of one data set. */
  public static String format(DatasetComparison c) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(c.dataset()).append(": ").append(c.tasks()).append("\n\n");
    out.append(c.description()).append("\n\n");
    out.append(String.format(Locale.ROOT, "Impressions: %d train, %d validation, %d test. Test positive rates: %s.%n%n",
        c.trainImpressions(), c.validationImpressions(), c.testImpressions(), rates(c.testPositiveRates())));

    out.append("### AUC\n\nEntire impression space per task; conversion steps also given their parent, over the "
        + "impressions whose parent is positive.\n\n");
    List<String> header = new ArrayList<>(List.of("head"));
    header.addAll(c.taskNames());
    for (String t : c.conversionTasks()) {
      header.add(t + " given parent");
    }
    table(out, header);
    for (HeadSummary h : c.heads()) {
      List<String> row = new ArrayList<>(List.of(h.head()));
      for (String t : c.taskNames()) {
        row.add(ms(h.task(t).auc()));
      }
      for (String t : c.conversionTasks()) {
        row.add(ms(h.task(t).conditionalAuc()));
      }
      row(out, row);
    }
    if (!c.oracleAuc().isEmpty()) {
      List<String> row = new ArrayList<>(List.of("*true probabilities*"));
      for (String t : c.taskNames()) {
        row.add(number(c.oracleAuc().get(t)));
      }
      for (int i = 0; i < c.conversionTasks().size(); i++) {
        row.add("–");
      }
      row(out, row);
    }

    boolean truth = !c.oracleAuc().isEmpty();
    out.append("\n### Calibration").append(truth ? " and error against the true probabilities" : "").append("\n\n");
    out.append("Expected calibration error (10 equal-count bins) of the entire-space probability")
        .append(truth ? "; RMSE of the entire-space probability and of the conditional probability given the parent "
            + "over the entire space (CVR on the entire space) against the generator's." : ".").append("\n\n");
    header = new ArrayList<>(List.of("head"));
    for (String t : c.taskNames()) {
      header.add("ECE " + t);
    }
    if (truth) {
      for (String t : c.taskNames()) {
        header.add("RMSE " + t);
      }
      for (String t : c.conversionTasks()) {
        header.add("RMSE " + t + " given parent");
      }
    }
    table(out, header);
    for (HeadSummary h : c.heads()) {
      List<String> row = new ArrayList<>(List.of(h.head()));
      for (String t : c.taskNames()) {
        row.add(ms(h.task(t).calibrationError()));
      }
      if (truth) {
        for (String t : c.taskNames()) {
          row.add(ms(h.task(t).jointRmse()));
        }
        for (String t : c.conversionTasks()) {
          row.add(ms(h.task(t).conditionalRmse()));
        }
      }
      row(out, row);
    }

    List<String> traits = c.heads().isEmpty() ? List.of() : new ArrayList<>(c.heads().get(0).exposures().keySet());
    out.append("\n### Fused ranking\n\nWeights searched on validation by the cross-entropy method against the "
        + "long-term objective (deep-engagement NDCG@k plus credited exposure), applied to test; NDCG of the plain "
        + "product of task probabilities for reference; timing of training and of scoring the test impressions.\n\n");
    header = new ArrayList<>(List.of("head", "NDCG", "objective"));
    for (String trait : traits) {
      header.add(trait + " share");
    }
    header.addAll(List.of("NDCG of product", "epochs", "train s", "scored / s", "parameters"));
    table(out, header);
    for (HeadSummary h : c.heads()) {
      List<String> row = new ArrayList<>(List.of(h.head(), ms(h.ndcg()), ms(h.objective())));
      for (String trait : traits) {
        row.add(ms(h.exposures().get(trait)));
      }
      row.addAll(List.of(ms(h.productNdcg()), String.format(Locale.ROOT, "%.1f", h.epochs().mean()),
          String.format(Locale.ROOT, "%.1f", h.trainSeconds().mean()),
          String.format(Locale.ROOT, "%.0f", h.scoredPerSecond().mean()), Long.toString(h.parameters())));
      row(out, row);
    }

    out.append("\n### Fusion weights (first seed)\n\nScore = sum of task weight x ln p(task) + sum of trait weight x "
        + "trait.\n\n");
    header = new ArrayList<>(List.of("head"));
    for (String t : c.taskNames()) {
      header.add("w " + t);
    }
    for (String trait : traits) {
      header.add("w " + trait);
    }
    table(out, header);
    for (HeadSummary h : c.heads()) {
      RunResult.FusionOutcome f = h.runs().get(0).fusion();
      List<String> row = new ArrayList<>(List.of(h.head()));
      for (double w : f.taskWeights()) {
        row.add(String.format(Locale.ROOT, "%.3f", w));
      }
      for (String trait : traits) {
        row.add(String.format(Locale.ROOT, "%.3f", f.traitWeights().getOrDefault(trait, 0.0)));
      }
      row(out, row);
    }

    if (c.tradeOffHead() != null && !c.tradeOff().isEmpty()) {
      out.append("\n### Trade-off: ").append(c.tradeOffHead()).append(", credit for ").append(c.tradeOffTrait())
          .append(" exposure\n\nFor each credit the weights maximising the objective on validation (first seed).\n\n");
      header = new ArrayList<>(List.of("credit"));
      for (String t : c.taskNames()) {
        header.add("w " + t);
      }
      header.add("w " + c.tradeOffTrait());
      header.addAll(List.of("validation NDCG", "validation " + c.tradeOffTrait() + " share", "test NDCG",
          "test " + c.tradeOffTrait() + " share"));
      table(out, header);
      for (DatasetComparison.TradeOffRow p : c.tradeOff()) {
        List<String> row = new ArrayList<>(List.of(String.format(Locale.ROOT, "%.2f", p.credit())));
        for (double w : p.taskWeights()) {
          row.add(String.format(Locale.ROOT, "%.3f", w));
        }
        row.add(String.format(Locale.ROOT, "%.3f", p.traitWeights().getOrDefault(c.tradeOffTrait(), 0.0)));
        row.addAll(List.of(number(p.validationNdcg()), number(p.validationExposure()), number(p.testNdcg()),
            number(p.testExposure())));
        row(out, row);
      }
    }

    if (!c.claims().isEmpty()) {
      out.append("\n### Claims of the papers\n\n");
      for (DatasetComparison.Claim claim : c.claims()) {
        out.append("- ").append(claim.statement()).append(": **").append(claim.verdict()).append("** (")
            .append(claim.detail()).append(")\n");
      }
    }
    return out.toString();
  }

  private static String rates(Map<String, Double> rates) {
    List<String> parts = new ArrayList<>();
    rates.forEach((task, rate) -> parts.add(String.format(Locale.ROOT, "%s %.4f", task, rate)));
    return String.join(", ", parts);
  }

  private static String seedList(int seeds, long first) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      parts.add(Long.toString(first + i));
    }
    return String.join(", ", parts);
  }

  static String ms(MeanStd m) {
    if (m == null || !m.present()) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.std());
  }

  private static String number(Double v) {
    return v == null || v.isNaN() ? "–" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static void table(StringBuilder out, List<String> header) {
    row(out, header);
    out.append('|');
    for (int i = 0; i < header.size(); i++) {
      out.append(i == 0 ? "---|" : "---:|");
    }
    out.append('\n');
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append("| ");
    Function<String, String> escape = s -> s.replace("|", "\\|");
    out.append(String.join(" | ", cells.stream().map(escape).toList())).append(" |\n");
  }
}
