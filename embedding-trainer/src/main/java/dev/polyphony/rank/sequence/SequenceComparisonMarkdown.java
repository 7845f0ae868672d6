package dev.polyphony.rank.sequence;

import dev.polyphony.rank.compare.DatasetComparison;
import dev.polyphony.rank.compare.HeadSummary;
import dev.polyphony.rank.compare.MeanStd;
import java.util.Locale;

/** The Markdown table of a {@link SequenceComparison}: per-task AUC of every head with and without sequences. */
public final class SequenceComparisonMarkdown {
  private SequenceComparisonMarkdown() {}

  public static String render(SequenceComparison.Result result, int seeds, long firstSeed) {
    DatasetComparison without = result.without();
    StringBuilder s = new StringBuilder("### Multi-scale behaviour sequences in the entire-space heads\n\n");
    s.append(result.description()).append(String.format(Locale.ROOT, " Mean ± sample std over %d seeds from %d.%n%n",
        seeds, firstSeed));
    s.append("| head | sequences |");
    for (String task : without.taskNames()) {
      s.append(" AUC ").append(task).append(" |");
    }
    for (String task : without.conversionTasks()) {
      s.append(" AUC ").append(task).append(" given parent |");
    }
    s.append("\n|---|---|");
    s.append("---:|".repeat(without.taskNames().size() + without.conversionTasks().size())).append('\n');
    for (HeadSummary head : without.heads()) {
      row(s, head, "none", without);
      row(s, result.with().head(head.head()).orElseThrow(), "last, recent, all", without);
    }
    return s.toString();
  }

  private static void row(StringBuilder s, HeadSummary head, String variant, DatasetComparison names) {
    s.append("| ").append(head.head()).append(" | ").append(variant).append(" |");
    for (String task : names.taskNames()) {
      s.append(' ').append(fmt(head.task(task).auc())).append(" |");
    }
    for (String task : names.conversionTasks()) {
      s.append(' ').append(fmt(head.task(task).conditionalAuc())).append(" |");
    }
    s.append('\n');
  }

  private static String fmt(MeanStd m) {
    return m.present() ? String.format(Locale.ROOT, "%.4f ± %.4f", m.mean(), m.std()) : "–";
  }
}
