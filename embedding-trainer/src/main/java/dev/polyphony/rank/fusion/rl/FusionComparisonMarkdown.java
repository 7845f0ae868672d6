package dev.polyphony.rank.fusion.rl;

import dev.polyphony.rank.compare.MeanStd;
import dev.polyphony.rank.session.SatisfactionConfig;
import dev.polyphony.rank.session.SessionWorldConfig;
import java.util.List;
import java.util.Locale;

/** The Markdown report of a {@link FusionComparison}. */
public final class FusionComparisonMarkdown {
  private FusionComparisonMarkdown() {}

  public static String render(FusionComparison.Result result) {
    FusionComparisonConfig c = result.config();
    SessionWorldConfig w = c.world();
    SatisfactionConfig u = c.user();
    StringBuilder s = new StringBuilder();
    s.append("### Fusion policies in the session simulator\n\n");
    s.append(String.format(Locale.ROOT, "Session world: %d tracks in %d genres, %d users, latent dimension %d, "
            + "%d candidates per request (%.0f%% from the preferred genre), slates of %d, at most %d requests, world seed "
            + "%d. Satisfaction: initial %.2f, memory %.2f, fit %.2f, diversity %.2f, fresh %.2f, continuation logit "
            + "%.2f + %.2f s, save reward %.2f.%n%n", w.items(), w.genres(), w.users(), w.latentDim(), w.candidates(),
        100 * w.genreFocus(), w.slateSize(), w.maxSteps(), w.seed(), u.initial(), u.memory(), u.fitWeight(),
        u.diversityWeight(), u.freshWeight(), u.continueBias(), u.continueSlope(), u.saveReward()));
    s.append(String.format(Locale.ROOT, "Behaviour policy: the product with probability %.2f, else uniform over the %d "
            + "grid actions. Logged sessions: %d for training, %d more (another seed) for the off-policy estimates; "
            + "%d sessions served per policy in the simulator. Fitted-Q: discount %.2f, %d rounds, ridge %.2f, "
            + "pessimism %.2f, support threshold %.2f. Mean ± sample std over seeds %s.%n%n", 1 - c.epsilon(),
        result.runs().get(0).grid().size(), c.logSessions(), c.logSessions(), c.evalSessions(), c.fittedQ().gamma(),
        c.fittedQ().iterations(), c.fittedQ().ridge(), c.fittedQ().pessimism(), c.fittedQ().supportThreshold(),
        c.seeds()));
    s.append("| policy | session return | session length | click rate | save rate | WIS estimate | FQE estimate |\n");
    s.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (FusionComparison.Summary r : result.summaries()) {
      s.append("| ").append(r.policy()).append(" | ").append(fmt(r.sessionReturn(), 2)).append(" | ")
          .append(fmt(r.sessionLength(), 2)).append(" | ").append(fmt(r.clickRate(), 4)).append(" | ")
          .append(fmt(r.saveRate(), 4)).append(" | ").append(fmt(r.wis(), 2)).append(" | ").append(fmt(r.fqe(), 2))
          .append(" |\n");
    }
    FusionComparison.SeedRun first = result.runs().get(0);
    s.append(String.format(Locale.ROOT, "%nActions of the first seed (%d): ", first.seed()));
    List<String> parts = new java.util.ArrayList<>();
    for (FusionComparison.PolicyRun p : first.policies()) {
      if (p.action() != null) {
        parts.add(p.policy() + ": " + p.action());
      }
    }
    s.append(String.join("; ", parts)).append(".\n\n");
    s.append("Share of requests per grid action of the learned policy (first seed):\n\n| action | share |\n|---|---:|\n");
    for (FusionComparison.PolicyRun p : first.policies()) {
      if (p.action() == null && p.actionShares().length == first.grid().size() && p.policy().startsWith("learned")) {
        for (int a = 0; a < first.grid().size(); a++) {
          s.append("| ").append(first.grid().get(a)).append(String.format(Locale.ROOT, " | %.3f |%n",
              p.actionShares()[a]));
        }
      }
    }
    return s.toString();
  }

  private static String fmt(MeanStd m, int digits) {
    if (!m.present()) {
      return "–";
    }
    String f = "%." + digits + "f";
    return String.format(Locale.ROOT, f + " ± " + f, m.mean(), m.std());
  }
}
