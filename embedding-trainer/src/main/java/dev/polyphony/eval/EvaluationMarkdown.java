package dev.polyphony.eval;

import dev.polyphony.graph.split.ColdStartSplitConfig;
import dev.polyphony.graph.split.PlaylistContinuationSplitConfig;
import java.util.Locale;

/**
 * Formats an {@link EvaluationReport} as a GitHub-flavoured Markdown table: one row per protocol and
 * recommender (protocols in enum order, recommenders in report order), metrics with four decimals, and a
 * line with the split settings above it.
 */
public final class EvaluationMarkdown {
  private EvaluationMarkdown() {}

  public static String format(EvaluationReport report) {
    StringBuilder out = new StringBuilder();
    out.append(settings(report.config())).append("\n\n");
    out.append("| protocol | recommender | queries | relevant | Recall@10 | Recall@50 | NDCG@50 |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (EvaluationProtocol protocol : EvaluationProtocol.values()) {
      for (EvaluationResult r : report.results()) {
        if (r.protocol() == protocol) {
          out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.4f | %.4f | %.4f |\n",
              protocol.label(), escape(r.recommender()), r.queries(), r.relevant(), r.recallAt10(),
              r.recallAt50(), r.ndcgAt50()));
        }
      }
    }
    return out.toString();
  }

  /** One line naming both splits' settings and seeds. */
  static String settings(EvaluationConfig config) {
    PlaylistContinuationSplitConfig c = config.continuation();
    ColdStartSplitConfig s = config.coldStart();
    return String.format(Locale.ROOT,
        "Continuation split: relation %s, playlists with >= %d tracks, %.0f%% of tracks held out, seed %d. "
            + "Cold-start split: %.0f%% of %s nodes cold (held out: %s, %s in training), seed %d.",
        c.relation(), c.minTracks(), 100 * c.holdOutFraction(), c.seed(), 100 * s.coldFraction(),
        s.nodeType(), String.join(", ", s.heldOutRelations()),
        s.isolateInTraining() ? "isolated" : "not isolated", s.seed());
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
